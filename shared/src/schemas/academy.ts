/** 书记学院: the scoring rubric, observers of a meeting, score sheets, and the board (互学互比). */
import * as z from 'zod';
import { Id, IsoDateTime } from './common';

export const RubricInput = z
  .object({
    criteria: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, '只能用小写字母、数字和 _'),
            name: z.string().trim().min(2).max(12),
            weight: z.number().int().min(1).max(10),
          })
          .strict(),
      )
      .min(1)
      .max(10),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) ctx.addIssue({ code: 'custom', path: ['criteria', index, 'id'], message: '编号不能重复' });
      seen.add(criterion.id);
    });
  });
export type RubricInput = z.infer<typeof RubricInput>;
export const Rubric = z.object({ criteria: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number().int() })) });

export const Observer = z.object({
  activityId: Id,
  userId: Id,
  nickname: z.string(),
  branchId: Id,
  at: IsoDateTime,
  /** When they handed in their score sheet (one each). */
  scoredAt: IsoDateTime.optional(),
});
export type Observer = z.infer<typeof Observer>;
export const ObserverList = z.object({ items: z.array(Observer), seats: z.number().int() });

export const ScoreSheetInput = z
  .object({
    marks: z.record(z.string().max(20), z.number()),
    comments: z.record(z.string().max(20), z.string().trim().max(300)).default({}),
  })
  .strict();
export type ScoreSheetInput = z.infer<typeof ScoreSheetInput>;

/** A meeting's scores: hidden until it has enough sheets; then averages (hundredths of a mark) and the comments. */
export const MeetingScores = z.object({
  activityId: Id,
  count: z.number().int(),
  visible: z.boolean(),
  average: z.number().int().optional(),
  criteria: z.array(z.object({ id: z.string(), name: z.string(), average: z.number().int() })).optional(),
  comments: z.array(z.object({ criterion: z.string(), text: z.string() })).optional(),
});
export type MeetingScores = z.infer<typeof MeetingScores>;

export const BoardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const AcademyBoard = z.object({
  year: z.number().int(),
  /** Ranked meetings with the observers' comments, so branches learn from the best. */
  meetings: z.array(
    z.object({
      id: Id,
      title: z.string(),
      branchId: Id,
      average: z.number().int(),
      count: z.number().int(),
      rank: z.number().int(),
      comments: z.array(z.string()),
    }),
  ),
  branches: z.array(z.object({ id: Id, name: z.string(), average: z.number().int(), count: z.number().int(), rank: z.number().int() })),
});
export type AcademyBoard = z.infer<typeof AcademyBoard>;
