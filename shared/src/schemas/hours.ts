import * as z from 'zod';
import { CodeFields, oneCode } from './check-in';
import { Id, IsoDateTime, ListQuery, page, personFields } from './common';
import { Registration } from './registrations';

export const ServiceSourceSchema = z.enum(['check_in', 'declared', 'teaching']);
/** How a record came to be, as the app, the certificate and its workbook say it. */
export const SERVICE_SOURCE_LABELS: Record<z.infer<typeof ServiceSourceSchema>, string> = {
  check_in: '签到签退',
  declared: '手工申报',
  teaching: '公益班授课',
};
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
  ...personFields,
  activityId: Id.optional(),
  activityTitle: z.string().optional(),
  source: ServiceSourceSchema,
  servedOn: z.string(),
  minutes: z.number().int(),
  note: z.string(),
  status: ServiceStatusSchema,
  points: z.number().int().optional(),
  /**
   * Approved before the person was a certified volunteer (服务攒积分 + 资格认证): the points it earns once they
   * are certified, credited then (and `points` set) exactly once.
   */
  pointsPending: z.number().int().optional(),
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

/**
 * An issued 志愿服务证明: a stored snapshot of what it certifies, under an unguessable serial. Each
 * line is one approved record: the activity (or what was declared), the day, the time, and who
 * approved or recorded it (谁记录谁证明).
 */
export const CertificateLine = z.object({
  activity: z.string(),
  servedOn: z.iso.date(),
  minutes: z.number().int(),
  source: ServiceSourceSchema,
  approver: z.string(),
});
export type CertificateLine = z.infer<typeof CertificateLine>;

export const CertificateStatusSchema = z.enum(['valid', 'revoked']);
export type CertificateStatus = z.infer<typeof CertificateStatusSchema>;

/** What anyone who scans the QR sees: what the paper says, and nothing more (no phone, no account). */
export const PublicCertificate = z.object({
  serial: z.string(),
  realName: z.string(),
  totalMinutes: z.number().int(),
  stars: z.number().int(),
  lines: z.array(CertificateLine),
  issuer: z.string(),
  issuedAt: IsoDateTime,
  status: z.literal('valid'),
});
export type PublicCertificate = z.infer<typeof PublicCertificate>;

/** The certificate as its holder and the coordinators see it: also whose it is, its link, and a revocation. */
export const IssuedCertificate = PublicCertificate.extend({
  userId: Id,
  status: CertificateStatusSchema,
  /** What its QR encodes: the public verification page. */
  verifyUrl: z.string(),
  revokedAt: IsoDateTime.optional(),
  revokedByName: z.string().optional(),
  revocationReason: z.string().optional(),
});
export type IssuedCertificate = z.infer<typeof IssuedCertificate>;
export const IssuedCertificatePage = page(IssuedCertificate);
export const IssuedCertificateResponse = z.object({ certificate: IssuedCertificate });

/** A serial as typed or scanned (normalised by the service: anything that is no stored serial is 404). */
export const SerialParams = z.object({ serial: z.string().min(1).max(64) });
export const CertificateListQuery = ListQuery.extend({ status: CertificateStatusSchema.optional() });

export const RevokeCertificateRequest = z.object({ reason: z.string().trim().min(2, '请说明撤销原因').max(200) }).strict();
export type RevokeCertificateRequest = z.infer<typeof RevokeCertificateRequest>;

/** The approved hours of a period as a workbook for 志愿服务记录证明 (both days included; default: this year). */
export const HoursWorkbookQuery = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .strict()
  .refine(({ from, to }) => !from || !to || from <= to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type HoursWorkbookQuery = z.infer<typeof HoursWorkbookQuery>;
