import { fitField, reminderDueAt, reminderFields, SUBSCRIBE_LIMITS } from './reminders';

describe('subscribe-message fields', () => {
  it('keeps short values and cuts long ones to the limit, counting each 汉字 once', () => {
    expect(fitField('组织生活会', 20)).toBe('组织生活会');
    const long = '“两学一做”专题组织生活会暨创意党旗设计与分享环保小妙招活动';
    const cut = fitField(long, SUBSCRIBE_LIMITS.thing);
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(fitField('马上就要开始了', SUBSCRIBE_LIMITS.phrase)).toBe('马上就要…');
  });

  it('builds the reminder template within every limit, time in the center’s zone', () => {
    const fields = reminderFields({
      title: '“两学一做”专题组织生活会暨创意党旗设计与分享环保小妙招活动',
      startsAt: '2026-12-01T06:00:00.000Z',
      venue: '鹿城区和乐社会工作服务中心党群服务中心二楼多功能会议室',
    });
    expect(Array.from(fields.thing1).length).toBeLessThanOrEqual(SUBSCRIBE_LIMITS.thing);
    expect(Array.from(fields.thing3).length).toBeLessThanOrEqual(SUBSCRIBE_LIMITS.thing);
    expect(Array.from(fields.phrase4).length).toBeLessThanOrEqual(SUBSCRIBE_LIMITS.phrase);
    expect(fields.time2).toBe('2026年12月1日 14:00');
  });

  it('is due an hour before the start by default', () => {
    expect(reminderDueAt('2026-12-01T06:00:00.000Z')).toBe('2026-12-01T05:00:00.000Z');
    expect(reminderDueAt('2026-12-01T06:00:00.000Z', 15)).toBe('2026-12-01T05:45:00.000Z');
  });
});
