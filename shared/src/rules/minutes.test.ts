import { draftMinutes } from './minutes';

describe('会议纪要', () => {
  const meeting = {
    title: '“两学一做”专题组织生活会',
    startsAt: '2026-11-28T06:00:00.000Z',
    venue: '和乐党群服务中心 2 楼',
    theme: '两学一做',
    agenda: [{ title: '重温入党誓词', minutes: 10 }, { title: '世界咖啡分组讨论' }],
    attendance: { expected: 21, registered: 20, checkedIn: 17, onLeave: 1, absent: 3, notYet: 0 },
    ideas: [
      { text: '多开展户外活动', voteCount: 3 },
      { text: '每月走访困难党员', voteCount: 9, group: '服务群众' },
      { text: '建立学习打卡群', voteCount: 5 },
    ],
    actions: [{ text: '每月走访困难党员', ownerName: '王书记', dueOn: '2026-12-31' }],
  };

  it('drafts attendance, agenda, the most-voted ideas first and the measures with owners and dates', () => {
    expect(draftMinutes(meeting)).toBe(
      [
        '【会议纪要】“两学一做”专题组织生活会',
        '时间：11月28日 周六 14:00　地点：和乐党群服务中心 2 楼　主题：两学一做',
        '出席：应到 21 人，实到 17 人，请假 1 人，缺席 3 人（已报名 20 人），出席率 85%',
        '',
        '一、议程',
        '1. 重温入党誓词（10 分钟）',
        '2. 世界咖啡分组讨论',
        '',
        '二、讨论要点（得票最多的意见）',
        '1. 【服务群众】每月走访困难党员（9 票）',
        '2. 建立学习打卡群（5 票）',
        '3. 多开展户外活动（3 票）',
        '',
        '三、形成的措施',
        '1. 每月走访困难党员 —— 负责人：王书记，12月31日前完成',
      ].join('\n'),
    );
  });

  it('says so when a part is empty, and quotes at most five ideas', () => {
    const nobody = { expected: 0, registered: 0, checkedIn: 0, onLeave: 0, absent: 0, notYet: 0 };
    const empty = draftMinutes({ ...meeting, agenda: [], ideas: [], actions: [], attendance: nobody });
    expect(empty).toContain('出席：应到 0 人，实到 0 人，请假 0 人，缺席 0 人（已报名 0 人）\n');
    expect(empty.match(/（无）/g)).toHaveLength(2);
    const many = draftMinutes({ ...meeting, ideas: Array.from({ length: 8 }, (_, i) => ({ text: `意见${i}`, voteCount: i })) });
    expect(many).toContain('1. 意见7（7 票）');
    expect(many).not.toContain('意见2（2 票）');
  });
});
