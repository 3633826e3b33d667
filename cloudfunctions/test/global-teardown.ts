import type { LocalDatabase } from '../../scripts/local/database';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __heleDatabase__?: LocalDatabase }).__heleDatabase__?.stop();
}
