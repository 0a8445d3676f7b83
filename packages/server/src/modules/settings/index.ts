import type { Feature } from '../feature';
import { SettingEntity } from './setting.entity';

export const settings: Feature = { name: 'settings', entities: [SettingEntity] };
