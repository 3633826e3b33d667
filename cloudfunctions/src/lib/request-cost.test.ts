/**
 * Each request reports what it cost DynamoDB (round trips, read and write units), measured on the
 * real local database: the figures the bench prints and CloudWatch receives on AWS.
 */
import { call } from '../../test/gateway';
import { createActivity, newMembers } from '../../test/fixtures';

const costOf = (headers: Record<string, string>) => {
  const [roundTrips, readUnits, writeUnits] = headers['x-dynamodb-cost']!.split(';').map(Number);
  return { roundTrips: roundTrips!, readUnits: readUnits!, writeUnits: writeUnits! };
};

it('counts the round trips and capacity units of a registration, and of a read', async () => {
  const activity = await createActivity({ capacity: 5 });
  const [member] = await newMembers(1, 'cost');

  const registered = await call('POST', `/activities/${activity.id}/registrations`, { token: member!.token });
  expect(registered.status).toBe(201);
  const write = costOf(registered.headers);
  expect(write.roundTrips).toBeGreaterThanOrEqual(2);
  expect(write.writeUnits).toBeGreaterThan(0);

  const read = costOf((await call('GET', `/activities/${activity.id}`, { token: member!.token })).headers);
  expect(read.roundTrips).toBeGreaterThanOrEqual(1);
  expect(read.readUnits).toBeGreaterThan(0);
  expect(read.writeUnits).toBe(0);
});
