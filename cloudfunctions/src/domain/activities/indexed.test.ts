/**
 * The activities' global indexes hold keys only (indexed.ts), on the real local database: a change of an
 * activity's counters (every registration) writes no index; a change of what the keys hold does; a list
 * reads the items in the index's order.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createActivity, newMembers } from '../../../test/fixtures';
import { call } from '../../../test/gateway';
import { doc } from '../../lib/db';
import { tableName } from '../../lib/tables';
import { activitiesInOrder } from './indexed';

const indexWrites = async (id: string, update: string, values: Record<string, unknown>, names?: Record<string, string>) => {
  const { ConsumedCapacity } = await doc.send(
    new UpdateCommand({
      TableName: tableName('ACTIVITIES_TABLE'),
      Key: { id },
      UpdateExpression: update,
      ExpressionAttributeValues: values,
      ...(names ? { ExpressionAttributeNames: names } : {}),
      ReturnConsumedCapacity: 'INDEXES',
    }),
  );
  return Object.keys(ConsumedCapacity?.GlobalSecondaryIndexes ?? {}).sort();
};

describe('the activities’ global indexes', () => {
  it('are not written by a change of the counters, and are by a change of the status or the start', async () => {
    const activity = await createActivity({ capacity: 5 });
    expect(await indexWrites(activity.id, 'SET confirmedCount = confirmedCount + :one, signUps = :one', { ':one': 1 })).toEqual([]);
    expect(await indexWrites(activity.id, 'SET startsAt = :at', { ':at': '2027-01-02T01:00:00.000Z' })).toEqual(['byKindStart', 'byStart']);
  });

  it('list in order of start, each activity with its counters as the item holds them', async () => {
    const first = await createActivity({ capacity: 3, startsAt: '2031-03-01T01:00:00.000Z', endsAt: '2031-03-01T03:00:00.000Z' });
    const second = await createActivity({ capacity: 4, startsAt: '2031-03-02T01:00:00.000Z', endsAt: '2031-03-02T03:00:00.000Z' });
    const [member] = await newMembers(1, 'indexed');
    expect((await call('POST', `/activities/${second.id}/registrations`, { token: member!.token })).status).toBe(201);
    const listed = (await call('GET', '/activities?from=2031-03-01T00:00:00.000Z&limit=50', { token: member!.token })).body.items as Array<{
      id: string;
      confirmedCount: number;
    }>;
    const ours = listed.filter(({ id }) => id === first.id || id === second.id);
    expect(ours.map(({ id, confirmedCount }) => [id, confirmedCount])).toEqual([
      [first.id, 0],
      [second.id, 1],
    ]);
  });

  it('are read back each once, in the order asked, leaving out what is gone', async () => {
    const [a, b] = [await createActivity(), await createActivity()];
    const read = await activitiesInOrder([b.id, 'no-such-activity', a.id, b.id], { ProjectionExpression: 'id' }, doc);
    expect(read).toEqual([{ id: b.id }, { id: a.id }]);
  });
});
