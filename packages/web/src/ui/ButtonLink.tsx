import { Link, type LinkProps } from 'react-router';
import { cx } from './cx';
import ui from './ui.module.css';

/** A link that looks like the kit's Button (navigation, so it stays a link for assistive tech and new tabs). */
export function ButtonLink({
  variant = 'secondary',
  size = 'md',
  className,
  ...rest
}: LinkProps & { variant?: 'primary' | 'secondary' | 'ghost'; size?: 'sm' | 'md' }) {
  return (
    <Link
      {...rest}
      className={cx(ui.button, ui[variant], size === 'sm' && ui.sm, className)}
      style={{ textDecoration: 'none' }}
    />
  );
}
