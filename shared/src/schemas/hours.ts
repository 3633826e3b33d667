import * as z from 'zod';
import { CodeFields, oneCode } from './check-in';
import { Id, IsoDateTime, ListQuery, page } from './common';
import { Registration } from './registrations';

export const ServiceSourceSchema = z.enum(['check_in', 'declared', 'teaching']);
export const ServiceStatusSchema = z.enum(['pending', 'approved', 'refused']);
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;

/** Hours declared by hand (with a note); they wait for a coordinator. */
export const DeclareHoursRequest = z
  .object({
    activityId: Id.optional(),
    servedOn: z.iso.date(),
    minutes: z
      .number()
      .int()
      .min(15)
      .max(12 * 60),
    note: z.string().trim().min(4, '请说明服务内容').max(300),
  })
  .strict();
export type DeclareHoursRequest = z.infer<typeof DeclareHoursRequest>;

export const ServiceRecord = z.object({
  id: Id,
  userId: Id,
  nickname: z.string(),
  activityId: Id.optional(),
  activityTitle: z.string().optional(),
  source: ServiceSourceSchema,
  servedOn: z.string(),
  minutes: z.number().int(),
  note: z.string(),
  status: ServiceStatusSchema,
  points: z.number().int().optional(),
  createdAt: IsoDateTime,
  /** Who recorded or approved it (谁记录谁证明). */
  decidedBy: Id.optional(),
  decidedByName: z.string().optional(),
  decidedAt: IsoDateTime.optional(),
  decisionNote: z.string().optional(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;
export const ServiceRecordResponse = z.object({ record: ServiceRecord });
export const ServiceRecordPage = page(ServiceRecord);
export const ServiceRecordQuery = ListQuery.extend({ status: ServiceStatusSchema.optional() });

export const HoursDecisionRequest = z
  .object({ decision: z.enum(['approve', 'refuse']), note: z.string().trim().max(200).optional() })
  .strict();
export type HoursDecisionRequest = z.infer<typeof HoursDecisionRequest>;

/**
 * Signing out of a service activity takes the same rotating code as checking in. Leaving before the
 * time that counts is confirmed with `early: true` (otherwise 409 SIGN_OUT_EARLY, nothing recorded).
 */
export const SignOutRequest = z
  .object({ ...CodeFields, early: z.boolean().optional() })
  .strict()
  .superRefine(oneCode);
export type SignOutRequest = z.infer<typeof SignOutRequest>;

export const SignOutResponse = z.object({
  registration: Registration,
  record: ServiceRecord.nullable(),
  /** Minutes between sign-in and sign-out inside the activity, and whether they reached the share that counts. */
  minutes: z.number().int(),
  counted: z.boolean(),
});

export const ServiceCertificate = z.object({
  /** A certificate names a real person: issued only once the profile has a real name (编辑资料). */
  volunteer: z.object({ id: Id, nickname: z.string(), realName: z.string() }),
  totalMinutes: z.number().int(),
  stars: z.number().int(),
  records: z.array(ServiceRecord),
  issuer: z.string(),
  issuedAt: IsoDateTime,
});
export type ServiceCertificate = z.infer<typeof ServiceCertificate>;

/** A coordinator confirms a public class took place: its lecturer's teaching is service (公益服务换场地). */
export const TeachingRequest = z.object({ activityId: Id, lecturerId: Id }).strict();
export type TeachingRequest = z.infer<typeof TeachingRequest>;
/** A lecturer declares the class they taught. */
export const TeachingDeclaration = z.object({ activityId: Id }).strict();
