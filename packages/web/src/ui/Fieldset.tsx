import type { ReactNode } from 'react';
import { cx } from './cx';
import styles from './ui.module.css';

export interface FieldsetProps {
  legend: ReactNode;
  /** Shown below the group in red. */
  error?: string | null;
  className?: string;
  children: ReactNode;
}

/** A group of controls under a small bold legend (radio tiles, check boxes, a range), with its error below. */
export function Fieldset({ legend, error, className, children }: FieldsetProps) {
  return (
    <fieldset className={cx(styles.fieldset, className)}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
      {error && <span className={styles.error}>{error}</span>}
    </fieldset>
  );
}

export interface RadioTileProps {
  name: string;
  value: string;
  checked: boolean;
  onChoose: () => void;
  /** The tile's look (its `:has(input:checked)` and `:has(input:focus-visible)` states). */
  className?: string;
  children: ReactNode;
}

/** One choice of a radio group drawn as a tile: the label is the tile, the radio itself is for screen readers. */
export function RadioTile({ name, value, checked, onChoose, className, children }: RadioTileProps) {
  return (
    <label className={cx(styles.radioTile, className)}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChoose} className="visually-hidden" />
      {children}
    </label>
  );
}
