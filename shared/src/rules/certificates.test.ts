import fc from 'fast-check';
import { certificateVerifyLink, formatSerial, normalizeSerial, SERIAL_LENGTH, serialFromBytes } from './certificates';

describe('certificate serials', () => {
  it('are 24 characters of base32 from 15 random bytes, read back whatever the case, dashes or spaces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 15, maxLength: 15 }), (bytes) => {
        const serial = serialFromBytes(bytes);
        expect(serial).toHaveLength(SERIAL_LENGTH);
        expect(normalizeSerial(serial)).toBe(serial);
        expect(normalizeSerial(formatSerial(serial).toLowerCase())).toBe(serial);
        expect(normalizeSerial(` ${formatSerial(serial).replace(/-/g, ' ')} `)).toBe(serial);
      }),
    );
  });

  it('differ for different bytes (every bit is used)', () => {
    const zero = new Uint8Array(15);
    const seen = new Set([serialFromBytes(zero)]);
    for (let bit = 0; bit < 120; bit++) {
      const bytes = new Uint8Array(15);
      bytes[bit >> 3] = 0x80 >> (bit & 7);
      seen.add(serialFromBytes(bytes));
    }
    expect(seen.size).toBe(121);
  });

  it('read I, L and O as the digits they look like, and refuse what cannot be a serial', () => {
    expect(normalizeSerial('IL0O'.repeat(6))).toBe('1100'.repeat(6));
    expect(normalizeSerial('U'.repeat(24))).toBeUndefined();
    expect(normalizeSerial('ABC')).toBeUndefined();
    expect(normalizeSerial('A'.repeat(25))).toBeUndefined();
    expect(normalizeSerial("' OR 1=1 --")).toBeUndefined();
    expect(() => serialFromBytes(new Uint8Array(14))).toThrow();
  });

  it('print in groups of four, and the QR opens the public page of the H5 app', () => {
    expect(formatSerial('ABCDEFGHJKMNPQRSTVWXYZ01')).toBe('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01');
    expect(certificateVerifyLink('https://hele.example.org/', 'ABCD')).toBe(
      'https://hele.example.org/#/volunteer/verify/index?serial=ABCD',
    );
  });
});
