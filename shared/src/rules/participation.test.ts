import fc from 'fast-check';
import {
  compareForMyList,
  isSettled,
  PARTICIPATION_LABELS,
  participationLabel,
  participationState,
  registrationOutcome,
  type ParticipationFacts,
} from './participation';

const before = new Date('2026-12-05T13:00:00+08:00');
const after = new Date('2026-12-05T17:00:00+08:00');
const meeting = { status: 'published' as const, endsAt: '2026-12-05T16:00:00+08:00' };
const CHECKED_IN = '2026-12-05T14:01:00+08:00';

describe('participationState', () => {
  it.each<[string, Omit<ParticipationFacts, 'activity'> & { activity?: ParticipationFacts['activity'] }, Date, string]>([
    ['a seat before the end', { status: 'confirmed' }, before, 'registered'],
    ['a waitlist place before the end', { status: 'waitlisted' }, before, 'waitlisted'],
    ['a seat and a pending leave', { status: 'confirmed', leave: 'pending' }, before, 'leave_pending'],
    ['a seat and an approved leave', { status: 'confirmed', leave: 'approved' }, before, 'on_leave'],
    ['a seat and a refused leave', { status: 'confirmed', leave: 'refused' }, before, 'leave_refused'],
    ['only a leave (the branch roster)', { leave: 'pending' }, before, 'leave_pending'],
    ['checked in', { status: 'confirmed', checkedInAt: CHECKED_IN }, before, 'checked_in'],
    ['checked in, after the end', { status: 'confirmed', checkedInAt: CHECKED_IN }, after, 'checked_in'],
    ['checked in despite a leave', { status: 'confirmed', checkedInAt: CHECKED_IN, leave: 'approved' }, after, 'checked_in'],
    ['a past meeting not checked in', { status: 'confirmed' }, after, 'absent'],
    ['a refused leave and no check-in, after the end', { status: 'confirmed', leave: 'refused' }, after, 'absent'],
    ['an approved leave, after the end', { status: 'confirmed', leave: 'approved' }, after, 'on_leave'],
    ['a leave still pending after the end', { status: 'confirmed', leave: 'pending' }, after, 'leave_pending'],
    ['a waitlist place never seated', { status: 'waitlisted' }, after, 'not_seated'],
    ['a cancelled registration', { status: 'cancelled' }, before, 'cancelled'],
    ['a cancelled registration, after the end', { status: 'cancelled' }, after, 'cancelled'],
    ['a cancelled activity', { status: 'confirmed', activity: { ...meeting, status: 'cancelled' } }, before, 'cancelled'],
  ])('%s', (_, facts, now, expected) => {
    expect(participationState({ activity: meeting, ...facts }, now)).toBe(expected);
  });

  it('has a label for every state, and names the waitlist place', () => {
    for (const label of Object.values(PARTICIPATION_LABELS)) expect(label).toMatch(/\p{Script=Han}/u);
    expect(participationLabel('waitlisted', 3)).toBe('候补第 3 位');
    expect(participationLabel('absent', 3)).toBe('缺席');
  });

  it('never says registered or waitlisted once the activity is over, nor absent before it is', () => {
    const facts = fc.record({
      status: fc.constantFrom('confirmed', 'waitlisted', 'cancelled', undefined),
      checkedIn: fc.boolean(),
      leave: fc.constantFrom('pending', 'approved', 'refused', undefined),
      activityStatus: fc.constantFrom('published', 'cancelled'),
      offsetMinutes: fc.integer({ min: -600, max: 600 }).filter((n) => n !== 0),
    });
    fc.assert(
      fc.property(facts, ({ status, checkedIn, leave, activityStatus, offsetMinutes }) => {
        const now = new Date(Date.parse(meeting.endsAt) + offsetMinutes * 60_000);
        const state = participationState(
          {
            status: status as ParticipationFacts['status'],
            ...(checkedIn ? { checkedInAt: CHECKED_IN } : {}),
            leave: leave as ParticipationFacts['leave'],
            activity: { status: activityStatus as 'published' | 'cancelled', endsAt: meeting.endsAt },
          },
          now,
        );
        if (offsetMinutes > 0) expect(['registered', 'waitlisted', 'leave_refused']).not.toContain(state);
        else expect(['absent', 'not_seated']).not.toContain(state);
        if (checkedIn) expect(state).toBe('checked_in');
        if (!checkedIn && (status === 'cancelled' || activityStatus === 'cancelled')) expect(state).toBe('cancelled');
        // Settled states end what the member can do; a check-in or a cancellation always settles.
        if (checkedIn || status === 'cancelled') expect(isSettled(state)).toBe(true);
      }),
    );
  });
});

describe('registrationOutcome', () => {
  it('says a waitlist place is one, never 报名成功', () => {
    expect(registrationOutcome({ status: 'waitlisted', position: 2 })).toBe('已加入候补，第 2 位');
    // A new place is answered without its position (the activity's page shows it).
    expect(registrationOutcome({ status: 'waitlisted' })).toBe('已加入候补');
    expect(registrationOutcome({ status: 'confirmed' })).toBe('报名成功');
  });
});

describe('compareForMyList', () => {
  const now = new Date('2026-12-10T12:00:00+08:00');
  const item = (id: string, day: number) => ({
    id,
    startsAt: `2026-12-${String(day).padStart(2, '0')}T09:00:00+08:00`,
    endsAt: `2026-12-${String(day).padStart(2, '0')}T11:00:00+08:00`,
  });

  it('puts what is to come first, soonest first, then what is over, most recent first', () => {
    const items = [item('a', 3), item('b', 15), item('c', 9), item('d', 12), item('e', 1), item('f', 20)];
    expect(items.sort(compareForMyList(now)).map((i) => i.id)).toEqual(['d', 'b', 'f', 'c', 'a', 'e']);
  });

  it('is a total order: every list sorts to one order, whatever order it came in', () => {
    const entry = fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), day: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 20 }), (entries) => {
        const items = entries.map(({ id, day }) => item(id, day));
        const sorted = [...items].sort(compareForMyList(now));
        expect([...items].reverse().sort(compareForMyList(now))).toEqual(sorted);
        const firstPast = sorted.findIndex((i) => Date.parse(i.endsAt) < now.getTime());
        if (firstPast >= 0) expect(sorted.slice(firstPast).every((i) => Date.parse(i.endsAt) < now.getTime())).toBe(true);
      }),
    );
  });
});
