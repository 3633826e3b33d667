import * as z from 'zod';
import { PoliticalStatusSchema, RoleSchema } from '../constants';
import { Id } from './common';

/** `dev:<name>` on the local stage; elsewhere the one-time code of `wx.login`. */
export const LoginRequest = z.object({
  code: z.string().trim().min(1, '缺少登录凭证').max(128),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const DEV_CODE_PREFIX = 'dev:';
export const DevName = z.string().regex(/^[a-z0-9_-]{1,32}$/, '开发登录名为 1–32 个小写字母、数字、_ 或 -');

/**
 * A user as the API shows them. Sign-in and others' views carry the first four fields only; the
 * profile fields reach the person themselves alone (`GET /me`, docs/DOMAIN.md › Who sees personal data).
 */
export const User = z.object({
  id: Id,
  nickname: z.string(),
  roles: z.array(RoleSchema),
  branchId: Id.optional(),
  /** 实名: the volunteer application and the service certificate need it. */
  realName: z.string().optional(),
  politicalStatus: PoliticalStatusSchema.optional(),
  /** The whole number, to its owner only (anyone else would see it masked: 138****0000). */
  phone: z.string().optional(),
  /** A short-lived signed link to the avatar the person chose. */
  avatarUrl: z.string().optional(),
});
export type User = z.infer<typeof User>;

export const LoginResponse = z.object({ token: z.string(), user: User });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: User });
export type MeResponse = z.infer<typeof MeResponse>;

/** The seeded sign-in names of the local stage (docs/API.md) and what each one is for. */
export const DEV_USERS = [
  { name: 'admin', nickname: '管理员', roles: ['member', 'admin'] },
  { name: 'coordinator', nickname: '李社工', roles: ['member', 'coordinator'] },
  { name: 'secretary', nickname: '王书记', roles: ['member', 'secretary'] },
  { name: 'volunteer', nickname: '张志愿', roles: ['member', 'volunteer'] },
  { name: 'lecturer', nickname: '周老师', roles: ['member', 'lecturer'] },
  { name: 'member', nickname: '陈党员', roles: ['member'] },
] as const satisfies ReadonlyArray<{ name: string; nickname: string; roles: readonly z.infer<typeof RoleSchema>[] }>;
