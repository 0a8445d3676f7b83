import type { ApolloClient } from '@apollo/client';

/** After a project change: the audit log shown on the page (if any) refetches; nothing happens when none is shown. */
export function refreshHistory(client: ApolloClient): void {
  void client
    .refetchQueries({
      updateCache: (cache) => cache.modify({ fields: { auditLog: (_v, { INVALIDATE }) => INVALIDATE } }),
    })
    .catch(() => undefined);
}
