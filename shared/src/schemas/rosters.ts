/**
 * Bulk import of a branch's roster from Excel (docs/DOMAIN.md › Bulk import): the secretary downloads
 * the template, uploads the filled workbook straight to the bucket, sees each row with its errors,
 * and commits. Each imported person waits on the branch's import list until they claim it: by the
 * phone number WeChat confirms, or with an invitation made for them.
 */
import * as z from 'zod';
import { PoliticalStatusSchema } from '../constants';
import { EducationSchema } from '../rules/plan';
import { ROSTER_FILE_BYTES_MAX } from '../rules/roster-import';
import { Id, IsoDateTime, list } from './common';
import { UploadTicket } from './feed';

/** Where a secretary's upload for a branch lives in the media bucket, until the preview has read it. */
export const rosterFilePrefix = (branchId: string, userId: string) => `roster-imports/${branchId}/${userId}/`;
export const RosterFileKey = z
  .string()
  .max(256)
  .regex(/^roster-imports\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[0-9A-Z]{26}\.xlsx$/, '不是已上传的名单文件');

export const RosterUploadRequest = z
  .object({
    size: z
      .number()
      .int()
      .min(1)
      .max(ROSTER_FILE_BYTES_MAX, `文件不能超过 ${ROSTER_FILE_BYTES_MAX / 1024 / 1024} MB`)
      .optional(),
  })
  .strict();
export const RosterUploadTicket = UploadTicket.extend({ key: RosterFileKey });
export const RosterUploadResponse = z.object({ upload: RosterUploadTicket });

export const RosterImportRequest = z
  .object({
    /** The upload's key (`POST /branches/{id}/roster-uploads`). */
    key: RosterFileKey,
    /** The name the file had, shown with the preview. */
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^/\\]+$/, '须为文件名，不能含路径')
      .optional(),
  })
  .strict();

/**
 * What becomes of a row: `new` (will be added), `created` (added by this commit), `imported` (on the
 * import list already), `member` (on the branch already), `invalid` (see its errors; not imported).
 */
export const RosterLineStatusSchema = z.enum(['new', 'created', 'imported', 'member', 'invalid']);
export type RosterLineStatus = z.infer<typeof RosterLineStatusSchema>;

export const RosterCellErrorSchema = z.object({ column: z.string(), message: z.string() });

export const RosterImportLine = z.object({
  /** The row number Excel shows. */
  row: z.number().int(),
  realName: z.string().optional(),
  /** Masked (138****0000). */
  phone: z.string().optional(),
  politicalStatus: PoliticalStatusSchema.optional(),
  birthYear: z.number().int().optional(),
  education: EducationSchema.optional(),
  joinedOn: z.iso.date().optional(),
  status: RosterLineStatusSchema,
  /** One per column that is wrong, in Chinese, naming the column (姓名, 手机号 …). */
  errors: z.array(RosterCellErrorSchema),
});
export type RosterImportLine = z.infer<typeof RosterImportLine>;

export const RosterImport = z.object({
  id: Id,
  branchId: Id,
  fileName: z.string().optional(),
  lines: z.array(RosterImportLine),
  /** How many rows have each status. */
  counts: z.record(RosterLineStatusSchema, z.number().int()),
  createdAt: IsoDateTime,
  committedAt: IsoDateTime.optional(),
});
export type RosterImport = z.infer<typeof RosterImport>;
export const RosterImportResponse = z.object({ import: RosterImport });

export const RosterImportParams = z.object({ id: Id, importId: Id });
export const RosterPersonParams = z.object({ id: Id, personId: Id });

export const RosterPersonStatusSchema = z.enum(['unclaimed', 'claimed']);

/** A person on the branch's import list: waiting to claim it, or claimed (then on the branch as a member). */
export const RosterPerson = z.object({
  personId: Id,
  /** Their name as imported; once claimed, the member's own (已注销用户 for a closed account). */
  realName: z.string(),
  /** Masked; none when imported without one (they join with an invitation made for them). */
  phone: z.string().optional(),
  politicalStatus: PoliticalStatusSchema.optional(),
  status: RosterPersonStatusSchema,
  importedAt: IsoDateTime,
  claimedAt: IsoDateTime.optional(),
  claimedBy: Id.optional(),
});
export type RosterPerson = z.infer<typeof RosterPerson>;
export const RosterPeopleList = list(RosterPerson);
export const RosterPeopleQuery = z.object({ status: RosterPersonStatusSchema.optional() }).strict();
