import { ERRORS, ErrorCode, errorWording, isErrorCode } from './errors';

describe('the error registry', () => {
  it('words every code in Chinese', () => {
    for (const [code, { message }] of Object.entries(ERRORS)) {
      expect({ code, chinese: /[\u4e00-\u9fff]/.test(message) }).toEqual({ code, chinese: true });
    }
  });

  it('names each code as itself', () => {
    for (const code of Object.keys(ERRORS)) expect(ErrorCode[code as ErrorCode]).toBe(code);
  });

  it('gives no wording for a code it does not know (a newer server), so the app falls back', () => {
    expect(isErrorCode('SOMETHING_NEW')).toBe(false);
    expect(errorWording('SOMETHING_NEW')).toBeUndefined();
    expect(errorWording('toString')).toBeUndefined();
    expect(errorWording('BUSY')).toBe('人数较多，请稍后再试');
  });
});
