/** The account function's routes: the caller's own profile, avatar and phone, their data export, and closing the account. */
import {
  AccountExport,
  AvatarUploadRequest,
  AvatarUploadResponse,
  CloseAccountQuery,
  CloseAccountResponse,
  MeResponse,
  PhoneRequest,
  PhoneResponse,
  ProfileUpdateRequest,
} from '../schemas';
import { DELETE, GET, PATCH, POST, defineRoutes } from './define';

export const accountRoutes = defineRoutes({
  me: GET('/me', 'user', { reply: MeResponse, summary: 'The caller’s own profile, in full' }),
  update: PATCH('/me', 'user', {
    body: ProfileUpdateRequest,
    reply: MeResponse,
    summary: 'Changes the caller’s nickname, real name, political status or avatar; an invalid field changes nothing',
  }),
  avatarUpload: POST('/me/avatar-uploads', 'user', {
    body: AvatarUploadRequest,
    reply: AvatarUploadResponse,
    status: 201,
    summary: 'A presigned POST for one avatar image, under the caller’s own folder; PATCH /me then names its key',
  }),
  phone: POST('/me/phone', 'user', {
    body: PhoneRequest,
    reply: PhoneResponse,
    summary:
      'Sets the caller’s phone from the code of WeChat’s getPhoneNumber button (dev-phone:<number> on the local stage); a number on a branch’s imported roster makes the caller that member (joined)',
  }),
  export: GET('/me/export', 'user', { reply: AccountExport, summary: 'Everything the center holds about the caller, as JSON' }),
  close: DELETE('/me', 'user', {
    query: CloseAccountQuery,
    reply: CloseAccountResponse,
    summary:
      'Closes the account: personal fields erased, live registrations cancelled, the balance forfeited (EXPIRE), records kept anonymous; the token stops working',
  }),
});
