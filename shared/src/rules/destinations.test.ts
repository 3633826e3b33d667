import { SERVICE_DESTINATIONS } from '../constants';
import { destinationCounters, destinationFigures } from './destinations';
import { centerMonthsSpan } from './time';

describe('service destinations (进基层 / 进村居 / 进学校 / 进高墙)', () => {
  it('an approved record moves its destination minutes and records, and nothing without a destination', () => {
    expect(destinationCounters('school', 90)).toEqual({ schoolMinutes: 90, schoolRecords: 1 });
    expect(destinationCounters(undefined, 90)).toEqual({});
  });

  it('counts activities per destination and adds the months of time, every destination listed', () => {
    const rows = destinationFigures(
      [{ destination: 'school' }, { destination: 'school' }, { destination: 'prison' }, {}],
      [
        { schoolMinutes: 120, schoolRecords: 2, minutes: 500 },
        { schoolMinutes: 30, schoolRecords: 1, prisonMinutes: 60, prisonRecords: 1 },
      ],
    );
    expect(rows.map((row) => row.destination)).toEqual([...SERVICE_DESTINATIONS]);
    expect(rows.find((row) => row.destination === 'school')).toEqual({
      destination: 'school',
      activities: 2,
      serviceMinutes: 150,
      serviceRecords: 3,
    });
    expect(rows.find((row) => row.destination === 'prison')).toMatchObject({ activities: 1, serviceMinutes: 60 });
    expect(rows.find((row) => row.destination === 'village')).toEqual({
      destination: 'village',
      activities: 0,
      serviceMinutes: 0,
      serviceRecords: 0,
    });
  });

  it("bounds the center's months in UTC (Asia/Shanghai, UTC+8)", () => {
    expect(centerMonthsSpan('2026-01', '2026-12')).toEqual({
      start: '2025-12-31T16:00:00.000Z',
      end: '2026-12-31T16:00:00.000Z',
      last: '2026-12-31T15:59:59.999Z',
    });
    expect(centerMonthsSpan('2026-02', '2026-02')).toEqual({
      start: '2026-01-31T16:00:00.000Z',
      end: '2026-02-28T16:00:00.000Z',
      last: '2026-02-28T15:59:59.999Z',
    });
  });
});
