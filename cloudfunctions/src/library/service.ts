/**
 * The online learning library (在线学习资料库): materials for everyone, for members or for volunteers
 * only; search by title, tag and category that works for Chinese (bigram tokens, shared/rules/search);
 * each member's reading progress.
 */
import { hasAnyRole, materialTokens, queryTokens, Role, type Material, type MaterialInput } from '@hele/shared';
import { ulid } from 'ulid';
import { NotFoundError } from '../lib/errors';
import type { Principal } from '../lib/principal';
import type { libraryRepository as LibraryRepository, MaterialRecord } from './repository';

export interface LibraryDeps {
  library: typeof LibraryRepository;
  now?: () => Date;
}

const SEARCH_RESULTS_MAX = 100;

const mayOpen = (caller: Principal, material: MaterialRecord) =>
  material.audience === 'public' ||
  (material.audience === 'members' && caller.roles.length > 0) ||
  hasAnyRole(caller.roles, [Role.VOLUNTEER, Role.COORDINATOR, Role.LECTURER]);

const toMaterial = ({ pk: _pk, sk: _sk, ...material }: MaterialRecord, progress?: number): Material => ({ ...material, ...(progress !== undefined ? { progress } : {}) });

export const createLibraryService = ({ library, now = () => new Date() }: LibraryDeps) => {
  const withProgress = async (records: MaterialRecord[], caller: Principal) => {
    const progress = await library.progress(caller.id, records.map((record) => record.id));
    return records.map((record) => toMaterial(record, progress.get(record.id) ?? 0));
  };

  return {
    async create(input: MaterialInput, caller: Principal) {
      const at = now();
      const id = ulid(at.getTime());
      const record: MaterialRecord = { pk: 'M', sk: id, id, ...input, createdBy: caller.id, createdAt: at.toISOString() };
      await library.create(record, materialTokens(input));
      return toMaterial(record, 0);
    },

    /** With `q`: materials carrying every token of the query (newest first); without: the newest, page by page. */
    async list(query: { q?: string; category?: string; limit: number; cursor?: string }, caller: Principal) {
      const fits = (record: MaterialRecord) => mayOpen(caller, record) && (!query.category || record.category === query.category);
      if (!query.q) {
        const page = await library.list(query);
        return { items: await withProgress(page.items.filter(fits), caller), nextCursor: page.nextCursor };
      }
      const tokens = queryTokens(query.q);
      let ids: string[] | undefined;
      for (const token of tokens) {
        const found = new Set(await library.withToken(token));
        ids = (ids ?? [...found]).filter((id) => found.has(id));
        if (!ids.length) break;
      }
      const records = (await library.many((ids ?? []).slice(0, SEARCH_RESULTS_MAX))).filter(fits).sort((a, b) => b.id.localeCompare(a.id));
      return { items: await withProgress(records, caller), nextCursor: null };
    },

    async get(id: string, caller: Principal) {
      const record = await library.get(id);
      // A material the caller may not open does not exist for them.
      if (!record || !mayOpen(caller, record)) throw new NotFoundError('Material');
      const [material] = await withProgress([record], caller);
      return material!;
    },

    async progress(id: string, percent: number, caller: Principal) {
      await this.get(id, caller);
      return { materialId: id, progress: await library.raiseProgress(caller.id, id, percent) };
    },
  };
};
