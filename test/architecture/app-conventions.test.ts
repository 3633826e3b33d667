/**
 * Kinds of defect the app once had, held off for every page at once (#17): a question whose buttons
 * do not name the action (确定 / 取消 on a 取消 question); a page reading the router's current page
 * instead of its own (one activity's page showing another's); a picture fetched from outside the app.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const appSources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'miniprogram/src'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => /\.(tsx?|js)$/.test(file) && !/\.test\.tsx?$/.test(file) && fs.existsSync(path.join(ROOT, file)));
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const offenders = (pattern: RegExp, except: string[] = []) =>
  appSources.filter((file) => !except.includes(file) && pattern.test(read(file)));

describe('the app asks and tells one way', () => {
  it('asks only through confirmAction (utils/feedback), whose buttons name the action', () => {
    expect(offenders(/\b(Taro|wx)\.showModal\(/, ['miniprogram/src/utils/feedback.ts'])).toEqual([]);
  });

  it('names every written modal button in at most 4 characters (WeChat refuses longer), never 确定 on a question', () => {
    const buttons = appSources.flatMap((file) =>
      [...read(file).matchAll(/\b(confirmText|cancelText):\s*'([^']*)'/g)].map(([, which, text]) => ({ file, which, text: text! })),
    );
    expect(buttons.length).toBeGreaterThan(10);
    expect(buttons.filter(({ text }) => Array.from(text).length > 4)).toEqual([]);
    expect(buttons.filter(({ which, text }) => which === 'confirmText' && ['确定', '确认', '好'].includes(text))).toEqual([]);
  });
});

describe('each page reads its own query', () => {
  it('through useRouteParam (the page’s router), never the router’s current page', () => {
    expect(offenders(/getCurrentInstance\(\)\.router/)).toEqual([]);
  });
});

describe('the app fetches nothing from outside', () => {
  it('imports no picture by an outside address, and wraps NutUI’s Empty (its default picture is on a CDN)', () => {
    expect(offenders(/src=['"{`]+https?:\/\//)).toEqual([]);
    expect(offenders(/nutui-react-taro\/dist\/es\/packages\/empty['"]/, ['miniprogram/src/ui/empty.tsx'])).toEqual([]);
  });
});

describe('a form says why, under the field, instead of greying out its button', () => {
  /**
   * The buttons that may still be greyed out: for a state of things (busy, already done, not yet
   * allowed), never for what was typed, and a chat box with nothing in it. Any other form checks
   * with its schema (hooks/use-form-check) and shows the problem with FieldError.
   */
  const ALLOWED = [
    'miniprogram/src/components/reminder-button/react.tsx: subscribed',
    'miniprogram/src/activity/feed/comments.tsx: !text.trim()',
    'miniprogram/src/activity/feed/index.tsx: !text.trim() || photos.uploading',
    'miniprogram/src/account/profile/index.tsx: devPhone.length !== 11',
    'miniprogram/src/account/login/index.tsx: !customValid || busy',
    'miniprogram/src/volunteer/review/index.tsx: busy === record.id',
    'miniprogram/src/volunteer/verify/index.tsx: !typed.trim()',
    'miniprogram/src/volunteer/exam-sheet.tsx: !!exam.retryAt',
    'miniprogram/src/branch/import/index.tsx: busy',
    'miniprogram/src/branch/import/index.tsx: preview.counts.new === 0',
    'miniprogram/src/shop/reward/index.tsx: blocker !== undefined',
    'miniprogram/src/learning/library/file-upload.tsx: state.uploading',
    'miniprogram/src/activity/feed/publicity.tsx: busy',
  ];

  it('greys out no button for what was typed', () => {
    const greyed = appSources.flatMap((file) => [...read(file).matchAll(/\bdisabled=\{([^}]*)\}/g)].map(([, when]) => `${file}: ${when}`));
    expect(greyed.filter((line) => !ALLOWED.includes(line))).toEqual([]);
  });
});
