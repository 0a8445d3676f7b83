import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader } from '../../platform/db/loaders';
import { ImportEntity } from './import.entity';
import { importScope } from './import.policy';

export function createImportLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    /** Imports the viewer may see (null otherwise). */
    importById: byIdLoader(ds, ImportEntity, scoped(viewer, importScope)),
  };
}
