import { randomBytes } from 'node:crypto';
import { centerDate, formatSerial, Role } from '@hele/shared';
import ExcelJS from 'exceljs';
import { call, signIn } from '../../test/gateway';
import { newVolunteers, withRealName } from '../../test/fixtures';
import { createCertificateService } from './certificate-service';
import { CERTIFICATE_LIST_KEY, certificateRepository } from './repository';

const DAY = 24 * 3600_000;
const daysAgo = (days: number) => centerDate(new Date(Date.now() - days * DAY));

/** A volunteer with a real name, a phone, and one approved record per length given (declared, then approved). */
const volunteerWithHours = async (realName: string, minutes: number[], phone = '13912345678') => {
  const [volunteer] = await newVolunteers(1, 'cert');
  const { token: coordinator } = await signIn('coordinator');
  await withRealName(volunteer!.token, realName);
  // A phone on the account: the public page must never show it.
  await call('PUT', '/me/volunteer', { token: volunteer!.token, body: { skills: ['急救'], availability: '周末', phone } });
  for (const [index, length] of minutes.entries()) {
    const { record } = (
      await call('POST', '/me/service-records', {
        token: volunteer!.token,
        body: { servedOn: daysAgo(index + 1), minutes: length, note: `社区服务第${index + 1}次` },
      })
    ).body;
    const decided = await call('POST', `/service-records/${record.id}/decision`, { token: coordinator, body: { decision: 'approve' } });
    if (decided.status !== 200) throw new Error(`approval failed: ${JSON.stringify(decided.body)}`);
  }
  return { ...volunteer!, coordinator };
};

const issue = (token: string) => call('POST', '/me/certificates', { token });
const verify = (serial: string) => call('GET', `/certificates/${serial}`);

describe('志愿服务证明 issued and verified', () => {
  it('issues a snapshot of the approved hours that anyone verifies by its serial, signed out, with nothing personal', async () => {
    const volunteer = await volunteerWithHours('王晓梅', [120, 90]);
    // Pending hours are not certified.
    await call('POST', '/me/service-records', {
      token: volunteer.token,
      body: { servedOn: daysAgo(3), minutes: 60, note: '尚未审核的服务' },
    });
    const issued = await issue(volunteer.token);
    expect(issued.status).toBe(201);
    const { certificate } = issued.body;
    expect(certificate).toMatchObject({
      realName: '王晓梅',
      totalMinutes: 210,
      status: 'valid',
      issuer: '和乐党群服务中心',
      userId: volunteer.userId,
    });
    expect(certificate.serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{24}$/);
    expect(certificate.verifyUrl).toMatch(new RegExp(`/#/volunteer/verify/index\\?serial=${certificate.serial}$`));
    expect(certificate.lines).toEqual([
      { activity: '社区服务第2次', servedOn: daysAgo(2), minutes: 90, source: 'declared', approver: '李社工' },
      { activity: '社区服务第1次', servedOn: daysAgo(1), minutes: 120, source: 'declared', approver: '李社工' },
    ]);

    // No token at all: the public page confirms what the paper says.
    const verified = await verify(certificate.serial);
    expect(verified.status).toBe(200);
    expect(verified.body.certificate).toEqual({
      serial: certificate.serial,
      realName: '王晓梅',
      totalMinutes: 210,
      stars: 0,
      lines: certificate.lines,
      issuer: '和乐党群服务中心',
      issuedAt: certificate.issuedAt,
      status: 'valid',
    });
    const text = JSON.stringify(verified.body);
    for (const personal of [volunteer.userId, volunteer.name, '13912345678', '139****5678', 'phone', 'userId', 'nickname'])
      expect(text).not.toContain(personal);

    // As printed (grouped, lower case) it is the same certificate.
    expect((await verify(formatSerial(certificate.serial).toLowerCase())).body.certificate.serial).toBe(certificate.serial);
    // The holder lists it.
    const mine = (await call('GET', '/me/certificates', { token: volunteer.token })).body.items;
    expect(mine.map((item: { serial: string }) => item.serial)).toEqual([certificate.serial]);
  });

  it('answers 404 for a forged serial, whatever it looks like, and the same 404 for an unknown one', async () => {
    const volunteer = await volunteerWithHours('赵一鸣', [60]);
    const { serial } = (await issue(volunteer.token)).body.certificate;
    // One character off, a made-up one of the right form, other forms, and the holder's own id.
    const last = serial.at(-1) === '0' ? '1' : '0';
    for (const forged of [
      `${serial.slice(0, -1)}${last}`,
      'ABCDEFGHJKMNPQRSTVWXYZ01',
      'NOT-A-SERIAL',
      'x',
      volunteer.userId,
      "1' OR '1'='1",
    ]) {
      const reply = await verify(encodeURIComponent(forged));
      expect({ forged, status: reply.status, code: reply.body.error.code }).toEqual({ forged, status: 404, code: 'CERTIFICATE_NOT_FOUND' });
      expect(JSON.stringify(reply.body)).not.toContain('赵一鸣');
    }
  });

  it('gives the same certificate back while nothing new was approved, and a new one after', async () => {
    const volunteer = await volunteerWithHours('钱程', [60]);
    const first = (await issue(volunteer.token)).body.certificate;
    const again = await issue(volunteer.token);
    expect([again.status, again.body.certificate.serial]).toEqual([200, first.serial]);

    const { record } = (
      await call('POST', '/me/service-records', {
        token: volunteer.token,
        body: { servedOn: daysAgo(4), minutes: 30, note: '图书整理服务' },
      })
    ).body;
    await call('POST', `/service-records/${record.id}/decision`, { token: volunteer.coordinator, body: { decision: 'approve' } });
    const second = await issue(volunteer.token);
    expect(second.status).toBe(201);
    expect(second.body.certificate.serial).not.toBe(first.serial);
    expect(second.body.certificate.totalMinutes).toBe(90);
    // The first still says what it said when it was issued.
    expect((await verify(first.serial)).body.certificate.totalMinutes).toBe(60);
  });

  it('is refused without a real name or without approved hours, and nothing is stored', async () => {
    const [unnamed] = await newVolunteers(1, 'cert');
    const refused = await issue(unnamed!.token);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'REAL_NAME_REQUIRED']);
    await withRealName(unnamed!.token, '孙莉');
    const empty = await issue(unnamed!.token);
    expect([empty.status, empty.body.error.code]).toEqual([409, 'NO_APPROVED_HOURS']);
    expect((await call('GET', '/me/certificates', { token: unnamed!.token })).body.items).toEqual([]);
  });

  it('is revoked by a coordinator once, with a reason: then its page is 404 and its holder sees why', async () => {
    const volunteer = await volunteerWithHours('李华', [60]);
    const { serial } = (await issue(volunteer.token)).body.certificate;
    const { token: member } = await signIn('member');
    const byMember = await call('POST', `/certificates/${serial}/revocation`, { token: member, body: { reason: '无权撤销' } });
    expect(byMember.status).toBe(403);
    const noReason = await call('POST', `/certificates/${serial}/revocation`, { token: volunteer.coordinator, body: { reason: '' } });
    expect([noReason.status, noReason.body.error.details[0].path]).toEqual([400, 'reason']);
    expect((await verify(serial)).status).toBe(200);

    const revoked = await call('POST', `/certificates/${serial}/revocation`, {
      token: volunteer.coordinator,
      body: { reason: '服务记录有误，已更正' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.certificate).toMatchObject({
      status: 'revoked',
      revokedByName: '李社工',
      revocationReason: '服务记录有误，已更正',
    });
    const page = await verify(serial);
    expect([page.status, page.body.error.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    expect(JSON.stringify(page.body)).not.toContain('李华');

    const twice = await call('POST', `/certificates/${serial}/revocation`, {
      token: volunteer.coordinator,
      body: { reason: '再撤销一次' },
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CERTIFICATE_REVOKED']);
    const [mine] = (await call('GET', '/me/certificates', { token: volunteer.token })).body.items;
    expect(mine).toMatchObject({ serial, status: 'revoked', revocationReason: '服务记录有误，已更正' });
    // Issuing again after a revocation makes a new valid certificate.
    const renewed = await issue(volunteer.token);
    expect(renewed.status).toBe(201);
    expect((await verify(renewed.body.certificate.serial)).status).toBe(200);

    // Coordinators list certificates, and the revoked ones apart.
    const listed = (await call('GET', '/certificates?status=revoked&limit=100', { token: volunteer.coordinator })).body.items;
    expect(listed.find((item: { serial: string }) => item.serial === serial)).toMatchObject({ realName: '李华', status: 'revoked' });
  });

  it('never writes over a stored certificate, even when a new serial comes out the same', async () => {
    const volunteer = await volunteerWithHours('周正', [45]);
    const existing = (await issue(volunteer.token)).body.certificate;
    const bytesOf = (serial: string) => {
      // The 15 bytes that make this serial (base32 back to bytes).
      const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
      let bits = '';
      for (const char of serial) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
      return Uint8Array.from(bits.match(/.{8}/g)!.map((byte) => Number.parseInt(byte, 2)));
    };
    const fresh = randomBytes(15);
    const draws = [bytesOf(existing.serial), fresh];
    const service = createCertificateService({
      certificates: certificateRepository,
      recordsOf: async () => [
        {
          id: 'r1',
          userId: volunteer.userId,
          nickname: 'x',
          source: 'declared',
          servedOn: daysAgo(1),
          minutes: 30,
          note: '另一份证明',
          status: 'approved',
          createdAt: new Date().toISOString(),
          decidedByName: '李社工',
        },
      ],
      issuer: '和乐党群服务中心',
      appOrigin: 'http://app.test',
      randomSerialBytes: () => draws.shift()!,
    });
    const { certificate, created } = await service.issue({ id: volunteer.userId, nickname: 'x', roles: [Role.MEMBER, Role.VOLUNTEER] });
    expect(created).toBe(true);
    expect(certificate.serial).not.toBe(existing.serial);
    const kept = await certificateRepository.get(existing.serial);
    expect(kept).toMatchObject({ totalMinutes: 45, listKey: CERTIFICATE_LIST_KEY });
  });

  it('closing the account revokes the certificates: the page no longer names the person', async () => {
    const volunteer = await volunteerWithHours('吴桐', [60]);
    const { serial } = (await issue(volunteer.token)).body.certificate;
    const closed = await call('DELETE', '/me', { token: volunteer.token });
    expect(closed.status).toBe(200);
    expect((await verify(serial)).status).toBe(404);
    const stored = await certificateRepository.get(serial);
    expect(stored).toMatchObject({ status: 'revoked' });
    expect(stored?.realName).not.toBe('吴桐');
  });

  it('exports the approved hours as Excel: the certificate for its holder, a period for coordinators', async () => {
    const volunteer = await volunteerWithHours('郑好', [120, 30]);
    const { serial, verifyUrl } = (await issue(volunteer.token)).body.certificate;
    const read = async (bytes: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      return workbook;
    };
    const own = await call('GET', `/certificates/${serial}/workbook`, { token: volunteer.token });
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = (await read(own.body)).getWorksheet('志愿服务记录证明')!;
    const cells = sheet
      .getSheetValues()
      .flat()
      .map((value) => (typeof value === 'object' && value && 'text' in value ? value.text : value));
    expect(cells).toEqual(expect.arrayContaining(['证明编号', formatSerial(serial), '郑好', 2.5, '社区服务第1次', '李社工', verifyUrl]));

    // Someone else's certificate is as good as none.
    const { token: member } = await signIn('member');
    expect((await call('GET', `/certificates/${serial}/workbook`, { token: member })).status).toBe(404);
    expect((await call('GET', `/certificates/${serial}/workbook`, { token: volunteer.coordinator })).status).toBe(200);

    const period = await call('GET', `/service-records/workbook?from=${daysAgo(2)}&to=${daysAgo(1)}`, { token: volunteer.coordinator });
    expect(period.status).toBe(200);
    const workbook = await read(period.body);
    const rows = workbook.getWorksheet('服务记录')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toEqual(
      expect.arrayContaining(['志愿者姓名', '服务日期', '服务内容', '服务时长（小时）', '审核人（记录人）', '出具单位']),
    );
    const mineRows = rows.filter((row) => row.includes(volunteer.userId));
    expect(mineRows.map((row) => row.slice(2, 7))).toEqual([
      ['郑好', volunteer.userId, daysAgo(2), '社区服务第2次', 0.5],
      ['郑好', volunteer.userId, daysAgo(1), '社区服务第1次', 2],
    ]);
    const summary = workbook.getWorksheet('个人汇总')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(summary.find((row) => row.includes(volunteer.userId))?.slice(1, 5)).toEqual(['郑好', volunteer.userId, 2, 2.5]);
    // A period before the service holds none of it.
    const before = await call('GET', `/service-records/workbook?from=${daysAgo(40)}&to=${daysAgo(30)}`, { token: volunteer.coordinator });
    const beforeRows = (await read(before.body)).getWorksheet('服务记录')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(beforeRows.some((row) => row.includes(volunteer.userId))).toBe(false);
    const backwards = await call('GET', `/service-records/workbook?from=${daysAgo(1)}&to=${daysAgo(2)}`, { token: volunteer.coordinator });
    expect([backwards.status, backwards.body.error.details[0].path]).toEqual([400, 'to']);
  });
});
