/**
 * Demo data for the local stage, written through the features' own repositories so that it has
 * exactly the shape the API writes. Idempotent: running it again changes nothing.
 * Runs as its own process (`tsx scripts/local/seed.ts`) with the functions' environment, so the
 * repositories reach the stack's database and never another one the caller talks to.
 */
import { DEV_USERS } from '@hele/shared';
import { dynamoUserRepository } from '../../cloudfunctions/src/auth/repository';

export const seedDemoData = async (now = new Date()): Promise<void> => {
  for (const user of DEV_USERS) {
    await dynamoUserRepository.findOrCreate({ openid: `dev:${user.name}`, nickname: user.nickname, roles: [...user.roles] }, now);
  }
};

if (require.main === module) {
  seedDemoData().catch((error: Error) => {
    console.error(`seeding failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
