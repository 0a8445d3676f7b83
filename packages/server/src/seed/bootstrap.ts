import type { DataSource } from 'typeorm';
import type { Config } from '../platform/config';
import { hashPassword } from '../platform/auth/passwords';
import type { Logger } from '../platform/logger';
import { UserEntity } from '../modules/users/user.entity';
import { createObjectStorage } from '../platform/storage/create-storage';
import { printDemoLogins, seedDemo } from './demo';
import { seedDemoPartnerKey } from './demo-api-key';

/**
 * First start on an empty database: creates the operator's admin from ADMIN_EMAIL/ADMIN_PASSWORD when given, and the
 * demo company when SEED_DEMO_DATA is on (the default outside production). Tells whether it seeded the demo.
 */
export async function bootstrapData(ds: DataSource, config: Config, logger: Logger): Promise<{ seededDemo: boolean }> {
  if ((await ds.getRepository(UserEntity).count()) > 0) return { seededDemo: false };
  if (config.seedDemoData) printDemoLogins(await seedDemo(ds, logger, { companyName: config.company.name, publicUrl: config.messaging.publicUrl }, createObjectStorage(config.files)), await seedDemoPartnerKey(ds));
  if (config.admin) {
    const exists = await ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: config.admin.email })
      .getExists();
    if (!exists) {
      await ds.getRepository(UserEntity).insert({
        name: 'Administrator',
        email: config.admin.email,
        role: 'ADMIN',
        passwordHash: await hashPassword(config.admin.password),
      });
      logger.info({ email: config.admin.email }, 'created the first admin from ADMIN_EMAIL');
    }
  }
  if (!config.seedDemoData && !config.admin) {
    logger.warn('the users table is empty: set ADMIN_EMAIL and ADMIN_PASSWORD (or SEED_DEMO_DATA=true) and restart');
  }
  return { seededDemo: config.seedDemoData };
}
