import type { DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader } from '../../platform/db/loaders';
import { customerScope } from '../customers/customer.policy';
import { DuplicatePairEntity } from './duplicate-pair.entity';

export function createDuplicateLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    /** Duplicate pairs whose two customers the viewer may see, as admin or manager (null otherwise). */
    duplicatePairById: byIdLoader(ds, DuplicatePairEntity, (qb) => {
      if (!viewer || (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')) return qb.andWhere('false');
      for (const alias of ['pa', 'pb']) {
        const scope = customerScope(viewer, alias);
        qb.innerJoin('customers', alias, `${alias}.id = e.customer_${alias === 'pa' ? 'a' : 'b'}`);
        if (scope) qb.andWhere(scope.sql, scope.params);
      }
      return qb;
    }),
  };
}
