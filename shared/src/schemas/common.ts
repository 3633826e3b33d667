import * as z from 'zod';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '../constants';
import { installChineseMessages } from './field-messages';

// Every schema below (and every other module's, which all import this one) reports in Chinese.
installChineseMessages();

/** Opaque id: what the server hands out, bounded so a key can never be abused. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');
export type Id = z.infer<typeof Id>;

/** ISO 8601 instant with an offset (`Z` or `+08:00`). */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const ErrorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(ErrorDetail).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `?limit=&cursor=` of every list route. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  cursor: z.string().min(1).max(1024).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

/**
 * Whole-number figures, one per name and in that order: the fields of a summary or a report row that only
 * count something (`z.object({ kind, ...counts('offers', 'allocations') })`).
 */
export const counts = <const Name extends string>(...names: Name[]) =>
  Object.fromEntries(names.map((name) => [name, z.number().int()])) as { [N in Name]: z.ZodNumber };

/** A page of a list route: its items and the cursor of the next page (`null` on the last). */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
/** A whole list, when it has no pages. */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Whom a row is about: the user, and their nickname as the row shows it. */
export const personFields = { userId: Id, nickname: z.string() };

/** When a record was made and when it last changed. */
export const timestampFields = { createdAt: IsoDateTime, updatedAt: IsoDateTime };

export const IdParams = z.object({ id: Id });

export const HealthResponse = z.object({ ok: z.literal(true) });
