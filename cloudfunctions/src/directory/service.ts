/**
 * The branch directory (docs/DOMAIN.md, "People, branches and their data"): the center creates
 * branches and names their secretaries; a secretary invites people (a QR in the branch's group) and
 * approves who asks to join; a move between branches needs both secretaries. A person's branch is
 * their user record's `branchId` and their membership item together: every change writes both in
 * one transaction, with the branch's member count, so they never disagree.
 */
import { randomInt } from 'node:crypto';
import {
  hasAnyRole,
  holdsRole,
  Role,
  type Branch,
  type BranchInput,
  type BranchMember,
  type Invite,
  type InviteRole,
  type Membership,
} from '@hele/shared';
import { ulid } from 'ulid';
import { type BranchRecord, dropPlanRosterLine } from '../domain/branches';
import { rosterPerson, runClaim } from '../domain/roster-people';
import { roleChangeItems, rolesAfter } from '../domain/role-changes';
import { type TransactItem, transactNamed, doc } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import type { PageRequest } from '../lib/pagination';
import { loadUser, loadUsers, type Principal, type UserRecord, userItems } from '../lib/principal';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import type { directoryRepository as DirectoryRepository, InviteRecord, MembershipRecord } from './repository';

export interface DirectoryDeps {
  directory: typeof DirectoryRepository;
  /** The invitation as an image: a 小程序码 on WeChat, a QR of the H5 link locally. */
  inviteImage: (invite: InviteRecord) => Promise<Uint8Array>;
  users?: { load: (id: string) => Promise<UserRecord | undefined>; names: (ids: string[]) => Promise<Map<string, UserRecord>> };
  now?: () => Date;
}

const isCenter = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);
/** The branch's own secretary, or the center (coordinators, admins). */
const keeps = (caller: Principal, branchId: string) =>
  isCenter(caller) || (hasAnyRole(caller.roles, [Role.SECRETARY]) && caller.branchId === branchId);

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
/** 16 characters of 56: about 93 bits, never guessed, short enough for a 小程序码's scene. */
const newInviteCode = () => Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

const toBranch = ({ id, name, kind, parentId, community, secretaryId, secretaryName, memberCount, createdAt }: BranchRecord): Branch => ({
  id,
  name,
  kind,
  memberCount,
  createdAt,
  ...(parentId ? { parentId } : {}),
  ...(community ? { community } : {}),
  ...(secretaryId ? { secretaryId, secretaryName } : {}),
});

/** The API's invitation and membership are their records without who made, used, approved or released them. */
const toInvite = ({ createdBy: _by, usedBy: _usedBy, ...invite }: InviteRecord): Invite => invite;

const toMembership = ({ approvedBy: _by, releasedBy: _releasedBy, inviteCode: _code, ...membership }: MembershipRecord): Membership =>
  membership;

type Named = { name: string; item: TransactItem };

export const createDirectoryService = ({
  directory,
  inviteImage,
  users = { load: loadUser, names: loadUsers },
  now = () => new Date(),
}: DirectoryDeps) => {
  const requireBranch = async (branchId: string) => {
    const branch = await directory.branch(branchId);
    if (!branch) throw new NotFoundError('Branch');
    return branch;
  };
  const requireKeeper = async (caller: Principal, branchId: string) => {
    const branch = await requireBranch(branchId);
    if (!keeps(caller, branchId)) throw new ForbiddenError('Only this branch’s secretary and the center do this');
    return branch;
  };
  /** An invitation still to be taken (known, not withdrawn, not used, not expired); for `takenBy`, also one they took already (their tap again answers what it did). */
  const liveInvite = async (code: string, takenBy?: string) => {
    const invite = await directory.invite(code);
    const theirs = !!invite?.usedAt && invite.usedBy === takenBy;
    if (!invite || invite.withdrawnAt || (invite.usedAt && !theirs) || Date.parse(invite.expiresAt) <= now().getTime())
      throw new NotFoundError('Invitation');
    return invite;
  };
  /** The tap again of whoever took an invitation answers what it did, while they are still on the branch. */
  const takenBefore = async (branchId: string, userId: string) => {
    const membership = await directory.membership(branchId, userId);
    if (!membership) throw new NotFoundError('Invitation');
    return toMembership(membership);
  };
  /** Leaving a branch: the active membership goes, and the member's line of the branch's plan roster with it. */
  const leaveItems = (branchId: string, userId: string, name: string): Named[] => [
    { name, item: directory.items.removeMembership(branchId, userId, 'active') },
    { name: `${name}-roster-line`, item: dropPlanRosterLine(branchId, userId) },
  ];
  const run = async (items: Named[]) => {
    const outcome = await transactNamed(doc, items);
    return outcome === 'ok' ? 'ok' : undefined;
  };

  /** A parent must exist and must not be the branch itself or below it. */
  const checkParent = async (branchId: string | undefined, parentId: string | undefined) => {
    if (!parentId) return;
    let cursor: string | undefined = parentId;
    for (let depth = 0; cursor && depth < 12; depth++) {
      if (cursor === branchId) throw ValidationError.field('parentId', '不能把支部放在自己下面');
      const parent = await directory.branch(cursor);
      if (!parent) throw ValidationError.field('parentId', '上级组织不存在');
      cursor = parent.parentId;
    }
  };

  /**
   * The writes that make `user` the secretary of `branch`: the user on the branch with the role, their
   * active membership, the branch's secretary and count; the previous secretary loses the role, and a
   * branch the user leaves loses them. `extra` joins the same transaction (a secretary invitation used).
   */
  const appointment = async (branch: BranchRecord, user: UserRecord, actor: Principal, extra: Named[] = []): Promise<Named[]> => {
    const at = now();
    const iso = at.toISOString();
    const from = user.branchId && user.branchId !== branch.id ? user.branchId : undefined;
    const moving = user.branchId !== branch.id;
    const grant = { user, role: Role.SECRETARY, action: 'grant' as const, actor, at };
    const items: Named[] = [
      ...roleChangeItems(
        grant,
        userItems.placeOnBranch(user.id, branch.id, user.branchId, { previous: user.roles, next: rolesAfter(grant) }),
      ),
      {
        name: 'branch',
        item: directory.items.branchChange(branch.id, {
          count: moving ? 1 : 0,
          secretary: { to: { id: user.id, name: user.nickname }, from: branch.secretaryId },
        }),
      },
      ...extra,
    ];
    // Already on the branch with nothing to change: the role write is empty, the user write still checks.
    if (!items.some(({ name }) => name === 'user'))
      items.push({ name: 'user', item: userItems.placeOnBranch(user.id, branch.id, user.branchId) });
    if (moving) {
      items.push({
        name: 'membership',
        item: directory.items.putActive({
          branchId: branch.id,
          userId: user.id,
          status: 'active',
          requestedAt: iso,
          approvedAt: iso,
          approvedBy: actor.id,
        }),
      });
    }
    if (from) {
      const old = await directory.branch(from);
      items.push(...leaveItems(from, user.id, 'old-membership'));
      if (old) {
        const leavesPost = old.secretaryId === user.id ? { secretary: { to: null, from: user.id } as const } : {};
        items.push({ name: 'old-branch', item: directory.items.branchChange(from, { count: -1, ...leavesPost }) });
      }
    }
    if (branch.secretaryId && branch.secretaryId !== user.id) {
      const previous = await users.load(branch.secretaryId);
      if (previous)
        items.push(
          ...roleChangeItems({ user: previous, role: Role.SECRETARY, action: 'revoke', actor, at }).map((named) => ({
            ...named,
            name: `previous-${named.name}`,
          })),
        );
    }
    return items;
  };

  /** Moves a member from one branch to the other, once both agreed. */
  const moveItems = (membership: MembershipRecord, user: UserRecord, from: BranchRecord | undefined): Named[] => {
    const { branchId, userId, fromBranchId } = membership;
    const leavingSecretary = from?.secretaryId === userId;
    const revoke = leavingSecretary
      ? { user, role: Role.SECRETARY, action: 'revoke' as const, actor: { id: userId, nickname: user.nickname }, at: now() }
      : undefined;
    const items: Named[] = [
      { name: 'membership', item: directory.items.completeMove(branchId, userId) },
      { name: 'branch', item: directory.items.branchChange(branchId, { count: 1 }) },
      ...leaveItems(fromBranchId!, userId, 'old-membership'),
      { name: 'leaving', item: directory.items.notLeaving(fromBranchId!, userId) },
    ];
    // A secretary who moves away stops being that branch's secretary.
    if (from)
      items.push({
        name: 'old-branch',
        item: directory.items.branchChange(from.id, { count: -1, ...(revoke ? { secretary: { to: null, from: userId } } : {}) }),
      });
    if (revoke) {
      items.push(
        ...roleChangeItems(
          revoke,
          userItems.placeOnBranch(userId, branchId, fromBranchId, { previous: user.roles, next: rolesAfter(revoke) }),
        ),
      );
    } else {
      items.push({ name: 'user', item: userItems.placeOnBranch(userId, branchId, fromBranchId) });
    }
    return items;
  };

  /**
   * One branch's consent to a move (组织关系转接): the new branch approves, the old one releases, each once.
   * The move completes when both have agreed, in a transaction of its own (consent and completion both
   * write the membership); `undefined` when a concurrent change won, for the caller to retry.
   */
  const agreeToMove = async (
    membership: MembershipRecord,
    consent: Named & { side: 'approvedAt' | 'releasedAt' },
    user: UserRecord,
    at: string,
  ): Promise<Membership | undefined> => {
    let agreed = membership;
    if (!membership[consent.side]) {
      if (!(await run([{ name: consent.name, item: consent.item }]))) return undefined;
      agreed = { ...membership, [consent.side]: at };
    }
    if (!agreed.approvedAt || !agreed.releasedAt) return toMembership(agreed);
    return (await run(moveItems(agreed, user, await directory.branch(agreed.fromBranchId!))))
      ? toMembership({ ...agreed, status: 'active' })
      : undefined;
  };

  const requireUser = async (userId: string, path = 'userId') => {
    const user = await users.load(userId);
    if (!user) throw ValidationError.field(path, '用户不存在');
    return user;
  };

  /**
   * A keeper of `branchId` acting on `userId`'s membership (approving a request, releasing a move), retried
   * while a concurrent change wins: `find` reads the membership or throws; an active one stands as it is.
   */
  const consent = async (
    caller: Principal,
    branchId: string,
    userId: string,
    find: () => Promise<MembershipRecord>,
    act: (membership: MembershipRecord, user: UserRecord, at: string) => Promise<Membership | undefined>,
  ): Promise<Membership> => {
    await requireKeeper(caller, branchId);
    return retrying(async () => {
      const membership = await find();
      if (membership.status === 'active') return toMembership(membership);
      return act(membership, await requireUser(userId), now().toISOString());
    }, DEFAULT_RETRY);
  };

  return {
    async create(input: BranchInput, caller: Principal): Promise<Branch> {
      await checkParent(undefined, input.parentId);
      const record: BranchRecord = {
        ...input,
        id: ulid(now().getTime()),
        memberCount: 0,
        createdAt: now().toISOString(),
        createdBy: caller.id,
      };
      await directory.create(record);
      return toBranch(record);
    },

    async list(query: PageRequest & { parentId?: string }) {
      const page = await directory.list(query, query.parentId);
      return { items: page.items.map(toBranch), nextCursor: page.nextCursor };
    },

    get: async (branchId: string) => toBranch(await requireBranch(branchId)),

    async update(branchId: string, patch: { name?: string; kind?: Branch['kind']; parentId?: string | null; community?: string }) {
      await requireBranch(branchId);
      if (patch.parentId) await checkParent(branchId, patch.parentId);
      const { parentId, ...fields } = patch;
      const outcome = await run([
        {
          name: 'branch',
          item: directory.items.editBranch(
            branchId,
            { ...fields, ...(parentId ? { parentId } : {}) },
            parentId === null ? ['parentId'] : [],
          ),
        },
      ]);
      if (!outcome) throw new NotFoundError('Branch');
      return toBranch(await requireBranch(branchId));
    },

    /** Names the branch's secretary: `PUT /branches/{id}/secretary`. */
    async setSecretary(branchId: string, userId: string, caller: Principal): Promise<Branch> {
      await requireBranch(branchId);
      await requireUser(userId);
      return retrying(async () => {
        const [branch, user] = await Promise.all([requireBranch(branchId), requireUser(userId)]);
        if (branch.secretaryId === userId && user.branchId === branchId && holdsRole(user.roles, Role.SECRETARY)) return toBranch(branch);
        if (await run(await appointment(branch, user, caller))) return toBranch(await requireBranch(branchId));
        return undefined;
      }, DEFAULT_RETRY);
    },

    async invite(
      branchId: string,
      { role, days, personId }: { role: InviteRole; days: number; personId?: string },
      caller: Principal,
    ): Promise<Invite> {
      const branch = await requireKeeper(caller, branchId);
      if (role === 'secretary' && !isCenter(caller)) throw new ForbiddenError('Only the center invites a secretary');
      const person = personId ? await rosterPerson(branchId, personId) : undefined;
      if (personId && person?.status !== 'unclaimed') throw ValidationError.field('personId', '导入名单中没有此人，或此人已加入支部');
      const at = now();
      const record: InviteRecord = {
        code: newInviteCode(),
        branchId,
        branchName: branch.name,
        role,
        expiresAt: new Date(at.getTime() + days * 24 * 60 * 60 * 1000).toISOString(),
        createdAt: at.toISOString(),
        createdBy: caller.id,
        createdByName: caller.nickname,
        ...(person ? { personId: person.personId, personName: person.realName } : {}),
      };
      await transactNamed(
        doc,
        directory.items.invite(record).map((item) => ({ name: 'invite', item })),
      );
      return toInvite(record);
    },

    /** The branch's invitations that still work, newest first. */
    async invites(branchId: string, caller: Principal) {
      await requireKeeper(caller, branchId);
      const live = (await directory.invites(branchId)).filter(
        (invite) => !invite.withdrawnAt && !invite.usedAt && Date.parse(invite.expiresAt) > now().getTime(),
      );
      return { items: live.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(toInvite) };
    },

    async withdrawInvite(branchId: string, code: string, caller: Principal): Promise<Invite> {
      await requireKeeper(caller, branchId);
      const invite = await directory.invite(code);
      if (!invite || invite.branchId !== branchId) throw new NotFoundError('Invitation');
      if (invite.withdrawnAt) return toInvite(invite);
      const at = now().toISOString();
      await transactNamed(
        doc,
        directory.items.withdrawInvite(invite, at).map((item) => ({ name: 'invite', item })),
      );
      return toInvite({ ...invite, withdrawnAt: at });
    },

    async inviteImage(branchId: string, code: string, caller: Principal): Promise<Uint8Array> {
      await requireKeeper(caller, branchId);
      const invite = await liveInvite(code);
      if (invite.branchId !== branchId) throw new NotFoundError('Invitation');
      return inviteImage(invite);
    },

    preview: async (code: string) => toInvite(await liveInvite(code)),

    /**
     * `POST /invites/{code}/accept`: a member's request (pending), a secretary taking up the post, or
     * the person an invitation was made for claiming their line of the imported roster (active at once).
     */
    async accept(code: string, caller: Principal): Promise<Membership> {
      const invite = await liveInvite(code, caller.id);
      const branchId = invite.branchId;
      if (invite.personId) {
        const personId = invite.personId;
        return retrying(async () => {
          const [current, person, user] = await Promise.all([
            directory.invite(code),
            rosterPerson(branchId, personId),
            requireUser(caller.id),
          ]);
          if (current?.usedBy === caller.id) return takenBefore(branchId, caller.id);
          if (!current || current.usedAt || current.withdrawnAt || person?.status !== 'unclaimed') throw new NotFoundError('Invitation');
          if (user.branchId && user.branchId !== branchId)
            throw new ConflictError('MEMBER_OF_ANOTHER_BRANCH', 'On another branch: a move needs both secretaries');
          const at = now().toISOString();
          const used = directory.items.useInvite(current, caller.id, at).map((item) => ({ name: 'invite' as const, item }));
          // Lost to another taker or a change of the user: the next round reads what won.
          return (await runClaim(person, user, at, used)) === 'ok'
            ? toMembership((await directory.membership(branchId, caller.id))!)
            : undefined;
        }, DEFAULT_RETRY);
      }
      if (invite.role === 'secretary') {
        return retrying(async () => {
          const [branch, user, current] = await Promise.all([requireBranch(branchId), requireUser(caller.id), directory.invite(code)]);
          if (current?.usedBy === caller.id) return takenBefore(branchId, caller.id);
          if (!current || current.usedAt || current.withdrawnAt) throw new NotFoundError('Invitation');
          const used = directory.items.useInvite(current, caller.id, now().toISOString()).map((item) => ({ name: 'invite', item }));
          const outcome = await transactNamed(
            doc,
            await appointment(
              branch,
              user,
              { id: current.createdBy, nickname: current.createdByName, roles: [], branchId: undefined },
              used,
            ),
          );
          if (outcome === 'invite') throw new NotFoundError('Invitation');
          return outcome === 'ok' ? toMembership((await directory.membership(branchId, caller.id))!) : undefined;
        }, DEFAULT_RETRY);
      }
      return retrying(async () => {
        const existing = await directory.membership(branchId, caller.id);
        if (existing) return toMembership(existing);
        const user = await requireUser(caller.id);
        const at = now().toISOString();
        const from = user.branchId && user.branchId !== branchId ? user.branchId : undefined;
        const record: MembershipRecord = {
          branchId,
          userId: caller.id,
          status: 'pending',
          requestedAt: at,
          inviteCode: code,
          ...(from ? { fromBranchId: from } : {}),
        };
        const items: Named[] = [{ name: 'request', item: directory.items.request(record) }];
        if (from)
          items.push({
            name: 'leaving',
            item: directory.items.leaving(from, { userId: caller.id, toBranchId: branchId, requestedAt: at }),
          });
        // Lost to the same person's other tap: the next round reads the request that won.
        return (await run(items)) ? toMembership(record) : undefined;
      }, DEFAULT_RETRY);
    },

    /** The branch approves: the member joins (or, for a move, joins once the old branch released them too). */
    async approve(branchId: string, userId: string, caller: Principal): Promise<Membership> {
      const pending = async () => {
        const membership = await directory.membership(branchId, userId);
        if (!membership) throw new NotFoundError('Membership request');
        return membership;
      };
      return consent(caller, branchId, userId, pending, async (membership, user, at) => {
        if (membership.fromBranchId) {
          const approve = directory.items.approveMove(branchId, userId, at, caller.id);
          return agreeToMove(membership, { side: 'approvedAt', name: 'approve', item: approve }, user, at);
        }
        if (user.branchId && user.branchId !== branchId) {
          throw new ConflictError('MEMBER_OF_ANOTHER_BRANCH', 'Joined another branch meanwhile: move them with both secretaries');
        }
        const outcome = await run([
          { name: 'membership', item: directory.items.activate(branchId, userId, at, caller.id) },
          { name: 'branch', item: directory.items.branchChange(branchId, { count: 1 }) },
          { name: 'user', item: userItems.placeOnBranch(userId, branchId, undefined) },
        ]);
        return outcome ? toMembership({ ...membership, status: 'active', approvedAt: at }) : undefined;
      });
    },

    /** The branch a member leaves agrees to the move; it completes once the new branch approved too. */
    async release(branchId: string, userId: string, caller: Principal): Promise<Membership> {
      const moving = async () => {
        const leaving = await directory.leaving(branchId, userId);
        const membership = leaving && (await directory.membership(leaving.toBranchId, userId));
        if (!membership || membership.fromBranchId !== branchId) throw new NotFoundError('Move request');
        return membership;
      };
      return consent(caller, branchId, userId, moving, (membership, user, at) => {
        const release = directory.items.releaseMove(membership.branchId, userId, branchId, at, caller.id);
        return agreeToMove(membership, { side: 'releasedAt', name: 'release', item: release }, user, at);
      });
    },

    /** Declines a request, or takes a member off the branch (a secretary is taken off by the center only). */
    async remove(branchId: string, userId: string, caller: Principal) {
      const branch = await requireKeeper(caller, branchId);
      if (branch.secretaryId === userId && !isCenter(caller)) throw new ForbiddenError('Only the center takes a secretary off the branch');
      return retrying(async () => {
        const membership = await directory.membership(branchId, userId);
        if (!membership) return { removed: true as const };
        if (membership.status === 'pending') {
          const items: Named[] = [{ name: 'membership', item: directory.items.removeMembership(branchId, userId, 'pending') }];
          if (membership.fromBranchId) items.push({ name: 'leaving', item: directory.items.notLeaving(membership.fromBranchId, userId) });
          return (await run(items)) ? { removed: true as const } : undefined;
        }
        const user = await requireUser(userId);
        const current = await requireBranch(branchId);
        const secretary = current.secretaryId === userId;
        const revoke = secretary ? { user, role: Role.SECRETARY, action: 'revoke' as const, actor: caller, at: now() } : undefined;
        const items: Named[] = [
          ...leaveItems(branchId, userId, 'membership'),
          {
            name: 'branch',
            item: directory.items.branchChange(branchId, { count: -1, ...(revoke ? { secretary: { to: null, from: userId } } : {}) }),
          },
          ...(revoke
            ? roleChangeItems(revoke, userItems.takeOffBranch(userId, branchId, { previous: user.roles, next: rolesAfter(revoke) }))
            : [{ name: 'user', item: userItems.takeOffBranch(userId, branchId) }]),
        ];
        return (await run(items)) ? { removed: true as const } : undefined;
      }, DEFAULT_RETRY);
    },

    /** Who is on the branch and who asks to join or leave, with their names (the secretary and the center see them). */
    async members(branchId: string, status: BranchMember['status'] | undefined, caller: Principal): Promise<{ items: BranchMember[] }> {
      await requireKeeper(caller, branchId);
      const [memberships, leavers] = await Promise.all([directory.memberships(branchId), directory.leavers(branchId)]);
      const people = await users.names([...memberships.map((item) => item.userId), ...leavers.map((item) => item.userId)]);
      const otherBranches = new Map<string, string>();
      for (const id of [
        ...memberships.flatMap((item) => (item.fromBranchId ? [item.fromBranchId] : [])),
        ...leavers.map((item) => item.toBranchId),
      ]) {
        otherBranches.set(id, (await directory.branch(id))?.name ?? '');
      }
      const named = (userId: string) => {
        const user = people.get(userId);
        return { userId, nickname: user?.nickname ?? '', ...(user?.realName ? { realName: user.realName } : {}) };
      };
      const leavingIds = new Set(leavers.map((item) => item.userId));
      const lines: BranchMember[] = [
        ...memberships.map((item) => ({
          ...named(item.userId),
          status: item.status === 'active' && leavingIds.has(item.userId) ? ('leaving' as const) : item.status,
          requestedAt: item.requestedAt,
          ...(item.fromBranchId ? { fromBranchName: otherBranches.get(item.fromBranchId) } : {}),
          ...(item.approvedAt && item.status === 'pending' ? { approvedAt: item.approvedAt } : {}),
          ...(item.releasedAt && item.status === 'pending' ? { releasedAt: item.releasedAt } : {}),
          ...(leavingIds.has(item.userId)
            ? { toBranchName: otherBranches.get(leavers.find((leaver) => leaver.userId === item.userId)!.toBranchId) }
            : {}),
        })),
      ];
      return { items: status ? lines.filter((line) => line.status === status) : lines };
    },
  };
};

export type DirectoryService = ReturnType<typeof createDirectoryService>;
