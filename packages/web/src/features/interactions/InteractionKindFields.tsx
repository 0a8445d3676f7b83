import type { InteractionDirection, InteractionType } from '../../gql/graphql';
import { Fieldset, RadioTile } from '../../ui';
import { CHOSEN_DIRECTIONS, directionHint, directionLabel, INTERACTION_TYPES, typeLabel } from './interactionTypes';
import { TypeIcon } from './TypeIcon';
import styles from './InteractionKindFields.module.css';

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
      <Fieldset legend="Kind" error={typeError}>
        <div className={styles.typeGrid}>
          {INTERACTION_TYPES.map((t) => (
            <RadioTile key={t} name="type" value={t} checked={type === t} onChoose={() => onType(t)} className={styles.typeTile}>
              <TypeIcon type={t} size={22} />
              <span>{typeLabel(t)}</span>
            </RadioTile>
          ))}
        </div>
      </Fieldset>

      {type !== 'NOTE' && (
        <Fieldset legend="Direction" error={directionError}>
          <div className={styles.directionGrid}>
            {CHOSEN_DIRECTIONS.map((d) => (
              <RadioTile
                key={d}
                name="direction"
                value={d}
                checked={direction === d}
                onChoose={() => onDirection(d)}
                className={styles.typeTile}
              >
                <span>
                  <strong>{directionLabel(d)}</strong>
                  <span className={styles.tileHint}>{directionHint(d)}</span>
                </span>
              </RadioTile>
            ))}
          </div>
        </Fieldset>
      )}
    </>
  );
}
