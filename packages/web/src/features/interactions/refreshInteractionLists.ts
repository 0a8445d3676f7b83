import type { ApolloClient } from '@apollo/client';

/**
 * After an interaction was logged: the communication log (`Query.interactions`) and the timelines of the records it
 * is about (`Customer.interactions`, `Project.interactions`) are marked stale, and the queries showing them refetch.
 */
export function refreshInteractionLists(
  client: ApolloClient,
  about: { customerId?: string | null; projectId?: string | null },
): void {
  const ids = [
    about.customerId && client.cache.identify({ __typename: 'Customer', id: about.customerId }),
    about.projectId && client.cache.identify({ __typename: 'Project', id: about.projectId }),
  ].filter((id): id is string => Boolean(id));
  void client
    .refetchQueries({
      updateCache: (cache) => {
        cache.modify({ fields: { interactions: (_v, { INVALIDATE }) => INVALIDATE } });
        for (const id of ids) cache.modify({ id, fields: { interactions: (_v, { INVALIDATE }) => INVALIDATE } });
      },
    })
    // A failed refresh shows as that list's error; the entry is logged either way.
    .catch(() => undefined);
}
