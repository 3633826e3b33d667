/** List cursors: DynamoDB's LastEvaluatedKey, opaque to the client (base64url JSON). */
import { ValidationError } from './errors';

export type Key = Record<string, unknown>;

export const encodeCursor = (key: Key | undefined, extra?: Record<string, unknown>): string | null =>
  key ? Buffer.from(JSON.stringify({ k: key, ...(extra ? { x: extra } : {}) })).toString('base64url') : null;

export const decodeCursor = (cursor: string | undefined): { key?: Key; extra?: Record<string, unknown> } => {
  if (!cursor) return {};
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; x?: unknown };
    if (!value || typeof value.k !== 'object' || value.k === null) throw new Error('no key');
    return { key: value.k as Key, extra: (value.x as Record<string, unknown> | undefined) ?? undefined };
  } catch {
    throw ValidationError.field('cursor', 'is not a cursor this API gave out');
  }
};
