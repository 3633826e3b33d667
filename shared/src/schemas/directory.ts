/**
 * The branch directory (基层党组织): branches as a tree (党委 → 党总支 → 党支部), each with at most one
 * secretary; the secretary's invitations (a QR shown in the branch's group or meeting room) and the
 * memberships people ask for with them, approved by the branch; moving branch (组织关系转接) asks
 * both secretaries.
 */
import * as z from 'zod';
import { Id, IsoDateTime, ListQuery, page, list, personFields } from './common';

export const BranchKindSchema = z.enum(['committee', 'general', 'branch']);
export type BranchKind = z.infer<typeof BranchKindSchema>;
export const BRANCH_KIND_LABELS: Record<BranchKind, string> = { committee: '党委', general: '党总支', branch: '党支部' };

export const BranchInput = z
  .object({
    name: z.string().trim().min(2).max(40),
    kind: BranchKindSchema.default('branch'),
    /** The branch above it in the tree (a 党支部 under a 党总支 or 党委). */
    parentId: Id.optional(),
    /** The community (社区) or unit it belongs to. */
    community: z.string().trim().max(40).optional(),
  })
  .strict();
export type BranchInput = z.infer<typeof BranchInput>;

/** A change of a branch's name, kind, place in the tree or community (the secretary has its own route). */
export const BranchUpdate = z
  .object({
    name: z.string().trim().min(2).max(40).optional(),
    kind: BranchKindSchema.optional(),
    parentId: Id.nullable().optional(),
    community: z.string().trim().max(40).optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: '没有需要修改的内容' });

export const Branch = z.object({
  id: Id,
  name: z.string(),
  kind: BranchKindSchema,
  parentId: Id.optional(),
  community: z.string().optional(),
  secretaryId: Id.optional(),
  secretaryName: z.string().optional(),
  /** Active members (the secretary included). */
  memberCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type Branch = z.infer<typeof Branch>;
export const BranchResponse = z.object({ branch: Branch });
export const BranchPage = page(Branch);

export const SecretaryRequest = z.object({ userId: Id }).strict();

/** Who an invitation makes of the person who accepts it: a member (approved by the branch) or its secretary. */
export const InviteRoleSchema = z.enum(['member', 'secretary']);
export type InviteRole = z.infer<typeof InviteRoleSchema>;

export const InviteRequest = z
  .object({
    role: InviteRoleSchema.default('member'),
    /** How long the QR stays valid. */
    days: z.number().int().min(1).max(30).default(7),
    /**
     * A person of the branch's import list (roster import) this invitation is made for: the one who
     * accepts it claims that line and joins at once, without waiting for approval; it is taken once.
     */
    personId: Id.optional(),
  })
  .strict()
  .refine((value) => !(value.personId && value.role === 'secretary'), { path: ['personId'], message: '书记邀请不能指定名单中的人' });

/** An invitation code: short enough for a 小程序码's `scene` (32 characters), letters and digits only. */
export const InviteCode = z.string().regex(/^[A-Za-z0-9]{10,32}$/, '邀请码格式不正确');
export const InviteParams = z.object({ code: InviteCode });
export const BranchInviteParams = z.object({ id: Id, code: InviteCode });

export const Invite = z.object({
  code: InviteCode,
  branchId: Id,
  branchName: z.string(),
  role: InviteRoleSchema,
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime,
  createdByName: z.string(),
  /** Set when withdrawn (撤回): the code answers 404 from then on. */
  withdrawnAt: IsoDateTime.optional(),
  /** A secretary's invitation, or one made for a person, is taken once. */
  usedAt: IsoDateTime.optional(),
  /** Made for this person of the branch's import list: their name, as imported. */
  personId: Id.optional(),
  personName: z.string().optional(),
});
export type Invite = z.infer<typeof Invite>;
export const InviteResponse = z.object({ invite: Invite });
export const InviteList = list(Invite);

export const MembershipStatusSchema = z.enum(['pending', 'active']);
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>;

export const Membership = z.object({
  branchId: Id,
  userId: Id,
  status: MembershipStatusSchema,
  requestedAt: IsoDateTime,
  approvedAt: IsoDateTime.optional(),
  /** A move from another branch (组织关系转接): that branch releases the member, this one approves. */
  fromBranchId: Id.optional(),
  releasedAt: IsoDateTime.optional(),
});
export type Membership = z.infer<typeof Membership>;
export const MembershipResponse = z.object({ membership: Membership });

/** One line of a branch's member list, for its secretary and the center: who, and where they stand. */
export const BranchMember = z.object({
  ...personFields,
  realName: z.string().optional(),
  /** `leaving`: asked to move to another branch, waiting for this branch to release them. */
  status: z.enum(['pending', 'active', 'leaving']),
  requestedAt: IsoDateTime.optional(),
  fromBranchName: z.string().optional(),
  toBranchName: z.string().optional(),
  /** For a move: whether each side has agreed. */
  approvedAt: IsoDateTime.optional(),
  releasedAt: IsoDateTime.optional(),
});
export type BranchMember = z.infer<typeof BranchMember>;
export const BranchMemberList = list(BranchMember);
export const MemberListQuery = z.object({ status: z.enum(['pending', 'active', 'leaving']).optional() }).strict();

export const BranchListQuery = ListQuery.extend({ parentId: Id.optional() });
