/**
 * 志愿服务证明 as issued documents. Issuing stores a snapshot of the approved hours (real name, each
 * line's activity, day, time and approver, the total and stars) under a serial of 120 random bits,
 * put only where no certificate is: the serial is what the QR on the paper carries, and all the
 * public page may read. Verification answers what the certificate says and nothing more; a revoked
 * or unknown serial is the same 404, so the page tells a stranger nothing else. A coordinator
 * revokes a certificate once, with a reason and their name.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  certificateLineOf,
  certificateVerifyLink,
  hasAnyRole,
  normalizeSerial,
  Role,
  serialFromBytes,
  starLevel,
  type CertificateLine,
  type IssuedCertificate,
  type PublicCertificate,
  type RevokeCertificateRequest,
} from '@hele/shared';
import type { ServiceRecordItem } from '../domain/service-records';
import { ConflictError, NotFoundError } from '../lib/errors';
import { loadUser, type Principal } from '../lib/principal';
import type { CertificateRecord } from './records';
import { CERTIFICATE_LIST_KEY, type certificateRepository as CertificateRepository } from './repository';

export interface CertificateDeps {
  certificates: typeof CertificateRepository;
  /** Every record of a volunteer (approved ones are certified). */
  recordsOf: (userId: string) => Promise<ServiceRecordItem[]>;
  issuer: string;
  appOrigin: string;
  now?: () => Date;
  /** 15 random bytes: a serial (tests give their own to collide on purpose). */
  randomSerialBytes?: () => Uint8Array;
}

const digestOf = (realName: string, lines: CertificateLine[]) =>
  createHash('sha256')
    .update(JSON.stringify([realName, lines]))
    .digest('hex');

const notFound = () => new NotFoundError('Certificate', 'CERTIFICATE_NOT_FOUND');

/** What the QR's page shows: the snapshot, without whose account it is. */
export const toPublicCertificate = (record: CertificateRecord): PublicCertificate => ({
  serial: record.serial,
  realName: record.realName,
  totalMinutes: record.totalMinutes,
  stars: record.stars,
  lines: record.lines,
  issuer: record.issuer,
  issuedAt: record.issuedAt,
  status: 'valid',
});

export const createCertificateService = ({
  certificates,
  recordsOf,
  issuer,
  appOrigin,
  now = () => new Date(),
  randomSerialBytes = () => randomBytes(15),
}: CertificateDeps) => {
  const toIssued = (record: CertificateRecord): IssuedCertificate => ({
    ...toPublicCertificate(record),
    userId: record.userId,
    status: record.status,
    verifyUrl: certificateVerifyLink(appOrigin, record.serial),
    ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
    ...(record.revokedByName ? { revokedByName: record.revokedByName } : {}),
    ...(record.revocationReason ? { revocationReason: record.revocationReason } : {}),
  });

  /** The stored certificate a typed or scanned serial names, if any. */
  const find = async (serial: string) => {
    const normal = normalizeSerial(serial);
    return normal ? certificates.get(normal) : undefined;
  };

  return {
    /**
     * Issues the caller's certificate of every approved record. While nothing new was approved (and
     * the name is the same) the newest valid one is given back: issuing twice makes one paper.
     */
    async issue(caller: Principal): Promise<{ certificate: IssuedCertificate; created: boolean }> {
      const realName = (await loadUser(caller.id, { consistent: true }))?.realName;
      if (!realName) throw new ConflictError('REAL_NAME_REQUIRED', 'A certificate names a real person: set your real name first');
      const approved = (await recordsOf(caller.id)).filter((record) => record.status === 'approved');
      if (!approved.length) throw new ConflictError('NO_APPROVED_HOURS', 'No approved service to certify yet');
      const lines = approved
        .map(certificateLineOf)
        .sort((a, b) => a.servedOn.localeCompare(b.servedOn) || a.activity.localeCompare(b.activity));
      const digest = digestOf(realName, lines);
      const newest = await certificates.newestOf(caller.id);
      if (newest?.status === 'valid' && newest.digest === digest) return { certificate: toIssued(newest), created: false };
      const totalMinutes = lines.reduce((sum, line) => sum + line.minutes, 0);
      const base = {
        userId: caller.id,
        realName,
        totalMinutes,
        stars: starLevel(totalMinutes).stars,
        lines,
        issuer,
        issuedAt: now().toISOString(),
        status: 'valid' as const,
        digest,
        listKey: CERTIFICATE_LIST_KEY,
      };
      // 120 random bits do not collide in practice; the conditional put makes sure one never replaces another.
      for (let attempt = 0; attempt < 3; attempt++) {
        const record: CertificateRecord = { ...base, serial: serialFromBytes(randomSerialBytes()) };
        if (await certificates.create(record)) return { certificate: toIssued(record), created: true };
      }
      throw new Error('Three random serials were all taken: the random source is broken');
    },

    mine: async (caller: Principal, page: { limit: number; cursor?: string }) => {
      const result = await certificates.ofUser(caller.id, page);
      return { items: result.items.map(toIssued), nextCursor: result.nextCursor };
    },

    all: async (status: CertificateRecord['status'] | undefined, page: { limit: number; cursor?: string }) => {
      const result = await certificates.all(status, page);
      return { items: result.items.map(toIssued), nextCursor: result.nextCursor };
    },

    /** Anyone, signed in or not: a valid certificate's snapshot; anything else is 404. */
    async verify(serial: string): Promise<PublicCertificate> {
      const record = await find(serial);
      if (record?.status !== 'valid') throw notFound();
      return toPublicCertificate(record);
    },

    async revoke(serial: string, { reason }: RevokeCertificateRequest, caller: Principal): Promise<IssuedCertificate> {
      const record = await find(serial);
      if (!record) throw notFound();
      const revoked = await certificates.revoke(record.serial, { at: now().toISOString(), by: caller.id, byName: caller.nickname, reason });
      if (!revoked) throw new ConflictError('CERTIFICATE_REVOKED', 'This certificate was revoked already');
      return toIssued(revoked);
    },

    /** A certificate for its workbook: its holder's or, for coordinators, anyone's (others: 404, as if none). */
    async forHolder(serial: string, caller: Principal): Promise<IssuedCertificate> {
      const record = await find(serial);
      if (!record || (record.userId !== caller.id && !hasAnyRole(caller.roles, [Role.COORDINATOR]))) throw notFound();
      return toIssued(record);
    },
  };
};

export type CertificateService = ReturnType<typeof createCertificateService>;
