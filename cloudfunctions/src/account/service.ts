/**
 * The caller's own account: the profile (编辑资料) with its avatar and phone, the export and closing.
 * Only the person reaches any of it: every route acts on the caller, never on an id in the request.
 */
import {
  AVATAR_BYTES_MAX,
  avatarPrefix,
  IMAGE_TYPES,
  type AccountExport,
  type AvatarUploadRequest,
  type ProfileUpdateRequest,
  type User,
} from '@hele/shared';
import { ulid } from 'ulid';
import { claimByPhone, type Joined } from '../domain/roster-people';
import { requirePassing, TextScene, type ContentChecker } from '../lib/content-check';
import { ValidationError } from '../lib/errors';
import { toPrincipal, type Principal, type UserRecord } from '../lib/principal';
import type { MediaStorage, UploadTicket } from '../lib/storage';
import { exportAccount } from './export';
import type { PhoneExchange } from './phone';
import { accountRepository } from './repository';

export interface AccountDeps {
  media: MediaStorage;
  phone: () => PhoneExchange;
  close: (record: UserRecord) => Promise<void>;
  /** A nickname is shown to others (a comment's author, a meeting's board): it passes the content check first. */
  checker: ContentChecker;
  /** A branch's imported roster line waiting for the confirmed number, claimed by the caller. */
  claim?: (userId: string, phone: string) => Promise<Joined | undefined>;
  now?: () => Date;
}

export const createAccountService = ({ media, phone, close, checker, claim = claimByPhone, now = () => new Date() }: AccountDeps) => {
  /** The profile as its owner sees it: every field, the avatar as a fresh signed link. */
  const present = async (record: UserRecord): Promise<User> => ({
    ...toPrincipal(record),
    ...(record.realName ? { realName: record.realName } : {}),
    ...(record.politicalStatus ? { politicalStatus: record.politicalStatus } : {}),
    ...(record.phone ? { phone: record.phone } : {}),
    ...(record.avatarKey ? { avatarUrl: await media.readUrl(record.avatarKey) } : {}),
  });

  /** An avatar named in a change must be the caller's own upload, and in the bucket. */
  const checkAvatar = async (key: string, caller: Principal) => {
    if (!key.startsWith(avatarPrefix(caller.id))) throw ValidationError.field('avatarKey', '不是你上传的头像');
    if (!(await media.stat(key))) throw ValidationError.field('avatarKey', '头像尚未上传成功');
  };

  /** Writes the changes; a replaced or removed avatar leaves the bucket once the record no longer names it. */
  const change = async (caller: Principal, changes: Parameters<typeof accountRepository.update>[1]) => {
    const before = await accountRepository.update(caller.id, changes);
    if (changes.avatarKey !== undefined && before.avatarKey && before.avatarKey !== changes.avatarKey) await media.remove(before.avatarKey);
    return { user: await present(await accountRepository.getOpen(caller.id)) };
  };

  return {
    me: async (caller: Principal) => ({ user: await present(await accountRepository.getOpen(caller.id)) }),

    async update(input: ProfileUpdateRequest, caller: Principal) {
      if (input.avatarKey) await checkAvatar(input.avatarKey, caller);
      await requirePassing(checker, caller.id, TextScene.PROFILE, { nickname: input.nickname });
      return change(caller, input);
    },

    /** A presigned POST for one avatar, under the caller's folder, limited to its type and the size cap. */
    avatarUpload: (request: AvatarUploadRequest, caller: Principal): Promise<UploadTicket> =>
      media.presignUpload({
        key: `${avatarPrefix(caller.id)}${ulid(now().getTime())}.${IMAGE_TYPES[request.contentType]}`,
        contentType: request.contentType,
        maxBytes: AVATAR_BYTES_MAX,
      }),

    /**
     * The number WeChat confirmed, and with it the line of a branch's imported roster that waits for
     * it (docs/DOMAIN.md › Bulk import of a roster): the caller becomes that member (`joined`).
     */
    async setPhone(code: string, caller: Principal) {
      const number = await phone()(code);
      const reply = await change(caller, { phone: number });
      const joined = await claim(caller.id, number);
      return joined ? { user: await present(await accountRepository.getOpen(caller.id)), joined } : reply;
    },

    async exportData(caller: Principal): Promise<AccountExport> {
      const record = await accountRepository.getOpen(caller.id);
      return exportAccount(record, await present(record), now());
    },

    async close(caller: Principal) {
      await close(await accountRepository.getOpen(caller.id));
      return { deleted: true as const };
    },
  };
};

export type AccountService = ReturnType<typeof createAccountService>;
