import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A chunk of the app could not be fetched: a new version deployed since the app loaded, or the connection dropped. */
export class CodeLoadError extends Error {
  override name = 'CodeLoadError';
}

/** React.lazy's own bound. */
type AnyComponent = ComponentType<any>;

/** A lazily loaded component whose code can be asked for before it renders. */
export type LazyComponent<T extends AnyComponent> = LazyExoticComponent<T> & { preload(): void };

/**
 * `React.lazy` over a dynamic `import()` (its own chunk in the build). A failure to load throws a CodeLoadError, told
 * apart from other errors by the route's error screen (app/RouteError.tsx), which offers a reload. `preload()` starts
 * the download early; the component then renders from the same request.
 */
export function lazyLoad<T extends AnyComponent>(load: () => Promise<{ default: T }>): LazyComponent<T> {
  let loading: Promise<{ default: T }> | undefined;
  const loadOnce = () =>
    (loading ??= load().catch((cause: unknown) => {
      throw new CodeLoadError('This part of the app could not be downloaded.', { cause });
    }));
  // A failed preload is reported when the component renders.
  return Object.assign(lazy(loadOnce), { preload: () => void loadOnce().catch(() => undefined) });
}

/** What a page's route carries in `handle`: its component, so the layout can fetch its code early. */
export interface PageHandle {
  page: LazyComponent<AnyComponent>;
}

/** Starts downloading the code of the matched routes' pages. */
export function preloadPages(matches: readonly { handle: unknown }[]): void {
  for (const { handle } of matches) (handle as Partial<PageHandle> | undefined)?.page?.preload();
}
