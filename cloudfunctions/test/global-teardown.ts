import type { LocalDatabase } from '../../scripts/local/database';
import type { ObjectStorage } from '../../scripts/local/object-storage';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis as { __heleDatabase__?: LocalDatabase; __heleStorage__?: ObjectStorage };
  await stack.__heleStorage__?.stop();
  await stack.__heleDatabase__?.stop();
}
