import type { Feature } from '../feature';
import { searchResolvers } from './search.resolvers';

/** Global search over customers, leads, projects and partners (issue 17): one root field, no tables of its own. */
export const search: Feature = {
  name: 'search',
  resolvers: searchResolvers,
};
