import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader } from '../../platform/db/loaders';
import { SavedViewEntity } from './saved-view.entity';
import { savedViewScope } from './views.policy';

export function createViewLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    /** Saved views the viewer may see (null otherwise), for `node(id:)`. */
    savedViewById: byIdLoader(ds, SavedViewEntity, scoped(viewer, savedViewScope)),
  };
}
