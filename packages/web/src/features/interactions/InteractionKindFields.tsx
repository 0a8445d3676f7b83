import type { InteractionDirection, InteractionType } from '../../gql/graphql';
import { CHOSEN_DIRECTIONS, directionHint, directionLabel, INTERACTION_TYPES, typeLabel } from './interactionTypes';
import { TypeIcon } from './TypeIcon';
import styles from './interactions.module.css';

export interface InteractionKindFieldsProps {
  type: InteractionType;
  direction: InteractionDirection;
  onType: (type: InteractionType) => void;
  onDirection: (direction: InteractionDirection) => void;
  typeError: string | null;
  directionError: string | null;
}

/** The kind (call, visit, …) as tiles, and for anything but a note its direction. */
export function InteractionKindFields({ type, direction, onType, onDirection, typeError, directionError }: InteractionKindFieldsProps) {
  return (
    <>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Kind</legend>
        <div className={styles.typeGrid}>
          {INTERACTION_TYPES.map((t) => (
            <label key={t} className={styles.typeTile}>
              <input
                type="radio"
                name="type"
                value={t}
                checked={type === t}
                onChange={() => onType(t)}
                className="visually-hidden"
              />
              <TypeIcon type={t} size={22} />
              <span>{typeLabel(t)}</span>
            </label>
          ))}
        </div>
        {typeError && <span className={styles.fieldError}>{typeError}</span>}
      </fieldset>

      {type !== 'NOTE' && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Direction</legend>
          <div className={styles.directionGrid}>
            {CHOSEN_DIRECTIONS.map((d) => (
              <label key={d} className={styles.typeTile}>
                <input
                  type="radio"
                  name="direction"
                  value={d}
                  checked={direction === d}
                  onChange={() => onDirection(d)}
                  className="visually-hidden"
                />
                <span>
                  <strong>{directionLabel(d)}</strong>
                  <span className={styles.tileHint}>{directionHint(d)}</span>
                </span>
              </label>
            ))}
          </div>
          {directionError && <span className={styles.fieldError}>{directionError}</span>}
        </fieldset>
      )}
    </>
  );
}
