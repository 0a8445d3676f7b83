import type { Feature } from '../feature';
import { userReads } from './user.sql';
import { UserEntity } from './user.entity';
import { createUserLoaders } from './user.loaders';
import { viewerUpdated } from './user.events';
import { userResolvers } from './user.resolvers';

export const users: Feature = {
  name: 'users',
  entities: [UserEntity],
  resolvers: userResolvers,
  loaders: createUserLoaders,
  sqlReads: userReads,
  events: [viewerUpdated],
  nodeTypes: [
    {
      typeName: 'User',
      entity: UserEntity,
      // Staff directory: yourself, or anyone for admins and managers (as `user(id:)`).
      load: (id, _g, { viewer, loaders }) =>
        viewer.id === id || viewer.role === 'ADMIN' || viewer.role === 'MANAGER' ? loaders.userById.load(id) : Promise.resolve(null),
    },
  ],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createUserLoaders> {}
}
