/** The directory function's routes: branches, their secretaries, invitations and memberships. */
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
import { BRANCH_STAFF, COORDINATORS } from './access';
import { DELETE, GET, PATCH, POST, PUT, Removed, defineRoutes, fileReply } from './define';

export const directoryRoutes = defineRoutes({
  create: POST('/branches', COORDINATORS, { body: BranchInput, reply: BranchResponse, status: 201 }),
  list: GET('/branches', 'user', { query: BranchListQuery, reply: BranchPage }),
  get: GET('/branches/{id}', 'user', { params: IdParams, reply: BranchResponse }),
  update: PATCH('/branches/{id}', COORDINATORS, { params: IdParams, body: BranchUpdate, reply: BranchResponse }),
  setSecretary: PUT('/branches/{id}/secretary', COORDINATORS, {
    params: IdParams,
    body: SecretaryRequest,
    reply: BranchResponse,
    summary: 'Makes a user the branch secretary and a member of it; the previous secretary keeps membership but not the role.',
  }),
  invite: POST('/branches/{id}/invites', BRANCH_STAFF, {
    params: IdParams,
    body: InviteRequest,
    reply: InviteResponse,
    status: 201,
    summary: 'A member invitation (secretary or center), or a secretary invitation (center only).',
  }),
  invites: GET('/branches/{id}/invites', BRANCH_STAFF, { params: IdParams, reply: InviteList }),
  withdrawInvite: DELETE('/branches/{id}/invites/{code}', BRANCH_STAFF, { params: BranchInviteParams, reply: InviteResponse }),
  inviteImage: GET('/branches/{id}/invites/{code}/image', BRANCH_STAFF, {
    params: BranchInviteParams,
    reply: fileReply('image/png'),
    summary: 'The invitation as an image to show or print: a 小程序码 (wxacode.getUnlimited) on WeChat, a QR of the H5 join link locally.',
  }),
  previewInvite: GET('/invites/{code}', 'user', { params: InviteParams, reply: InviteResponse }),
  accept: POST('/invites/{code}/accept', 'user', {
    params: InviteParams,
    reply: MembershipResponse,
    summary: 'Asks to join (pending until the branch approves); accepting again answers the same membership.',
  }),
  members: GET('/branches/{id}/members', BRANCH_STAFF, { params: IdParams, query: MemberListQuery, reply: BranchMemberList }),
  approve: POST('/branches/{id}/members/{userId}/approve', BRANCH_STAFF, { params: RosterParams, reply: MembershipResponse }),
  release: POST('/branches/{id}/members/{userId}/release', BRANCH_STAFF, {
    params: RosterParams,
    reply: MembershipResponse,
    summary: 'The branch a member leaves agrees to the move (组织关系转接); the move completes once the new branch approves too.',
  }),
  remove: DELETE('/branches/{id}/members/{userId}', BRANCH_STAFF, {
    params: RosterParams,
    reply: Removed,
    summary: 'Declines a request to join, or takes a member off the branch.',
  }),
});
