import * as z from 'zod';
import { MATERIAL_FILE_BYTES_MAX, MATERIAL_FILE_EXTENSIONS, MATERIAL_FILE_TYPES, type MaterialFileType } from '../rules/library';
import { Id, IsoDateTime, ListQuery, page } from './common';
import { UploadTicket } from './feed';

export const MaterialKindSchema = z.enum(['article', 'video', 'document', 'audio']);
export const MATERIAL_KIND_LABELS: Record<z.infer<typeof MaterialKindSchema>, string> = {
  article: '文章',
  video: '视频',
  document: '文档',
  audio: '音频',
};
/** Who may open a material. */
export const AudienceSchema = z.enum(['public', 'members', 'volunteers']);
export const AUDIENCE_LABELS: Record<z.infer<typeof AudienceSchema>, string> = {
  public: '公开',
  members: '党员群众',
  volunteers: '仅志愿者',
};

/** Where a user's uploads to the library live in the media bucket: under the uploader. */
export const materialFilePrefix = (userId: string) => `library/${userId}/`;
export const MaterialFileKey = z
  .string()
  .max(256)
  .regex(new RegExp(`^library/[A-Za-z0-9_-]+/[0-9A-Z]{26}\\.(${MATERIAL_FILE_EXTENSIONS.join('|')})$`), '不是已上传的文件');
/** The name the file had on the phone, shown to readers (never part of a key). */
const FileName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^/\\]+$/, '须为文件名，不能含路径');

/** Asking to upload one file: its type (which sets the size cap of the policy), its name, and optionally its size. */
export const MaterialUploadRequest = z
  .object({
    contentType: z.enum(Object.keys(MATERIAL_FILE_TYPES) as [MaterialFileType, ...MaterialFileType[]], {
      message: '须为 PDF、Word、PowerPoint、Excel 文档，MP3、M4A、AAC 音频或 MP4 视频',
    }),
    fileName: FileName,
    size: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const max = MATERIAL_FILE_BYTES_MAX[MATERIAL_FILE_TYPES[value.contentType].kind];
    if (value.size !== undefined && value.size > max)
      ctx.addIssue({ code: 'custom', path: ['size'], message: `最大 ${max / 1024 / 1024} MB` });
  });
export type MaterialUploadRequest = z.infer<typeof MaterialUploadRequest>;
export const MaterialUploadTicket = UploadTicket.extend({ key: MaterialFileKey });
export const MaterialUploadResponse = z.object({ upload: MaterialUploadTicket });

/**
 * A material of the online learning library (在线学习资料库): an article's text, or a video, document
 * or audio as a link or as a file uploaded to the media bucket; optionally one of a class series'.
 */
export const MaterialInput = z
  .object({
    title: z.string().trim().min(2).max(60),
    kind: MaterialKindSchema,
    category: z.string().trim().min(1).max(20),
    tags: z.array(z.string().trim().min(1).max(12)).max(8).default([]),
    audience: AudienceSchema.default('public'),
    url: z
      .url({ protocol: /^https$/ })
      .max(500)
      .optional(),
    /** An upload of the caller's (see MaterialUploadRequest), instead of `url`. */
    file: z.object({ key: MaterialFileKey, name: FileName }).strict().optional(),
    body: z.string().trim().max(20_000).optional(),
    activityId: Id.optional(),
    seriesId: Id.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'article') {
      if (!value.body) ctx.addIssue({ code: 'custom', path: ['body'], message: '文章需要正文' });
      if (value.file) ctx.addIssue({ code: 'custom', path: ['file'], message: '文章不需要上传文件' });
    } else if (!value.url && !value.file) ctx.addIssue({ code: 'custom', path: ['url'], message: '请填写链接（https）或上传文件' });
    else if (value.url && value.file) ctx.addIssue({ code: 'custom', path: ['file'], message: '链接和文件只能二选一' });
  });
export type MaterialInput = z.infer<typeof MaterialInput>;

/** An uploaded file as stored with its material: what the bucket said of it when the material was made. */
export const MaterialFile = z.object({ key: MaterialFileKey, name: z.string(), bytes: z.number().int(), contentType: z.string() });
export type MaterialFile = z.infer<typeof MaterialFile>;

export const Material = z.object({
  id: Id,
  title: z.string(),
  kind: MaterialKindSchema,
  category: z.string(),
  tags: z.array(z.string()),
  audience: AudienceSchema,
  url: z.string().optional(),
  file: MaterialFile.optional(),
  /** A signed link to the file, only on a single material to those who may open it. */
  fileUrl: z.string().optional(),
  body: z.string().optional(),
  activityId: Id.optional(),
  seriesId: Id.optional(),
  createdBy: Id,
  createdAt: IsoDateTime,
  /** The caller's reading/viewing progress, 0–100. */
  progress: z.number().int().optional(),
});
export type Material = z.infer<typeof Material>;
export const MaterialPage = page(Material);
export const MaterialQuery = ListQuery.extend({
  q: z.string().trim().min(1).max(30).optional(),
  category: z.string().trim().max(20).optional(),
  /** Only this class series' materials. */
  seriesId: Id.optional(),
});
export type MaterialQuery = z.infer<typeof MaterialQuery>;
/** What the member did (shared/rules/learning): played up to a position, read to the end, or opened the material. */
export const ProgressRequest = z.discriminatedUnion('event', [
  z
    .object({
      event: z.literal('played'),
      /** Seconds: the furthest position reached, and the media's length. */
      position: z.number().min(0).max(86_400),
      duration: z.number().positive().max(86_400),
    })
    .strict(),
  z.object({ event: z.literal('read_to_end') }).strict(),
  z.object({ event: z.literal('opened') }).strict(),
]);
export type ProgressRequest = z.infer<typeof ProgressRequest>;
export const ProgressResponse = z.object({ materialId: Id, progress: z.number().int() });
