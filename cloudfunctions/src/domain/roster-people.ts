/**
 * The people of a branch's imported roster (docs/DOMAIN.md › Bulk import of a roster). The rosters
 * feature imports them; a person claims their line by the phone WeChat confirms (the account feature)
 * or with an invitation made for them (the directory feature). Items in the branches table:
 * - `B#<branch>` / `P#<personId>`: a person as imported, `unclaimed`; once claimed only a marker stays
 *   (who, when), without the imported personal fields, so importing the same file again adds nobody.
 *   The id follows from who the person is (their phone, else their name): one line per person, by a
 *   conditional put, however often or concurrently a file is imported;
 * - `PHONE#<number>` / `ROSTER`: which branch's line waits for that number (one branch at a time),
 *   written with the line and gone once it is claimed.
 * Claiming makes the person that branch's active member in one transaction with everything it moves:
 * the line, the number's entry, the user's branch (and the imported name and political status where
 * their profile has none), the membership, the branch's count and the plan roster's line.
 */
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { EducationSchema, PoliticalStatusSchema } from '@hele/shared';
import * as z from 'zod';
import { batchGetAll, type DocClient, doc, type TransactItem, transactNamed } from '../lib/db';
import { queryAll } from '../lib/pagination';
import { loadUser, type UserRecord } from '../lib/principal';
import { retrying } from '../lib/retry';
import { tableName } from '../lib/tables';
import { branchChange, branchRecord, membershipKey, planRosterKey } from './branches';

const table = () => tableName('BRANCHES_TABLE');
const personKey = (branchId: string, personId: string) => ({ pk: `B#${branchId}`, sk: `P#${personId}` });
const phoneKey = (phone: string) => ({ pk: `PHONE#${phone}`, sk: 'ROSTER' });

/** A person's details as a roster's line gives them: stored with an import's rows and with the people it adds. */
export const RosterDetails = z.object({
  realName: z.string().optional(),
  phone: z.string().optional(),
  politicalStatus: PoliticalStatusSchema.optional(),
  birthYear: z.number().int().optional(),
  education: EducationSchema.optional(),
  joinedOn: z.string().optional(),
});

export const RosterPersonRecord = z.object({
  personId: z.string(),
  branchId: z.string(),
  status: z.enum(['unclaimed', 'claimed']),
  // As imported; removed when the line is claimed (the member's profile holds them from then on).
  ...RosterDetails.shape,
  importId: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  claimedAt: z.string().optional(),
  claimedBy: z.string().optional(),
});
export type RosterPersonRecord = z.infer<typeof RosterPersonRecord>;

export const PhoneClaimRecord = z.object({ phone: z.string(), branchId: z.string(), personId: z.string() });
export type PhoneClaimRecord = z.infer<typeof PhoneClaimRecord>;

/** A person's id on a branch's import list, from who they are (`phone:<number>` or `name:<name>`). */
export const rosterPersonId = (identity: string): string => `p_${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}`;

export const rosterPerson = async (branchId: string, personId: string): Promise<RosterPersonRecord | undefined> => {
  const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: personKey(branchId, personId), ConsistentRead: true }));
  return Item ? RosterPersonRecord.parse(Item) : undefined;
};

export const rosterPeople = (branchId: string): Promise<RosterPersonRecord[]> =>
  queryAll(RosterPersonRecord, {
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': `B#${branchId}`, ':p': 'P#' },
    ConsistentRead: true,
  });

export const phoneClaim = async (phone: string): Promise<PhoneClaimRecord | undefined> => {
  const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: phoneKey(phone), ConsistentRead: true }));
  return Item ? PhoneClaimRecord.parse(Item) : undefined;
};

/** Which of these numbers wait on an import list, and where. */
export const phoneClaims = async (phones: string[]): Promise<Map<string, PhoneClaimRecord>> => {
  const claims = (await batchGetAll(table(), [...new Set(phones)].map(phoneKey))).map((item) => PhoneClaimRecord.parse(item));
  return new Map(claims.map((claim) => [claim.phone, claim]));
};

export type Named<N extends string = string> = { name: N; item: TransactItem };

/** A new line: refused (`person`) when the person is on the list already, (`phone`) when their number waits elsewhere. */
export const importPersonItems = (record: RosterPersonRecord): Named<'person' | 'phone'>[] => [
  {
    name: 'person',
    item: {
      Put: {
        TableName: table(),
        Item: { ...personKey(record.branchId, record.personId), ...record },
        ConditionExpression: 'attribute_not_exists(sk)',
      },
    },
  },
  ...(record.phone
    ? [
        {
          name: 'phone' as const,
          item: {
            Put: {
              TableName: table(),
              Item: { ...phoneKey(record.phone), phone: record.phone, branchId: record.branchId, personId: record.personId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ]
    : []),
];

/** Takes an unclaimed line off the list, with its number's entry. */
export const removePersonItems = (record: RosterPersonRecord): Named<'person' | 'phone'>[] => [
  {
    name: 'person',
    item: {
      Delete: {
        TableName: table(),
        Key: personKey(record.branchId, record.personId),
        ConditionExpression: '#status = :unclaimed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':unclaimed': 'unclaimed' },
      },
    },
  },
  ...(record.phone ? [{ name: 'phone' as const, item: phoneEntryGone(record) }] : []),
];

const phoneEntryGone = (record: RosterPersonRecord): TransactItem => ({
  Delete: {
    TableName: table(),
    Key: phoneKey(record.phone!),
    ConditionExpression: 'personId = :person AND branchId = :branch',
    ExpressionAttributeValues: { ':person': record.personId, ':branch': record.branchId },
  },
});

export type ClaimStep = 'person' | 'phone' | 'user' | 'membership' | 'branch' | 'plan';

/**
 * The writes that make `user` the member `person` was imported as. The user is on no branch, or on
 * this one already (then only the line and the profile change); the conditions hold both, and the
 * line's being still unclaimed, against every race.
 */
export const claimItems = (person: RosterPersonRecord, user: UserRecord, at: string): Named<ClaimStep>[] => {
  const branchId = person.branchId;
  const placing = user.branchId !== branchId;
  const set = ['#status = :claimed', 'claimedBy = :user', 'claimedAt = :at'];
  const items: Named<ClaimStep>[] = [
    {
      name: 'person',
      item: {
        Update: {
          TableName: table(),
          Key: personKey(branchId, person.personId),
          UpdateExpression: `SET ${set.join(', ')} REMOVE realName, phone, politicalStatus, birthYear, education, joinedOn`,
          ConditionExpression: '#status = :unclaimed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':unclaimed': 'unclaimed', ':user': user.id, ':at': at },
        },
      },
    },
  ];
  if (person.phone) items.push({ name: 'phone', item: phoneEntryGone(person) });

  // The profile keeps what the person said themselves; the import fills what they have not.
  const profile: string[] = [];
  const values: Record<string, unknown> = {};
  if (person.realName) {
    profile.push('realName = if_not_exists(realName, :realName)');
    values[':realName'] = person.realName;
  }
  if (person.politicalStatus) {
    profile.push('politicalStatus = if_not_exists(politicalStatus, :politicalStatus)');
    values[':politicalStatus'] = person.politicalStatus;
  }
  items.push({
    name: 'user',
    item: {
      Update: {
        TableName: tableName('USERS_TABLE'),
        Key: { id: user.id },
        UpdateExpression: `SET ${['branchId = :branch', ...profile].join(', ')}`,
        ConditionExpression: `attribute_exists(id) AND attribute_not_exists(closedAt) AND ${placing ? 'attribute_not_exists(branchId)' : 'branchId = :branch'}`,
        ExpressionAttributeValues: { ':branch': branchId, ...values },
      },
    },
  });
  if (!placing) return items;

  items.push(
    {
      name: 'membership',
      item: {
        Put: {
          TableName: table(),
          Item: {
            ...membershipKey(branchId, user.id),
            branchId,
            userId: user.id,
            status: 'active',
            requestedAt: at,
            approvedAt: at,
            approvedBy: person.importedBy,
            rosterPersonId: person.personId,
          },
          // A request to join this branch (not a move) the person made meanwhile is answered by the claim.
          ConditionExpression: 'attribute_not_exists(sk) OR (#status = :pending AND attribute_not_exists(fromBranchId))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        },
      },
    },
    { name: 'branch', item: branchChange(branchId, { count: 1 }) },
  );
  if (person.birthYear && person.education) {
    items.push({
      name: 'plan',
      item: {
        Put: {
          TableName: table(),
          Item: {
            ...planRosterKey(branchId, user.id),
            userId: user.id,
            nickname: user.nickname,
            birthYear: person.birthYear,
            education: person.education,
            ...(person.joinedOn ? { joinedOn: person.joinedOn } : {}),
          },
        },
      },
    });
  }
  return items;
};

/** Runs a claim (with any writes of the caller's, e.g. the invitation it uses): `ok`, the step that stopped it, or `conflict`. */
export const runClaim = <Extra extends string>(
  person: RosterPersonRecord,
  user: UserRecord,
  at: string,
  extra: Named<Extra>[] = [],
  client: DocClient = doc,
) => transactNamed<ClaimStep | Extra>(client, [...extra, ...claimItems(person, user, at)]);

export interface Joined {
  branchId: string;
  branchName: string;
}

/**
 * The line waiting for this number, claimed by the user WeChat confirmed it for: the branch they
 * joined, or nothing (no line waits for it, or they are on another branch, which only both
 * secretaries can change: the line waits).
 */
export const claimByPhone = async (userId: string, phone: string, now: () => Date = () => new Date()): Promise<Joined | undefined> => {
  const outcome = await retrying(async (): Promise<{ joined?: Joined } | undefined> => {
    const claim = await phoneClaim(phone);
    if (!claim) return {};
    const [person, user, branch] = await Promise.all([
      rosterPerson(claim.branchId, claim.personId),
      loadUser(userId, { consistent: true }),
      branchRecord(claim.branchId, true),
    ]);
    if (person?.status !== 'unclaimed' || person.phone !== phone || !user || !branch) return {};
    if (user.branchId && user.branchId !== branch.id) return {};
    // Lost a race (the line claimed, the user placed meanwhile): the next round reads what won.
    return (await runClaim(person, user, now().toISOString())) === 'ok'
      ? { joined: { branchId: branch.id, branchName: branch.name } }
      : undefined;
  });
  return outcome.joined;
};
