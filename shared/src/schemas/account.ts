/**
 * The account of the person signed in (编辑资料, 导出我的数据, 注销账号): their profile, their avatar
 * and phone, everything the center holds about them, and closing the account (docs/DOMAIN.md ›
 * Who sees personal data).
 */
import * as z from 'zod';
import { PoliticalStatusSchema } from '../constants';
import { User } from './auth';
import { Id, IsoDateTime } from './common';
import { UploadTicket, imageUploadRequest } from './feed';
import { LedgerEntry } from './points';

/** The nickname WeChat users start with, until they set their own (头像昵称填写). */
export const WECHAT_DEFAULT_NICKNAME = '微信用户';
/** What other people see where a closed account's name was (registrations, posts, records…). */
export const CLOSED_ACCOUNT_NAME = '已注销用户';

/** A profile the app asks to complete once: the default nickname, or no real name yet. */
export const profileIncomplete = (user: Pick<User, 'nickname' | 'realName'>): boolean =>
  user.nickname === WECHAT_DEFAULT_NICKNAME || !user.realName;

export const Nickname = z
  .string()
  .trim()
  .min(1, '请填写昵称')
  .max(20)
  .refine((name) => name !== CLOSED_ACCOUNT_NAME, '不能使用这个昵称');

/** 实名 as on an ID card: Han characters or Latin letters, with the middle dot of minority names (阿依古丽·买买提). */
export const RealName = z
  .string()
  .trim()
  .min(2, '请填写真实姓名')
  .max(20)
  .regex(/^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z·• ]*$/u, '姓名只能包含汉字、字母和间隔号');

/** Where a person's avatar lives in the media bucket: their own folder (the account function may reach only `avatars/`). */
export const avatarPrefix = (userId: string) => `avatars/${userId}/`;
export const AvatarKey = z
  .string()
  .max(256)
  .regex(/^avatars\/[A-Za-z0-9_-]+\/[0-9A-Z]{26}\.(jpg|png|webp)$/, '不是已上传的头像');

export const AVATAR_BYTES_MAX = 2 * 1024 * 1024;

/** `PATCH /me`: the fields to change; `null` removes an optional one. */
export const ProfileUpdateRequest = z
  .object({
    nickname: Nickname.optional(),
    realName: RealName.nullable().optional(),
    politicalStatus: PoliticalStatusSchema.nullable().optional(),
    /** An avatar this person uploaded (`POST /me/avatar-uploads`). */
    avatarKey: AvatarKey.nullable().optional(),
    /** Only removing: a number is set through WeChat (`POST /me/phone`). */
    phone: z.null().optional(),
  })
  .strict()
  .refine((update) => Object.values(update).some((value) => value !== undefined), { path: ['nickname'], message: '请至少修改一项' });
export type ProfileUpdateRequest = z.infer<typeof ProfileUpdateRequest>;

export const AvatarUploadRequest = imageUploadRequest(AVATAR_BYTES_MAX, '头像须为 JPEG、PNG 或 WebP 图片');
export type AvatarUploadRequest = z.infer<typeof AvatarUploadRequest>;
export const AvatarUploadTicket = UploadTicket.extend({ key: AvatarKey });
export const AvatarUploadResponse = z.object({ upload: AvatarUploadTicket });

/** On the local stage `dev-phone:<number>` stands in for WeChat's phone code (like `dev:<name>` for sign-in). */
export const DEV_PHONE_PREFIX = 'dev-phone:';
export const MainlandPhone = z.string().regex(/^1\d{10}$/, '须为 11 位手机号');

/** `POST /me/phone`: the code of WeChat's getPhoneNumber button, exchanged on the server. */
export const PhoneRequest = z.object({ code: z.string().trim().min(1, '缺少手机号授权凭证').max(128) }).strict();
export type PhoneRequest = z.infer<typeof PhoneRequest>;
/**
 * The profile with the confirmed number; `joined` when the number was on a branch's imported roster,
 * which the person has now claimed: they are a member of that branch.
 */
export const PhoneResponse = z.object({
  user: User,
  joined: z.object({ branchId: Id, branchName: z.string() }).optional(),
});
export type PhoneResponse = z.infer<typeof PhoneResponse>;

/** `DELETE /me` takes no parameter: one it does not know (a dry run it does not offer) is refused rather than closing the account. */
export const CloseAccountQuery = z.object({}).strict();
export const CloseAccountResponse = z.object({ deleted: z.literal(true) });

/** Records of one kind as the center stores them, without its index keys and secrets. */
const Rows = z.array(z.record(z.string(), z.unknown()));

/** `GET /me/export`: everything the center holds about the caller, as JSON to save (个人信息保护法 art. 45). */
export const AccountExport = z.object({
  exportedAt: IsoDateTime,
  user: User.extend({ openid: z.string().optional(), createdAt: IsoDateTime }),
  registrations: Rows,
  points: z.object({ balance: z.number().int(), approvedMinutes: z.number().int(), entries: z.array(LedgerEntry) }),
  /** 党员积分: its own account on the same ledger. */
  partyPoints: z.object({ balance: z.number().int(), entries: z.array(LedgerEntry) }).optional(),
  redemptions: Rows,
  serviceRecords: Rows,
  /** Issued 志愿服务证明 (snapshots of the approved hours, under their serials). */
  certificates: Rows.optional(),
  volunteer: z.record(z.string(), z.unknown()).nullable(),
  examAttempts: Rows,
  trainings: Rows,
  leaveRequests: Rows,
  reminders: Rows,
  messages: Rows,
  posts: Rows,
  comments: Rows,
  measures: Rows,
  libraryProgress: Rows,
  branchRoster: z.record(z.string(), z.unknown()).nullable(),
  resources: Rows,
  /** Needs the person raised (提出需求). */
  needs: Rows.optional(),
  roles: Rows,
  /** What the center holds but cannot find by person without reading whole tables, said in Chinese. */
  notIncluded: z.array(z.string()),
});
export type AccountExport = z.infer<typeof AccountExport>;
