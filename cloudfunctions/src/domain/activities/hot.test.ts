/** The pure parts of a hot activity's layout (hot.ts): ids, buckets, partitions and how seats are shared out. */
import fc from 'fast-check';
import {
  activityOfPartition,
  bucketOf,
  HOT_CAPACITY,
  isHot,
  newActivityId,
  registrationPartition,
  registrationPartitions,
  reshare,
  SHARDS,
  seatsOfShard,
} from './hot';

describe('hot activities', () => {
  it('are those made with HOT_CAPACITY seats or more, known by their id', () => {
    expect(isHot(newActivityId(HOT_CAPACITY))).toBe(true);
    expect(isHot(newActivityId(HOT_CAPACITY - 1))).toBe(false);
    expect(newActivityId(HOT_CAPACITY)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('keep a registration under its user’s bucket, and read back the activity of any partition', () => {
    const hot = newActivityId(HOT_CAPACITY);
    const plain = newActivityId(1);
    expect(registrationPartition(plain, 'u1')).toBe(plain);
    expect(registrationPartitions(plain)).toEqual([plain]);
    expect(registrationPartitions(hot)).toHaveLength(SHARDS);
    expect(registrationPartitions(hot)).toContain(registrationPartition(hot, 'u1'));
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (userId) => {
        expect(activityOfPartition(registrationPartition(hot, userId))).toBe(hot);
        expect(activityOfPartition(registrationPartition(plain, userId))).toBe(plain);
      }),
    );
  });

  it('spread users over the buckets evenly', () => {
    const counts = new Array<number>(SHARDS).fill(0);
    for (let i = 0; i < SHARDS * 200; i++) counts[bucketOf(`01J${i.toString(36).toUpperCase().padStart(10, '0')}`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(140);
    expect(Math.max(...counts)).toBeLessThan(260);
  });

  it('share the capacity out over the shards, and again without taking a seat from anyone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (capacity) => {
        const seats = Array.from({ length: SHARDS }, (_, shard) => seatsOfShard(capacity, shard));
        expect(seats.reduce((sum, count) => sum + count, 0)).toBe(capacity);
        expect(Math.max(...seats) - Math.min(...seats)).toBeLessThanOrEqual(1);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: SHARDS, maxLength: SHARDS }),
        fc.integer({ min: 0, max: 5000 }),
        (taken, capacity) => {
          const seats = reshare(capacity, taken);
          const total = taken.reduce((sum, count) => sum + count, 0);
          if (capacity < total) {
            expect(seats).toBeUndefined();
            return;
          }
          expect(seats!.reduce((sum, count) => sum + count, 0)).toBe(capacity);
          for (const [shard, count] of seats!.entries()) expect(count).toBeGreaterThanOrEqual(taken[shard]!);
        },
      ),
    );
  });
});
