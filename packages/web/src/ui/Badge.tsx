import type { HTMLAttributes } from 'react';
import { cx } from './cx';
import styles from './ui.module.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

const toneClass = (tone: BadgeTone) => (tone === 'danger' ? styles.dangerTone : styles[tone]);

export function Badge({ tone = 'neutral', className, ...rest }: BadgeProps) {
  return <span {...rest} className={cx(styles.badge, toneClass(tone), className)} />;
}
