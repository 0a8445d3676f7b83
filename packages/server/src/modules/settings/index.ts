import type { Feature } from '../feature';
import { companyResolvers } from './company.resolvers';
import { SettingEntity } from './setting.entity';

export const settings: Feature = { name: 'settings', entities: [SettingEntity], resolvers: companyResolvers };
