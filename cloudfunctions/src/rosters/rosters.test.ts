/**
 * Bulk import of a branch's roster, against DynamoDB Local and the local object storage: the template,
 * the upload straight to the bucket, the preview with an error per row and column, the commit (each
 * person once, however often or concurrently), and claiming a line by phone or by invitation.
 */
import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import { newBranch, newMembers } from '../../test/fixtures';
import { call, signIn } from '../../test/gateway';
import { send, type Ticket } from '../feed/feed-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['姓名', '手机号', '政治面貌', '出生年份', '学历', '入党日期'];

/** A mobile number no other test uses (the numbers waiting to be claimed are global). */
const newPhone = () => `19${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

const workbookOf = async (rows: unknown[][], { sheetName = '名册', before = [] as unknown[][][] } = {}) => {
  const workbook = new ExcelJS.Workbook();
  for (const [index, sheet] of before.entries()) workbook.addWorksheet(`说明${index}`).addRows(sheet);
  workbook.addWorksheet(sheetName).addRows(rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};

const uploaded = async (branchId: string, token: string, bytes: Uint8Array) => {
  const reply = await call('POST', `/branches/${branchId}/roster-uploads`, { token, body: { size: bytes.length } });
  expect(reply.status).toBe(201);
  const ticket = reply.body.upload as Ticket;
  expect((await send(ticket, bytes)).status).toBe(204);
  return ticket.key as string;
};

const preview = (branchId: string, token: string, key: string) =>
  call('POST', `/branches/${branchId}/roster-imports`, { token, body: { key, fileName: '一支部名册.xlsx' } });
const commit = (branchId: string, token: string, importId: string) =>
  call('POST', `/branches/${branchId}/roster-imports/${importId}/commit`, { token });

/** Upload, preview and commit: the commit's import. */
const imported = async (branchId: string, token: string, rows: unknown[][]) => {
  const read = await preview(branchId, token, await uploaded(branchId, token, await workbookOf([HEADER, ...rows])));
  expect(read.status).toBe(201);
  const done = await commit(branchId, token, read.body.import.id);
  expect(done.status).toBe(200);
  return done.body.import;
};

const people = async (branchId: string, token: string, status?: string) =>
  (await call('GET', `/branches/${branchId}/roster-people${status ? `?status=${status}` : ''}`, { token })).body.items as Array<{
    personId: string;
    realName: string;
    phone?: string;
    status: string;
    claimedBy?: string;
  }>;
const branchOf = async (id: string) => (await call('GET', `/branches/${id}`, { token: (await signIn('coordinator')).token })).body.branch;
const statuses = (lines: Array<{ status: string }>) => lines.map((line) => line.status);

describe('roster template', () => {
  it('is a workbook the import reads back: the header, drop-downs and notes; the branch’s secretary and the center get it', async () => {
    const { branch, secretary } = await newBranch(0);
    const reply = await call('GET', `/branches/${branch}/roster-template`, { token: secretary.token });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(XLSX);
    expect(decodeURIComponent(reply.headers['content-disposition']!)).toMatch(/党员名册模板\.xlsx$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.body);
    const sheet = workbook.getWorksheet('名册')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.getCell('C2').dataValidation.formulae).toEqual(['"党员,预备党员,共青团员,群众"']);
    expect(workbook.getWorksheet('填写说明')!.getCell('B2').value).toBe('必填，与身份证一致');

    // Filled in as a secretary would (the phone typed into the text column), it imports.
    const phone = newPhone();
    sheet.getRow(2).values = ['张三', phone, '党员', 1980, '大学本科', '2005-07-01'];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await preview(branch, secretary.token, await uploaded(branch, secretary.token, bytes));
    expect(read.status).toBe(201);
    expect(read.body.import.lines).toEqual([
      {
        row: 2,
        realName: '张三',
        phone: masked(phone),
        politicalStatus: 'party_member',
        birthYear: 1980,
        education: 'college',
        joinedOn: '2005-07-01',
        status: 'new',
        errors: [],
      },
    ]);
    expect((await call('GET', `/branches/${branch}/roster-template`, { token: (await signIn('coordinator')).token })).status).toBe(200);
  });
});

describe('roster import', () => {
  it('previews every row with what becomes of it and an error per wrong column, writing nobody; the commit adds the good rows once', async () => {
    const { branch, secretary } = await newBranch(0);
    const [one, two] = [newPhone(), newPhone()];
    const bytes = await workbookOf([
      ['和乐社区第一党支部 党员花名册'],
      HEADER,
      ['张三', one, '党员', 1980, '大学本科', new Date(Date.UTC(2005, 6, 1))],
      ['李四', Number(two), '预备党员', '1995', '研究生', ''],
      ['王五', '', '群众'],
      ['', '1380000', '党外人士', '', '幼儿园'],
      ['张三', one, '党员'],
    ]);
    const key = await uploaded(branch, secretary.token, bytes);
    const read = await preview(branch, secretary.token, key);
    expect(read.status).toBe(201);
    const { id, lines, counts, fileName } = read.body.import;
    expect(fileName).toBe('一支部名册.xlsx');
    expect(lines.map((line: { row: number; realName?: string }) => [line.row, line.realName])).toEqual([
      [3, '张三'],
      [4, '李四'],
      [5, '王五'],
      [6, undefined],
      [7, '张三'],
    ]);
    expect(statuses(lines)).toEqual(['new', 'new', 'new', 'invalid', 'invalid']);
    expect(lines[0].joinedOn).toBe('2005-07-01');
    expect(lines[1].phone).toBe(masked(two));
    expect(lines[3].errors).toEqual([
      { column: '姓名', message: '必填' },
      { column: '手机号', message: '须为 11 位手机号' },
      { column: '政治面貌', message: '须为党员、预备党员、共青团员或群众' },
      { column: '学历', message: '须为小学及以下、初中/高中/中专、大专/本科、研究生之一' },
    ]);
    expect(lines[4].errors).toEqual([{ column: '手机号', message: '与第 3 行重复' }]);
    expect(counts).toEqual({ new: 3, created: 0, imported: 0, member: 0, invalid: 2 });

    // Nothing written yet, and the file is gone from the bucket once read.
    expect(await people(branch, secretary.token)).toEqual([]);
    const again = await preview(branch, secretary.token, key);
    expect([again.status, again.body.error.details[0]]).toEqual([400, { path: 'key', message: '名单文件尚未上传成功，请重新选择文件' }]);

    const done = await commit(branch, secretary.token, id);
    expect(done.status).toBe(200);
    expect(statuses(done.body.import.lines)).toEqual(['created', 'created', 'created', 'invalid', 'invalid']);
    expect(done.body.import.committedAt).toBeDefined();
    const listed = await people(branch, secretary.token);
    expect(listed.map(({ realName, phone, status }) => [realName, phone, status]).sort()).toEqual([
      ['张三', masked(one), 'unclaimed'],
      ['李四', masked(two), 'unclaimed'],
      ['王五', undefined, 'unclaimed'],
    ]);
    // Imported people are not members until they claim their line.
    expect((await branchOf(branch)).memberCount).toBe(1);

    // The same file again, previewed and committed: everyone is there already.
    const second = await preview(branch, secretary.token, await uploaded(branch, secretary.token, bytes));
    expect(statuses(second.body.import.lines)).toEqual(['imported', 'imported', 'imported', 'invalid', 'invalid']);
    expect(statuses((await commit(branch, secretary.token, second.body.import.id)).body.import.lines)).toEqual([
      'imported',
      'imported',
      'imported',
      'invalid',
      'invalid',
    ]);
    // Committing the first preview again adds nobody either.
    expect(statuses((await commit(branch, secretary.token, id)).body.import.lines)).toEqual([
      'imported',
      'imported',
      'imported',
      'invalid',
      'invalid',
    ]);
    expect(await people(branch, secretary.token)).toHaveLength(3);
  });

  it('finds the roster on a later sheet, and says a number waits on another branch’s list or belongs to a member', async () => {
    const [first, second] = [await newBranch(0), await newBranch(1)];
    const elsewhere = newPhone();
    await imported(first.branch, first.secretary.token, [['赵六', elsewhere]]);
    const memberPhone = newPhone();
    const [member] = second.members;
    expect((await call('POST', '/me/phone', { token: member!.token, body: { code: `dev-phone:${memberPhone}` } })).status).toBe(200);
    await call('PATCH', '/me', { token: second.secretary.token, body: { realName: '钱书记' } });

    const bytes = await workbookOf([HEADER, ['赵六', elsewhere], ['孙七', memberPhone], ['钱书记', '']], {
      before: [[['填表说明：每人一行']]],
    });
    const read = await preview(second.branch, second.secretary.token, await uploaded(second.branch, second.secretary.token, bytes));
    expect(read.status).toBe(201);
    const [waiting, onBranch, byName] = read.body.import.lines;
    expect(waiting).toMatchObject({
      status: 'invalid',
      errors: [{ column: '手机号', message: expect.stringMatching(/^已在「测试支部.+」的导入名单中$/) }],
    });
    expect([onBranch.status, byName.status]).toEqual(['member', 'member']);
    expect(statuses((await commit(second.branch, second.secretary.token, read.body.import.id)).body.import.lines)).toEqual([
      'invalid',
      'member',
      'member',
    ]);
    expect(await people(second.branch, second.secretary.token)).toEqual([]);
  });

  it('adds each person once when the same import, and a second preview of the same file, are committed at once', async () => {
    const { branch, secretary } = await newBranch(0);
    const { token: coordinator } = await signIn('coordinator');
    const rows = Array.from({ length: 40 }, (_, i) => [
      `党员${String.fromCharCode(0x4e00 + i * 7)}`,
      i % 4 === 0 ? '' : newPhone(),
      '党员',
    ]);
    const bytes = await workbookOf([HEADER, ...rows]);
    const [a, b] = await Promise.all([
      preview(branch, secretary.token, await uploaded(branch, secretary.token, bytes)),
      preview(branch, coordinator, await uploaded(branch, coordinator, bytes)),
    ]);
    expect(statuses(a.body.import.lines).every((status) => status === 'new')).toBe(true);
    const replies = await Promise.all([
      commit(branch, secretary.token, a.body.import.id),
      commit(branch, coordinator, a.body.import.id),
      commit(branch, secretary.token, b.body.import.id),
      commit(branch, coordinator, b.body.import.id),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    const created = replies.flatMap((reply) => reply.body.import.lines).filter((line) => line.status === 'created');
    expect(created).toHaveLength(40);
    for (let row = 2; row <= 41; row++) expect(created.filter((line) => line.row === row)).toHaveLength(1);
    expect(
      replies.flatMap((reply) => statuses(reply.body.import.lines)).filter((status) => !['created', 'imported'].includes(status)),
    ).toEqual([]);
    expect(await people(branch, secretary.token)).toHaveLength(40);
  });

  it('refuses a key that is not the caller’s upload for this branch, nothing uploaded, a file that is no workbook or no roster, naming key and writing nothing', async () => {
    const { branch, secretary } = await newBranch(0);
    const other = await newBranch(0);
    const { token: coordinator } = await signIn('coordinator');
    const notRead = async (token: string, key: unknown, message: string | RegExp) => {
      const reply = await call('POST', `/branches/${branch}/roster-imports`, { token, body: { key } });
      expect(reply.status).toBe(400);
      expect(reply.body.error.details[0].path).toBe('key');
      expect(reply.body.error.details[0].message).toMatch(message);
    };
    const good = await workbookOf([HEADER, ['张三', newPhone()]]);
    await notRead(secretary.token, await uploaded(branch, coordinator, good), '不是你为本支部上传的名单文件');
    await notRead(secretary.token, await uploaded(other.branch, other.secretary.token, good), '不是你为本支部上传的名单文件');
    const neverSent = (await call('POST', `/branches/${branch}/roster-uploads`, { token: secretary.token, body: {} })).body.upload.key;
    await notRead(secretary.token, neverSent, '名单文件尚未上传成功，请重新选择文件');
    await notRead(
      secretary.token,
      await uploaded(branch, secretary.token, new TextEncoder().encode('姓名,手机号\n张三,13800000000')),
      /^无法读取该文件/,
    );
    await notRead(
      secretary.token,
      await uploaded(
        branch,
        secretary.token,
        await workbookOf([
          ['序号', '手机号'],
          ['1', newPhone()],
        ]),
      ),
      '表头缺少「姓名」列，请使用下载的模板',
    );
    await notRead(
      secretary.token,
      await uploaded(branch, secretary.token, await workbookOf([HEADER])),
      '表格中没有名单，请在表头下方逐行填写',
    );
    await notRead(secretary.token, 'library/u_x/01ARZ3NDEKTSV4RRFFQ69G5FAV.pdf', '不是已上传的名单文件');
    const missing = await call('POST', `/branches/${branch}/roster-imports`, { token: secretary.token, body: {} });
    expect([missing.status, missing.body.error.details[0].path]).toEqual([400, 'key']);
    const tooBig = await call('POST', `/branches/${branch}/roster-uploads`, { token: secretary.token, body: { size: 2 * 1024 * 1024 } });
    expect([tooBig.status, tooBig.body.error.details[0].path]).toEqual([400, 'size']);
    expect((await commit(branch, secretary.token, '01NOSUCHIMPORT')).status).toBe(404);
    expect(await people(branch, secretary.token)).toEqual([]);
  });

  it('lets the branch’s own secretary and the center in, and no one else', async () => {
    const { branch, secretary, members } = await newBranch(1);
    const other = await newBranch(0);
    const read = await preview(
      branch,
      secretary.token,
      await uploaded(branch, secretary.token, await workbookOf([HEADER, ['张三', newPhone()]])),
    );
    const { id } = read.body.import;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/branches/${branch}/roster-template`],
      ['POST', `/branches/${branch}/roster-uploads`, {}],
      ['POST', `/branches/${branch}/roster-imports`, { key: `roster-imports/${branch}/u_x/01ARZ3NDEKTSV4RRFFQ69G5FAV.xlsx` }],
      ['POST', `/branches/${branch}/roster-imports/${id}/commit`],
      ['GET', `/branches/${branch}/roster-people`],
      ['DELETE', `/branches/${branch}/roster-people/p_nobody`],
    ];
    for (const [method, path, body] of routes) {
      expect([path, (await call(method, path, { token: other.secretary.token, body })).status]).toEqual([path, 403]);
      expect([path, (await call(method, path, { token: members[0]!.token, body })).status]).toEqual([path, 403]);
      expect([path, (await call(method, path, { body })).status]).toEqual([path, 401]);
    }
    expect(await people(branch, secretary.token)).toEqual([]);
    const { token: admin } = await signIn('admin');
    expect(statuses((await commit(branch, admin, id)).body.import.lines)).toEqual(['created']);
    expect(await people(branch, (await signIn('coordinator')).token)).toHaveLength(1);
    expect((await call('GET', '/branches/01NOBRANCH/roster-people', { token: admin })).status).toBe(404);
  });
});

describe('claiming an imported line', () => {
  it('by the phone WeChat confirms: the person joins the branch as imported, their own profile kept, in one step', async () => {
    const { branch, secretary } = await newBranch(0);
    const [phone, named] = [newPhone(), newPhone()];
    await imported(branch, secretary.token, [
      ['周八', phone, '预备党员', 1992, '大专', '2019-07-01'],
      ['吴九', named, '党员'],
    ]);
    const [person, another] = await newMembers(2, 'claim');

    const reply = await call('POST', '/me/phone', { token: person!.token, body: { code: `dev-phone:${phone}` } });
    expect(reply.status).toBe(200);
    expect(reply.body.joined).toEqual({ branchId: branch, branchName: (await branchOf(branch)).name });
    expect(reply.body.user).toMatchObject({ branchId: branch, realName: '周八', politicalStatus: 'probationary', phone });
    expect((await branchOf(branch)).memberCount).toBe(2);
    const active = (await call('GET', `/branches/${branch}/members?status=active`, { token: secretary.token })).body.items;
    expect(active.map((line: { userId: string }) => line.userId)).toContain(person!.userId);
    // The plan roster has their birth year and education.
    const profile = (await call('GET', `/branches/${branch}/profile`, { token: secretary.token })).body;
    expect(profile.roster.find((line: { userId: string }) => line.userId === person!.userId)).toMatchObject({
      birthYear: 1992,
      education: 'college',
      joinedOn: '2019-07-01',
    });
    const listed = await people(branch, secretary.token);
    expect(listed.find((line) => line.claimedBy === person!.userId)).toMatchObject({ status: 'claimed', realName: '周八' });
    expect(listed.find((line) => line.claimedBy === person!.userId)!.phone).toBeUndefined();

    // Someone who already said their name keeps it; confirming again changes nothing more.
    await call('PATCH', '/me', { token: another!.token, body: { realName: '吴玖' } });
    const second = await call('POST', '/me/phone', { token: another!.token, body: { code: `dev-phone:${named}` } });
    expect(second.body.user).toMatchObject({ branchId: branch, realName: '吴玖', politicalStatus: 'party_member' });
    const again = await call('POST', '/me/phone', { token: another!.token, body: { code: `dev-phone:${named}` } });
    expect([again.status, again.body.joined]).toEqual([200, undefined]);
    expect((await branchOf(branch)).memberCount).toBe(3);
    expect(await people(branch, secretary.token, 'unclaimed')).toEqual([]);
    // A claimed line is a member now: it is not taken off the import list.
    const removed = await call('DELETE', `/branches/${branch}/roster-people/${listed[0]!.personId}`, { token: secretary.token });
    expect([removed.status, removed.body.error.code]).toEqual([409, 'ROSTER_PERSON_CLAIMED']);
  });

  it('leaves the line waiting when the number’s owner is on another branch, and when two people confirm it at once, one claims it', async () => {
    const { branch, secretary } = await newBranch(0);
    const elsewhere = await newBranch(1);
    const phone = newPhone();
    await imported(branch, secretary.token, [['郑十', phone]]);
    const moved = await call('POST', '/me/phone', { token: elsewhere.members[0]!.token, body: { code: `dev-phone:${phone}` } });
    expect([moved.status, moved.body.joined, moved.body.user.branchId]).toEqual([200, undefined, elsewhere.branch]);
    expect(await people(branch, secretary.token, 'unclaimed')).toHaveLength(1);

    const racers = await newMembers(6, 'race');
    const replies = await Promise.all(
      racers.map((racer) => call('POST', '/me/phone', { token: racer.token, body: { code: `dev-phone:${phone}` } })),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(6).fill(200));
    expect(replies.filter((reply) => reply.body.joined)).toHaveLength(1);
    expect((await branchOf(branch)).memberCount).toBe(2);
  });

  it('with an invitation made for a person without a phone: taken once, active at once', async () => {
    const { branch, secretary } = await newBranch(0);
    await imported(branch, secretary.token, [['冯十一', '', '群众']]);
    const [line] = await people(branch, secretary.token);
    const made = await call('POST', `/branches/${branch}/invites`, { token: secretary.token, body: { personId: line!.personId } });
    expect(made.status).toBe(201);
    expect(made.body.invite).toMatchObject({ personId: line!.personId, personName: '冯十一', role: 'member' });
    const { code } = made.body.invite;
    expect((await call('GET', `/invites/${code}`, { token: (await newMembers(1))[0]!.token })).body.invite.personName).toBe('冯十一');

    const [person, late] = await newMembers(2, 'invited');
    const replies = await Promise.all([1, 2, 3].map(() => call('POST', `/invites/${code}/accept`, { token: person!.token })));
    expect(replies.map((reply) => [reply.status, reply.body.membership?.status])).toEqual(Array(3).fill([200, 'active']));
    // A tap again after the invitation was taken (a retry, a second tap) answers what the first did.
    const again = await call('POST', `/invites/${code}/accept`, { token: person!.token });
    expect([again.status, again.body.membership?.status]).toEqual([200, 'active']);
    expect((await call('GET', '/me', { token: person!.token })).body.user).toMatchObject({
      branchId: branch,
      realName: '冯十一',
      politicalStatus: 'masses',
    });
    expect((await branchOf(branch)).memberCount).toBe(2);
    expect((await call('POST', `/invites/${code}/accept`, { token: late!.token })).status).toBe(404);
    expect((await people(branch, secretary.token))[0]).toMatchObject({ status: 'claimed', claimedBy: person!.userId });

    // An invitation for someone claimed, unknown, or with the secretary's role: 400 naming personId.
    for (const body of [{ personId: line!.personId }, { personId: 'p_nobody' }, { personId: line!.personId, role: 'secretary' }]) {
      const refused = await call('POST', `/branches/${branch}/invites`, { token: (await signIn('coordinator')).token, body });
      expect([refused.status, refused.body.error.details[0].path]).toEqual([400, 'personId']);
    }
  });

  it('takes an unclaimed person off the list, freeing their number for another branch', async () => {
    const { branch, secretary } = await newBranch(0);
    const other = await newBranch(0);
    const phone = newPhone();
    await imported(branch, secretary.token, [['陈十二', phone]]);
    const [line] = await people(branch, secretary.token);
    const reply = await call('DELETE', `/branches/${branch}/roster-people/${line!.personId}`, { token: secretary.token });
    expect([reply.status, reply.body]).toEqual([200, { removed: true }]);
    expect(await people(branch, secretary.token)).toEqual([]);
    expect(statuses((await imported(other.branch, other.secretary.token, [['陈十二', phone]])).lines)).toEqual(['created']);
  });
});
