import { earnsServicePoints, pendingServicePoints, serviceAward } from './service-points';

describe('service points follow certification (服务攒积分 + 资格认证)', () => {
  it('pays certified volunteers and lecturers at once, at the rate', () => {
    expect(earnsServicePoints(['member', 'volunteer'])).toBe(true);
    expect(earnsServicePoints(['member', 'lecturer'])).toBe(true);
    expect(serviceAward(90, 10, ['member', 'volunteer'])).toEqual({ points: 15 });
  });

  it('keeps the points of anyone else waiting for the certification, however many other roles they hold', () => {
    for (const roles of [['member'], ['member', 'secretary'], ['member', 'coordinator', 'admin'], []]) {
      expect(earnsServicePoints(roles)).toBe(false);
      expect(serviceAward(90, 10, roles)).toEqual({ pointsPending: 15 });
    }
    expect(serviceAward(5, 10, ['member'])).toEqual({ pointsPending: 0 });
  });

  it('adds up what waits: approved records with points pending only', () => {
    expect(
      pendingServicePoints([
        { status: 'approved', pointsPending: 15 },
        { status: 'approved', pointsPending: 20 },
        { status: 'approved', pointsPending: 0 },
        { status: 'approved' },
        { status: 'pending', pointsPending: 10 },
        { status: 'refused', pointsPending: 10 },
      ]),
    ).toEqual({ records: 2, points: 35 });
  });
});
