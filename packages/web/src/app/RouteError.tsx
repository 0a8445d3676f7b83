import { useRouteError } from 'react-router';
import { CodeLoadError } from '../lib/lazyLoad';
import { ErrorState } from '../ui';

/**
 * What a route shows instead of its page when the page fails: its code could not be downloaded (the app was updated
 * since it loaded, or the connection dropped) or it stopped on an error. Either way a reload is the way out: it
 * fetches the current version.
 */
export function RouteError() {
  const notLoaded = useRouteError() instanceof CodeLoadError;
  return (
    <ErrorState
      title={notLoaded ? 'This page could not be loaded' : 'Something went wrong'}
      error={{
        message: notLoaded
          ? 'The app may have been updated, or the connection dropped. Reload to get the current version.'
          : 'This page stopped on an unexpected error. Reloading the app usually gets past it.',
      }}
      onRetry={() => window.location.reload()}
      retryLabel="Reload"
    />
  );
}
