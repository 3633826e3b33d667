/**
 * 志愿服务证明 serials: 24 characters of Crockford's base32 (120 random bits, unguessable), printed in
 * groups of four. What a person types or a scanner reads is normalised first: case, dashes and
 * spaces do not matter, and the letters people confuse with digits (I, L, O) read as those digits.
 * The QR on the paper opens the public verification page of the H5 app.
 */
import type { CertificateLine, ServiceRecord } from '../schemas/hours';
import { centerDate } from './time';

export const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SERIAL_LENGTH = 24;
const SERIAL_PATTERN = /^[0-9A-HJKMNP-TV-Z]{24}$/;

/** A serial from random bytes (at least 15: 5 bits per character). */
export const serialFromBytes = (bytes: Uint8Array): string => {
  if (bytes.length * 8 < SERIAL_LENGTH * 5) throw new Error(`A serial needs ${Math.ceil((SERIAL_LENGTH * 5) / 8)} random bytes`);
  let serial = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && serial.length < SERIAL_LENGTH) {
      serial += SERIAL_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return serial;
};

/** The serial a person typed or a QR carried, as stored; undefined when it cannot be one. */
export const normalizeSerial = (input: string): string | undefined => {
  const serial = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return SERIAL_PATTERN.test(serial) ? serial : undefined;
};

/** `ABCD-EFGH-…`, as printed. */
export const formatSerial = (serial: string): string => serial.match(/.{1,4}/g)?.join('-') ?? serial;

/** The H5 page that verifies a certificate, without sign-in (hash-routed, so any static host serves it). */
export const CERTIFICATE_VERIFY_PAGE = '/volunteer/verify/index';

/** What the certificate's QR encodes: the public verification page of this serial. */
export const certificateVerifyLink = (appOrigin: string, serial: string): string =>
  `${appOrigin.replace(/\/$/, '')}/#${CERTIFICATE_VERIFY_PAGE}?serial=${serial}`;

/** The approved hours in hours, one decimal, as the certificate prints them. */
export const certificateHours = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;

/** The center's calendar date a record was served (sign-outs and teaching record an instant, declarations a day). */
export const servedDay = (servedOn: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(servedOn) ? servedOn : centerDate(new Date(servedOn)));

/** An approved record as a line of the certificate: what, when, how long, how recorded, who approved it. */
export const certificateLineOf = (record: ServiceRecord): CertificateLine => ({
  activity: record.activityTitle ?? record.note,
  servedOn: servedDay(record.servedOn),
  minutes: record.minutes,
  source: record.source,
  approver: record.decidedByName ?? '—',
});
