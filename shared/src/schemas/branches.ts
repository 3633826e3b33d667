/** 一支部一方案: a branch's roster and profile, the module library, and plan proposals. */
import * as z from 'zod';
import { DiscussionFormatSchema } from '../constants';
import { AgeBandSchema, EducationSchema, ModuleStyleSchema } from '../rules/plan';
import { Id, list, personFields } from './common';

/** One member on a branch's roster, as the secretary keeps it. */
export const RosterEntryInput = z
  .object({
    birthYear: z.number().int().min(1900).max(2015),
    education: EducationSchema,
    /** When they joined the Party. */
    joinedOn: z.iso.date().optional(),
  })
  .strict();
export type RosterEntryInput = z.infer<typeof RosterEntryInput>;

/** A roster line, as the branch's members and the center see it. */
export const RosterEntry = z.object({
  ...personFields,
  ageBand: AgeBandSchema,
  birthYear: z.number().int().optional(),
  education: EducationSchema.optional(),
  joinedOn: z.string().optional(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const BranchNotesInput = z
  .object({ needs: z.string().trim().max(1_000).default(''), constraints: z.string().trim().max(1_000).default('') })
  .strict();

/** A count of people; outside the branch and the center, null where it is under 5 (shown as “<5”, rules/privacy). */
const ShownCount = z.number().int().nullable();

export const BranchProfileResponse = z.object({
  branchId: Id,
  needs: z.string(),
  constraints: z.string(),
  profile: z.object({
    size: z.number().int(),
    ages: z.record(AgeBandSchema, ShownCount),
    education: z.record(EducationSchema, ShownCount),
    /** Null outside the branch and the center when it has fewer than 5 members. */
    leaning: z.union([AgeBandSchema, z.literal('mixed')]).nullable(),
  }),
  /** The members one by one: for the branch's members and the center only (empty for everyone else). */
  roster: z.array(RosterEntry),
  /** Whether the caller sees personal data (the branch's members, coordinators). */
  full: z.boolean(),
  /** For the secretary and coordinators: users on the branch not yet on the roster. */
  unrecorded: z.array(z.object({ userId: Id, nickname: z.string() })),
});
export type BranchProfileResponse = z.infer<typeof BranchProfileResponse>;
export const RosterParams = z.object({ id: Id, userId: Id });

const planModuleFields = {
  name: z.string().trim().min(2).max(20),
  styles: z.array(ModuleStyleSchema).min(1).max(3),
  suits: z.array(AgeBandSchema).max(3).default([]),
  minutes: z.number().int().min(5).max(90),
  materials: z.string().trim().max(100).default(''),
};
export const PlanModuleInput = z.object(planModuleFields).strict();
export const PlanModuleRecord = z.object({ ...planModuleFields, id: Id });
export type PlanModuleRecord = z.infer<typeof PlanModuleRecord>;
export const PlanModuleList = list(PlanModuleRecord);

export const PlanRequest = z.object({ theme: z.string().trim().min(2).max(30), meetings: z.number().int().min(1).max(12) }).strict();
export const PlanProposal = z.object({
  branchId: Id,
  items: z.array(
    z.object({
      order: z.number().int(),
      theme: z.string(),
      modules: z.array(PlanModuleRecord),
      format: DiscussionFormatSchema,
      minutes: z.number().int(),
      reasons: z.array(z.string()),
    }),
  ),
});
export type PlanProposal = z.infer<typeof PlanProposal>;

/** A period theme (五水共治, 三严三实, 两学一做…) with the days it runs. */
export const ThemeInput = z
  .object({ name: z.string().trim().min(2).max(20), from: z.iso.date(), to: z.iso.date() })
  .strict()
  .refine((theme) => theme.from <= theme.to, { path: ['to'], message: '不能早于开始日期' });
export const Theme = z.object({ id: Id, name: z.string(), from: z.string(), to: z.string() });
export type Theme = z.infer<typeof Theme>;
/** `current`: running today or to come, in the order the plan page offers them. */
export const ThemeList = z.object({ items: z.array(Theme), current: z.array(Theme) });
