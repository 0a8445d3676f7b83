import type { Resolvers } from '../../generated/graphql';
import type { SearchHit } from './search.service';

/** The hits whose record the request's loader finds (under the same row rule), in their order; any gone since are left out. */
async function withNodes<T>(hits: SearchHit[], load: (id: string) => Promise<T | null>): Promise<Array<SearchHit & { node: T }>> {
  const nodes = await Promise.all(hits.map((h) => load(h.id)));
  return hits.flatMap((h, i) => (nodes[i] ? [{ ...h, node: nodes[i] }] : []));
}

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, { query, first }, { services, viewer }) => services.search.search(viewer, query, first),
  },
  SearchResults: {
    customers: (r, _, { loaders }) => withNodes(r.customers, (id) => loaders.customerById.load(id)),
    leads: (r, _, { loaders }) => withNodes(r.leads, (id) => loaders.leadById.load(id)),
    projects: (r, _, { loaders }) => withNodes(r.projects, (id) => loaders.projectById.load(id)),
    partners: (r, _, { loaders }) => withNodes(r.partners, (id) => loaders.partnerById.load(id)),
  },
};
