import { z } from 'zod';
import { Id, IsoDateTime, ListQuery } from './common';

export const MaterialKindSchema = z.enum(['article', 'video', 'document', 'audio']);
export const MATERIAL_KIND_LABELS: Record<z.infer<typeof MaterialKindSchema>, string> = { article: '文章', video: '视频', document: '文档', audio: '音频' };
/** Who may open a material. */
export const AudienceSchema = z.enum(['public', 'members', 'volunteers']);
export const AUDIENCE_LABELS: Record<z.infer<typeof AudienceSchema>, string> = { public: '公开', members: '党员群众', volunteers: '仅志愿者' };

/** A material of the online learning library (在线学习资料库): an article's text, or a link to a video, document or audio. */
export const MaterialInput = z
  .object({
    title: z.string().trim().min(2).max(60),
    kind: MaterialKindSchema,
    category: z.string().trim().min(1).max(20),
    tags: z.array(z.string().trim().min(1).max(12)).max(8).default([]),
    audience: AudienceSchema.default('public'),
    url: z.url({ protocol: /^https$/ }).max(500).optional(),
    body: z.string().trim().max(20_000).optional(),
    activityId: Id.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'article' && !value.body) ctx.addIssue({ code: 'custom', path: ['body'], message: 'an article needs its text' });
    if (value.kind !== 'article' && !value.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'a link (https) is needed' });
  });
export type MaterialInput = z.infer<typeof MaterialInput>;

export const Material = z.object({
  id: Id,
  title: z.string(),
  kind: MaterialKindSchema,
  category: z.string(),
  tags: z.array(z.string()),
  audience: AudienceSchema,
  url: z.string().optional(),
  body: z.string().optional(),
  activityId: Id.optional(),
  createdBy: Id,
  createdAt: IsoDateTime,
  /** The caller's reading/viewing progress, 0–100. */
  progress: z.number().int().optional(),
});
export type Material = z.infer<typeof Material>;
export const MaterialPage = z.object({ items: z.array(Material), nextCursor: z.string().nullable() });
export const MaterialQuery = ListQuery.extend({ q: z.string().trim().min(1).max(30).optional(), category: z.string().trim().max(20).optional() });
export const ProgressRequest = z.object({ percent: z.number().int().min(0).max(100) }).strict();
export const ProgressResponse = z.object({ materialId: Id, progress: z.number().int() });
