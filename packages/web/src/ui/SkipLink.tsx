import styles from './ui.module.css';

/**
 * "Skip to content": the first thing a keyboard reaches on every page, shown when focused; it moves focus to the
 * element with id `target` (the page's main region, focusable with tabIndex -1), past the top bar and the menu.
 */
export function SkipLink({ target }: { target: string }) {
  return (
    <a
      href={`#${target}`}
      className={styles.skipLink}
      onClick={(e) => {
        const main = document.getElementById(target);
        if (!main) return;
        e.preventDefault();
        main.focus();
        main.scrollIntoView?.({ block: 'start' });
      }}
    >
      Skip to content
    </a>
  );
}
