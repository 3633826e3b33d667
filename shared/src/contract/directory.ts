/** The directory function's routes: branches, their secretaries, invitations and memberships. */
import * as z from 'zod';
import { Role } from '../constants';
import {
  BranchInput,
  BranchInviteParams,
  BranchListQuery,
  BranchMemberList,
  BranchPage,
  BranchResponse,
  BranchUpdate,
  IdParams,
  InviteList,
  InviteParams,
  InviteRequest,
  InviteResponse,
  MemberListQuery,
  MembershipResponse,
  RosterParams,
  SecretaryRequest,
} from '../schemas';
import { defineRoutes, fileReply } from './define';

const CENTER = [Role.COORDINATOR] as const;
/** The branch's own secretary (checked by the service) and the center. */
const KEEPERS = [Role.SECRETARY, Role.COORDINATOR] as const;

export const directoryRoutes = defineRoutes({
  create: { method: 'POST', path: '/branches', access: CENTER, body: BranchInput, reply: BranchResponse, status: 201 },
  list: { method: 'GET', path: '/branches', access: 'user', query: BranchListQuery, reply: BranchPage },
  get: { method: 'GET', path: '/branches/{id}', access: 'user', params: IdParams, reply: BranchResponse },
  update: { method: 'PATCH', path: '/branches/{id}', access: CENTER, params: IdParams, body: BranchUpdate, reply: BranchResponse },
  setSecretary: {
    method: 'PUT',
    path: '/branches/{id}/secretary',
    access: CENTER,
    params: IdParams,
    body: SecretaryRequest,
    reply: BranchResponse,
    summary: 'Makes a user the branch secretary and a member of it; the previous secretary keeps membership but not the role.',
  },
  invite: {
    method: 'POST',
    path: '/branches/{id}/invites',
    access: KEEPERS,
    params: IdParams,
    body: InviteRequest,
    reply: InviteResponse,
    status: 201,
    summary: 'A member invitation (secretary or center), or a secretary invitation (center only).',
  },
  invites: { method: 'GET', path: '/branches/{id}/invites', access: KEEPERS, params: IdParams, reply: InviteList },
  withdrawInvite: {
    method: 'DELETE',
    path: '/branches/{id}/invites/{code}',
    access: KEEPERS,
    params: BranchInviteParams,
    reply: InviteResponse,
  },
  inviteImage: {
    method: 'GET',
    path: '/branches/{id}/invites/{code}/image',
    access: KEEPERS,
    params: BranchInviteParams,
    reply: fileReply('image/png'),
    summary: 'The invitation as an image to show or print: a 小程序码 (wxacode.getUnlimited) on WeChat, a QR of the H5 join link locally.',
  },
  previewInvite: { method: 'GET', path: '/invites/{code}', access: 'user', params: InviteParams, reply: InviteResponse },
  accept: {
    method: 'POST',
    path: '/invites/{code}/accept',
    access: 'user',
    params: InviteParams,
    reply: MembershipResponse,
    summary: 'Asks to join (pending until the branch approves); accepting again answers the same membership.',
  },
  members: {
    method: 'GET',
    path: '/branches/{id}/members',
    access: KEEPERS,
    params: IdParams,
    query: MemberListQuery,
    reply: BranchMemberList,
  },
  approve: {
    method: 'POST',
    path: '/branches/{id}/members/{userId}/approve',
    access: KEEPERS,
    params: RosterParams,
    reply: MembershipResponse,
  },
  release: {
    method: 'POST',
    path: '/branches/{id}/members/{userId}/release',
    access: KEEPERS,
    params: RosterParams,
    reply: MembershipResponse,
    summary: 'The branch a member leaves agrees to the move (组织关系转接); the move completes once the new branch approves too.',
  },
  remove: {
    method: 'DELETE',
    path: '/branches/{id}/members/{userId}',
    access: KEEPERS,
    params: RosterParams,
    reply: z.object({ removed: z.literal(true) }),
    summary: 'Declines a request to join, or takes a member off the branch.',
  },
});
