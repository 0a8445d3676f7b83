import { NONE, roleScope, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';

/** Review requests a viewer may see: admins all; managers and sales their teams'; field techs none. */
export const reviewRequestScope = (viewer: Viewer, alias: string): Scope => roleScope(viewer, alias, { sales: 'team', fieldTech: () => NONE });
