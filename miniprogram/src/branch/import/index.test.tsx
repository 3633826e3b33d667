import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import RosterImportPage, { resultSentence } from './index';
import { answerRequests, calls, setRouteParams } from '../../../test/taro-double';
import { refusedField, signedInAs } from '../../../test/fixtures';

const branch = { id: 'b1', name: '和乐社区第一党支部', kind: 'branch', memberCount: 3, createdAt: '2026-12-01T00:00:00.000Z' };
const people = [
  { personId: 'p_wang', realName: '王五', politicalStatus: 'masses', status: 'unclaimed', importedAt: '2026-12-05T00:00:00.000Z' },
  {
    personId: 'p_zhang',
    realName: '张三',
    phone: '138****0001',
    status: 'claimed',
    importedAt: '2026-12-04T00:00:00.000Z',
    claimedAt: '2026-12-05T00:00:00.000Z',
    claimedBy: 'u_zhang',
  },
];
const lines = [
  { row: 2, realName: '李四', phone: '139****0002', politicalStatus: 'party_member', birthYear: 1980, status: 'new', errors: [] },
  { row: 3, realName: '赵六', status: 'new', errors: [] },
  { row: 4, realName: '钱七', status: 'invalid', errors: [{ column: '手机号', message: '须为 11 位手机号' }] },
];
const counts = (changes: Record<string, number>) => ({ new: 0, created: 0, imported: 0, member: 0, invalid: 0, ...changes });
const preview = {
  id: '01IMPORT',
  branchId: 'b1',
  fileName: '一支部名册.xlsx',
  lines,
  counts: counts({ new: 2, invalid: 1 }),
  createdAt: '2026-12-06T00:00:00.000Z',
};

interface Sent {
  method: string;
  path: string;
  body?: unknown;
}

/** Answers the page's calls as the rosters and directory functions would; records what was sent. */
const server = (previewReply: { statusCode: number; data: unknown } = { statusCode: 201, data: { import: preview } }) => {
  const sent: Sent[] = [];
  answerRequests(({ url, method, data }) => {
    const path = url.replace('http://api.test', '');
    const body = data ? JSON.parse(data) : undefined;
    sent.push({ method, path, ...(body ? { body } : {}) });
    if (path === '/branches/b1') return { statusCode: 200, data: { branch } };
    if (path.startsWith('/branches/b1/roster-people')) return { statusCode: 200, data: { items: people } };
    if (path === '/branches/b1/roster-template') return { statusCode: 200, data: new ArrayBuffer(16) };
    if (path === '/branches/b1/roster-uploads') {
      const key = 'roster-imports/b1/u_me/01ARZ3NDEKTSV4RRFFQ69G5FAV.xlsx';
      return {
        statusCode: 201,
        data: {
          upload: { url: 'https://files.test/bucket', fields: { key }, key, maxBytes: 1048576, expiresAt: '2026-12-06T00:05:00.000Z' },
        },
      };
    }
    if (path === '/branches/b1/roster-imports') return previewReply;
    if (path === '/branches/b1/roster-imports/01IMPORT/commit') {
      const committed = lines.map((line) => (line.status === 'new' ? { ...line, status: 'created' } : line));
      return {
        statusCode: 200,
        data: {
          import: { ...preview, lines: committed, counts: counts({ created: 2, invalid: 1 }), committedAt: '2026-12-06T00:01:00.000Z' },
        },
      };
    }
    if (path === '/branches/b1/invites') {
      return {
        statusCode: 201,
        data: {
          invite: {
            code: 'AbCdEfGhJk234567',
            branchId: 'b1',
            branchName: branch.name,
            role: 'member',
            expiresAt: '2027-01-05T00:00:00.000Z',
            createdAt: '2026-12-06T00:00:00.000Z',
            createdByName: '李社工',
            personId: 'p_wang',
            personName: '王五',
          },
        },
      };
    }
    if (path.endsWith('/image')) return { statusCode: 200, data: new ArrayBuffer(8) };
    return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: `${method} ${path}` } } };
  });
  return sent;
};

/** The browser's file dialog answers with `file` (jsdom opens none). */
const pickInDialog = (file: File) => {
  const create = document.createElement.bind(document);
  jest.spyOn(document, 'createElement').mockImplementation((tag: string, options?: ElementCreationOptions) => {
    const element = create(tag, options);
    if (tag === 'input') {
      element.click = () => {
        Object.defineProperty(element, 'files', { value: [file] });
        element.dispatchEvent(new Event('change'));
      };
    }
    return element;
  });
};

const workbook = (name: string, size = 2048) => new File([new Uint8Array(size)], name);

beforeEach(() => {
  signedInAs('李社工', ['coordinator']);
  setRouteParams({ id: 'b1' });
  URL.createObjectURL = () => 'blob:roster';
});
afterEach(() => jest.restoreAllMocks());

describe('批量导入名册', () => {
  it('uploads the chosen workbook, shows each row with its errors, then imports and says what it did', async () => {
    const sent = server();
    pickInDialog(workbook('一支部名册.xlsx'));
    render(<RosterImportPage />);
    expect(await screen.findByText('导入名单：待加入 1 人，已加入 1 人')).toBeTruthy();
    expect(screen.getByText('批量导入名册：和乐社区第一党支部')).toBeTruthy();

    fireEvent.click(screen.getByText('选择 Excel 文件'));
    expect(await screen.findByText('共 3 行：可导入 2 人，1 行有错误（不导入，可改正后重新上传）')).toBeTruthy();
    expect(screen.getByText('手机号：须为 11 位手机号')).toBeTruthy();
    expect(screen.getByText('139****0002 · 党员 · 1980 年生')).toBeTruthy();
    expect(calls.uploads).toEqual([{ url: 'https://files.test/bucket', filePath: 'blob:roster' }]);

    fireEvent.click(screen.getByText('确认导入（2 人）'));
    expect(await screen.findByText('导入完成：新增 2 人，1 行有错误未导入')).toBeTruthy();
    expect(screen.getAllByText('已导入')).toHaveLength(2);
    expect(calls.toasts).toEqual(['导入完成：新增 2 人，1 行有错误未导入']);
    expect(sent.filter(({ method }) => method === 'POST')).toEqual([
      { method: 'POST', path: '/branches/b1/roster-uploads', body: { size: 2048 } },
      {
        method: 'POST',
        path: '/branches/b1/roster-imports',
        body: { key: 'roster-imports/b1/u_me/01ARZ3NDEKTSV4RRFFQ69G5FAV.xlsx', fileName: '一支部名册.xlsx' },
      },
      { method: 'POST', path: '/branches/b1/roster-imports/01IMPORT/commit' },
    ]);
  });

  it('downloads the template, and makes an invitation of their own for a person without a phone', async () => {
    const sent = server();
    const saved: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    render(<RosterImportPage />);
    fireEvent.click(await screen.findByText('下载模板'));
    await waitFor(() => expect(saved).toEqual(['党员名册模板.xlsx']));

    expect(screen.getByText('无手机号')).toBeTruthy();
    fireEvent.click(screen.getByText('生成专属邀请'));
    expect(await screen.findByText('请把二维码发给 王五，扫码登录后即加入本支部（仅限一人使用）')).toBeTruthy();
    expect(screen.getByText('邀请码 AbCdEfGhJk234567')).toBeTruthy();
    expect(sent).toContainEqual({ method: 'POST', path: '/branches/b1/invites', body: { personId: 'p_wang', days: 30 } });
  });

  it('says on the page why a file cannot be read: another format before any upload, the server’s reason after', async () => {
    const sent = server(refusedField('key', '表头缺少「姓名」列，请使用下载的模板', 'bad'));
    pickInDialog(workbook('名册.xls'));
    render(<RosterImportPage />);
    fireEvent.click(await screen.findByText('选择 Excel 文件'));
    expect(await screen.findByText('请选择 .xlsx 格式的 Excel 文件（.xls 请先另存为 .xlsx）')).toBeTruthy();
    expect(sent.filter(({ method }) => method === 'POST')).toEqual([]);

    jest.restoreAllMocks();
    pickInDialog(workbook('名册.xlsx'));
    fireEvent.click(screen.getByText('选择 Excel 文件'));
    expect(await screen.findByText('表头缺少「姓名」列，请使用下载的模板')).toBeTruthy();
    expect(screen.queryByText('导入预览')).toBeNull();
  });

  it('words a commit’s result in one sentence', () => {
    expect(resultSentence({ counts: counts({ created: 3 }) })).toBe('导入完成：新增 3 人');
    expect(resultSentence({ counts: counts({ imported: 2, member: 1 }) })).toBe('导入完成：新增 0 人，2 人已在名单中，1 人已是本支部党员');
  });
});
