/**
 * The online learning library (在线学习资料库): materials for everyone, for members or for volunteers
 * only; search by title, tag and category that works for Chinese (bigram tokens, shared/rules/search);
 * each member's reading progress. Files go from the app straight to the media bucket under the
 * uploader's folder; a material names its file and the function only checks it is there.
 */
import {
  earnedProgress,
  hasAnyRole,
  MATERIAL_FILE_BYTES_MAX,
  MATERIAL_FILE_TYPES,
  materialFileFits,
  materialFilePrefix,
  materialTokens,
  queryTokens,
  Role,
  type Material,
  type MaterialInput,
  type MaterialQuery,
  type MaterialUploadRequest,
  type ProgressRequest,
} from '@hele/shared';
import { ulid } from 'ulid';
import { ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import type { Principal } from '../lib/principal';
import type { SeriesSummary } from '../domain/series';
import { partyPoints } from '../domain/party-points';
import type { MediaStorage, UploadTicket } from '../lib/storage';
import type { libraryRepository as LibraryRepository, MaterialRecord } from './repository';

export interface LibraryDeps {
  library: typeof LibraryRepository;
  media: MediaStorage;
  series: (id: string) => Promise<SeriesSummary | undefined>;
  now?: () => Date;
}

const SEARCH_RESULTS_MAX = 100;

const mayOpen = (caller: Principal, material: MaterialRecord) =>
  material.audience === 'public' ||
  (material.audience === 'members' && caller.roles.length > 0) ||
  hasAnyRole(caller.roles, [Role.VOLUNTEER, Role.COORDINATOR, Role.LECTURER]);

const toMaterial = ({ pk: _pk, sk: _sk, ...material }: MaterialRecord, progress?: number): Material => ({
  ...material,
  ...(progress !== undefined ? { progress } : {}),
});
const newestFirst = (a: MaterialRecord, b: MaterialRecord) => b.id.localeCompare(a.id);

export const createLibraryService = ({ library, media, series: seriesOf, now = () => new Date() }: LibraryDeps) => {
  const withProgress = async (records: MaterialRecord[], caller: Principal) => {
    const progress = await library.progress(
      caller.id,
      records.map((record) => record.id),
    );
    return records.map((record) => toMaterial(record, progress.get(record.id) ?? 0));
  };

  /** The named file must be the caller's own upload, in the bucket, of a type this kind takes: what it is, as the bucket says. */
  const checkedFile = async (file: NonNullable<MaterialInput['file']>, kind: MaterialInput['kind'], caller: Principal) => {
    if (!file.key.startsWith(materialFilePrefix(caller.id))) throw ValidationError.field('file.key', '不是你上传的文件');
    const stored = await media.stat(file.key);
    if (!stored) throw ValidationError.field('file.key', '文件尚未上传成功');
    if (!materialFileFits(stored.contentType, kind))
      throw ValidationError.field('file.key', `文件类型（${stored.contentType || '未知'}）与资料类型不符`);
    return { key: file.key, name: file.name, bytes: stored.bytes, contentType: stored.contentType };
  };

  /** Coordinators attach to any series; a lecturer only to one they teach. */
  const checkSeries = async (seriesId: string, caller: Principal) => {
    const series = await seriesOf(seriesId);
    if (!series) throw ValidationError.field('seriesId', '公益班不存在');
    if (!hasAnyRole(caller.roles, [Role.COORDINATOR]) && !series.lecturerIds.includes(caller.id)) {
      throw new ForbiddenError('Lecturers add materials only to the series they teach');
    }
  };

  const openable = async (id: string, caller: Principal) => {
    const record = await library.get(id);
    // A material the caller may not open does not exist for them.
    if (!record || !mayOpen(caller, record)) throw new NotFoundError('Material');
    return record;
  };

  return {
    /** A presigned POST for one file, under the caller's folder, held to its type and that type's size cap. */
    async createUpload(request: MaterialUploadRequest, caller: Principal): Promise<UploadTicket> {
      const type = MATERIAL_FILE_TYPES[request.contentType];
      const key = `${materialFilePrefix(caller.id)}${ulid(now().getTime())}.${type.extension}`;
      return media.presignUpload({ key, contentType: request.contentType, maxBytes: MATERIAL_FILE_BYTES_MAX[type.kind] });
    },

    async create(input: MaterialInput, caller: Principal) {
      const { file, ...fields } = input;
      const stored = file ? await checkedFile(file, input.kind, caller) : undefined;
      if (input.seriesId) await checkSeries(input.seriesId, caller);
      const at = now();
      const id = ulid(at.getTime());
      const record: MaterialRecord = {
        pk: 'M',
        sk: id,
        id,
        ...fields,
        ...(stored ? { file: stored } : {}),
        createdBy: caller.id,
        createdAt: at.toISOString(),
      };
      await library.create(record, materialTokens(input));
      return toMaterial(record, 0);
    },

    /**
     * With `q`: materials carrying every token of the query (newest first); with `seriesId`: that
     * series' materials, page by page; else the newest, page by page. Lists never carry file links.
     */
    async list(query: MaterialQuery, caller: Principal) {
      const fits = (record: MaterialRecord) =>
        mayOpen(caller, record) &&
        (!query.category || record.category === query.category) &&
        (!query.seriesId || record.seriesId === query.seriesId);
      if (!query.q && query.seriesId) {
        const page = await library.seriesMaterialIds(query.seriesId, query);
        const records = (await library.many(page.items)).filter(fits).sort(newestFirst);
        return { items: await withProgress(records, caller), nextCursor: page.nextCursor };
      }
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
      const records = (await library.many((ids ?? []).slice(0, SEARCH_RESULTS_MAX))).filter(fits).sort(newestFirst);
      return { items: await withProgress(records, caller), nextCursor: null };
    },

    /** One material; its file with a fresh signed link. */
    async get(id: string, caller: Principal) {
      const record = await openable(id, caller);
      const [[material], fileUrl] = await Promise.all([
        withProgress([record], caller),
        record.file ? media.readUrl(record.file.key) : undefined,
      ]);
      return { ...material!, ...(fileUrl ? { fileUrl } : {}) };
    },

    /** Progress as earned by what the member reports (shared/rules/learning): never by a tap, never down. */
    async progress(id: string, report: ProgressRequest, caller: Principal) {
      const material = await openable(id, caller);
      const at = now();
      const { percent, startedAt } = await library.begin(caller.id, id, at.toISOString());
      const verdict = earnedProgress(material, report, { previous: percent, startedAt: new Date(startedAt), now: at });
      if (!verdict.ok) throw ValidationError.field('event', verdict.message);
      const progress = verdict.progress > percent ? await library.raiseProgress(caller.id, id, verdict.progress) : percent;
      // 党员积分: a material finished, once.
      if (percent < 100 && progress >= 100)
        await partyPoints.awardQuietly({ userId: caller.id, kind: 'material', ref: id, what: material.title, actorId: caller.id, at });
      return { materialId: id, progress };
    },
  };
};
