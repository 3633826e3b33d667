import fs from 'node:fs';
import path from 'node:path';
import type { LocalDatabase } from '../../scripts/local/database';
import type { ObjectStorage } from '../../scripts/local/object-storage';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis as { __heleDatabase__?: LocalDatabase; __heleStorage__?: ObjectStorage };
  await stack.__heleStorage__?.stop();
  await stack.__heleDatabase__?.stop();
  if (process.env.HELE_TEST_GRANTS) fs.rmSync(path.dirname(process.env.HELE_TEST_GRANTS), { recursive: true, force: true });
}
