/**
 * Field errors in Chinese, for people: the server sends them in `details` and the app shows them
 * beside the field. The common cases get plain wording here; anything rarer falls back to zod's own
 * Simplified Chinese locale. Installed once, by the schemas' common module, on both sides.
 */
import * as z from 'zod';
// The one locale, not the namespace of all of them (each bundle would carry every language).
import { zhCN } from 'zod/v4/locales';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const sizeOf = (issue: { origin?: string }) =>
  issue.origin === 'string' ? '个字' : issue.origin === 'array' || issue.origin === 'set' ? '项' : '';

const plainWording = (issue: Issue): string | undefined => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填' : '格式不正确';
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? '不能为空' : `至少 ${minimum} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return minimum <= 1 ? '至少选一项' : `至少 ${minimum} 项`;
      return `不能小于 ${minimum}`;
    }
    case 'too_big': {
      const unit = sizeOf(issue);
      return unit ? `最多 ${Number(issue.maximum)} ${unit}` : `不能大于 ${Number(issue.maximum)}`;
    }
    case 'invalid_value':
    case 'invalid_union':
      return '不是可选的值';
    case 'invalid_format':
      return issue.format === 'datetime' || issue.format === 'date'
        ? '日期时间格式不正确'
        : issue.format === 'url'
          ? '网址格式不正确'
          : '格式不正确';
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'not_multiple_of':
      return '必须是整数';
    default:
      return undefined;
  }
};

const locale = zhCN();

export const installChineseMessages = (): void => {
  z.config(locale);
  z.config({ customError: (issue) => plainWording(issue) ?? locale.localeError(issue) });
};
