import { profileIncomplete, ProfileUpdateRequest, RealName } from './account';

describe('the profile’s fields', () => {
  it.each(['陈静', '阿依古丽·买买提', 'Anna Li'])('takes the real name %s', (name) => {
    expect(RealName.safeParse(name).success).toBe(true);
  });

  it.each(['陈', '陈123', '·陈', '<script>'])('refuses the real name %s', (name) => {
    expect(RealName.safeParse(name).success).toBe(false);
  });

  it('names the field of an empty change, and refuses a phone number (WeChat sets it)', () => {
    expect(ProfileUpdateRequest.safeParse({}).error?.issues[0]?.path).toEqual(['nickname']);
    expect(ProfileUpdateRequest.safeParse({ phone: '13800000000' }).error?.issues[0]?.path).toEqual(['phone']);
    expect(ProfileUpdateRequest.safeParse({ phone: null }).success).toBe(true);
  });

  it('asks for the profile while the nickname is WeChat’s default or no real name is set', () => {
    expect(profileIncomplete({ nickname: '微信用户', realName: '陈静' })).toBe(true);
    expect(profileIncomplete({ nickname: '小陈' })).toBe(true);
    expect(profileIncomplete({ nickname: '小陈', realName: '陈静' })).toBe(false);
  });
});
