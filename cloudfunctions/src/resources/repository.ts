/**
 * The resource cloud's table. A provider (pk `P#<id>`), an offer (pk `O#<id>`) and a case (pk
 * `C#<id>`) each sit at sk `#`; a case's history (`H#<ulid>`) and allocations (`A#<ulid>`) share its
 * partition, and each allocation is written under its offer's partition too, so a provider sees
 * where its resources went. Lists go through the `byType` index; a provider's own offers through `byContact`.
 * An unverified provider's offers are `pending-offer`s, out of the allocatable list and the dashboard's
 * figures, their ids kept on the provider (`pendingOffers`) until its verification publishes them.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Allocation, Case, CaseEvent, Offer, Provider, type CaseStage, type OfferKind } from '@hele/shared';
import * as z from 'zod';
import { doc, isConditionFailure, transactNamed, type TransactItem } from '../lib/db';
import { queryAll, queryPage, type PageRequest } from '../lib/pagination';
import { projectKey, projectScope, type ProjectRecord } from '../domain/projects';
import { countItem } from '../domain/stats';
import { tableName } from '../lib/tables';

const table = () => tableName('RESOURCES_TABLE');
const HEAD = '#';
const providerKey = (id: string) => ({ pk: `P#${id}`, sk: HEAD });
const offerKey = (id: string) => ({ pk: `O#${id}`, sk: HEAD });
const caseKey = (id: string) => ({ pk: `C#${id}`, sk: HEAD });

type Listed = 'provider' | 'offer' | 'pending-offer' | 'case' | 'project';

/** The dashboard's figures: cases per stage, and per kind of resource what was offered and allocated. */
export const CASES_SCOPE = 'cases';
export const RESOURCES_SCOPE = 'resources';
const countOffer = (kind: OfferKind, quantity: number) =>
  countItem(RESOURCES_SCOPE, { [`${kind}Offers`]: 1, [`${kind}Offered`]: quantity });
const countAllocation = (kind: OfferKind, quantity: number) =>
  countItem(RESOURCES_SCOPE, { [`${kind}Allocations`]: 1, [`${kind}Allocated`]: quantity });

const getHead = async <T>(schema: z.ZodType<T>, key: { pk: string; sk: string }) => {
  const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: key }));
  return Item ? schema.parse(Item) : undefined;
};

const putHead = (key: { pk: string; sk: string }, type: Listed, item: object): TransactItem => ({
  Put: { TableName: table(), Item: { ...key, type, ...item }, ConditionExpression: 'attribute_not_exists(pk)' },
});

const eventItem = (caseId: string, event: CaseEvent): TransactItem => ({
  Put: { TableName: table(), Item: { pk: caseKey(caseId).pk, sk: `H#${event.id}`, ...event } },
});

/**
 * One change of a case, made only while it is at `stage` (else the outcome is `stage`): `set` is
 * the SET clause, written with its history line and, for moves, the dashboard's count.
 */
const changeCase = (
  id: string,
  stage: CaseStage,
  change: { set: string; names?: Record<string, string>; values: Record<string, unknown> },
  event: CaseEvent,
  count?: TransactItem,
) =>
  transactNamed<'stage' | 'event'>(doc, [
    {
      name: 'stage',
      item: {
        Update: {
          TableName: table(),
          Key: caseKey(id),
          UpdateExpression: `SET ${change.set}, updatedAt = :at`,
          ConditionExpression: 'stage = :stage',
          ...(change.names ? { ExpressionAttributeNames: change.names } : {}),
          ExpressionAttributeValues: { ':stage': stage, ':at': event.at, ...change.values },
        },
      },
    },
    { name: 'event', item: eventItem(id, event) },
    ...(count ? [{ name: 'event' as const, item: count }] : []),
  ]);

const listed = <T>(
  schema: z.ZodType<T>,
  type: Listed,
  page: PageRequest,
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> },
) =>
  queryPage(
    schema,
    {
      TableName: table(),
      IndexName: 'byType',
      KeyConditionExpression: '#type = :type',
      ExpressionAttributeNames: { '#type': 'type', ...filter?.names },
      ExpressionAttributeValues: { ':type': type, ...filter?.values },
      ...(filter ? { FilterExpression: filter.expression } : {}),
      ScanIndexForward: false,
    },
    page,
  );

const ofContact = <T>(schema: z.ZodType<T>, types: Listed[], userId: string) =>
  queryAll(schema, {
    TableName: table(),
    IndexName: 'byContact',
    KeyConditionExpression: 'contactUserId = :user',
    FilterExpression: `#type IN (${types.map((_, i) => `:t${i}`).join(', ')})`,
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':user': userId, ...Object.fromEntries(types.map((type, i) => [`:t${i}`, type])) },
    ScanIndexForward: false,
  });

export const resourceRepository = {
  addProvider: (provider: Provider) =>
    transactNamed(doc, [{ name: 'provider', item: putHead(providerKey(provider.id), 'provider', provider) }]),
  provider: (id: string) => getHead(Provider, providerKey(id)),
  providers: (page: PageRequest) => listed(Provider, 'provider', page),

  /** Marks a provider verified; answers the ids of its offers still to publish, or undefined when there is no such provider. */
  async verifyProvider(id: string): Promise<string[] | undefined> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: table(),
          Key: providerKey(id),
          UpdateExpression: 'SET verified = :yes',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':yes': true },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return [...((Attributes?.pendingOffers as Set<string> | undefined) ?? [])];
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  /** A verified provider's offer: listed and counted at once. */
  addOffer: (offer: Offer) =>
    transactNamed(doc, [
      { name: 'offer', item: putHead(offerKey(offer.id), 'offer', offer) },
      { name: 'count', item: countOffer(offer.kind, offer.quantity) },
    ]),

  /** An unverified provider's offer, held back; `verified` when the provider was verified meanwhile. */
  addPendingOffer: (offer: Offer) =>
    transactNamed<'offer' | 'verified'>(doc, [
      { name: 'offer', item: putHead(offerKey(offer.id), 'pending-offer', offer) },
      {
        name: 'verified',
        item: {
          Update: {
            TableName: table(),
            Key: providerKey(offer.providerId),
            UpdateExpression: 'ADD pendingOffers :id',
            ConditionExpression: 'attribute_exists(pk) AND verified <> :yes',
            ExpressionAttributeValues: { ':id': new Set([offer.id]), ':yes': true },
          },
        },
      },
    ]),

  /** Lists and counts a held-back offer of a now verified provider, once (`offer` when it was published already). */
  publishOffer: (offer: Offer) =>
    transactNamed<'offer' | 'provider'>(doc, [
      {
        name: 'offer',
        item: {
          Update: {
            TableName: table(),
            Key: offerKey(offer.id),
            UpdateExpression: 'SET #type = :offer',
            ConditionExpression: '#type = :pending',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':offer': 'offer', ':pending': 'pending-offer' },
          },
        },
      },
      {
        name: 'provider',
        item: {
          Update: {
            TableName: table(),
            Key: providerKey(offer.providerId),
            UpdateExpression: 'DELETE pendingOffers :id',
            ExpressionAttributeValues: { ':id': new Set([offer.id]) },
          },
        },
      },
      { name: 'provider', item: countOffer(offer.kind, offer.quantity) },
    ]),

  /** Forgets a held-back offer id whose offer was published already. */
  async forgetPendingOffer(providerId: string, offerId: string) {
    await doc.send(
      new UpdateCommand({
        TableName: table(),
        Key: providerKey(providerId),
        UpdateExpression: 'DELETE pendingOffers :id',
        ExpressionAttributeValues: { ':id': new Set([offerId]) },
      }),
    );
  },
  offer: (id: string) => getHead(Offer, offerKey(id)),
  offers: (page: PageRequest, kind?: string) =>
    listed(Offer, 'offer', page, kind ? { expression: '#kind = :kind', names: { '#kind': 'kind' }, values: { ':kind': kind } } : undefined),

  /** The providers a user acts for, and their offers: newest first. */
  providersOf: (userId: string) => ofContact(Provider, ['provider'], userId),
  /** Held-back offers included: a provider sees what it offered before its verification. */
  offersOf: (userId: string) => ofContact(Offer, ['offer', 'pending-offer'], userId),

  allocationsOfOffer: (offerId: string) =>
    queryAll(Allocation, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
      ExpressionAttributeValues: { ':pk': offerKey(offerId).pk, ':a': 'A#' },
    }),

  addProject: (project: ProjectRecord) =>
    transactNamed(doc, [{ name: 'project', item: putHead(projectKey(project.id), 'project', project) }]),

  openCase: (record: Case, opened: CaseEvent) =>
    transactNamed(doc, [
      { name: 'case', item: putHead(caseKey(record.id), 'case', record) },
      { name: 'event', item: eventItem(record.id, opened) },
      { name: 'event', item: countItem(CASES_SCOPE, { [record.stage]: 1 }) },
      ...(record.projectId ? [{ name: 'event' as const, item: countItem(projectScope(record.projectId), { cases: 1 }) }] : []),
    ]),
  /**
   * A need raised by a resident: a case at 需求评估 whose head carries its raiser as `contactUserId`, so the
   * byContact index finds a person's own needs (providers and offers filter by type, so they never meet).
   */
  raiseNeed: (record: Case & { raisedBy: string }, opened: CaseEvent) =>
    transactNamed(doc, [
      { name: 'case', item: putHead(caseKey(record.id), 'case', { ...record, contactUserId: record.raisedBy }) },
      { name: 'event', item: eventItem(record.id, opened) },
      { name: 'event', item: countItem(CASES_SCOPE, { [record.stage]: 1 }) },
    ]),
  /** The needs a person raised, newest first. */
  needsOf: (userId: string) => ofContact(Case, ['case'], userId),
  case: (id: string) => getHead(Case, caseKey(id)),
  cases: (page: PageRequest, stage?: CaseStage) =>
    listed(
      Case,
      'case',
      page,
      stage ? { expression: '#stage = :stage', names: { '#stage': 'stage' }, values: { ':stage': stage } } : undefined,
    ),

  /** The case's history (oldest first) and its allocations, read in one query of its partition. */
  async caseRecords(id: string) {
    const items = await queryAll(z.record(z.string(), z.unknown()), {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk > :head',
      ExpressionAttributeValues: { ':pk': caseKey(id).pk, ':head': HEAD },
    });
    const of = (prefix: string) => items.filter((item) => String(item.sk).startsWith(prefix));
    return { history: of('H#').map((item) => CaseEvent.parse(item)), allocations: of('A#').map((item) => Allocation.parse(item)) };
  },

  /** Moves the case if it is still at `from`. */
  move: (id: string, from: CaseStage, to: CaseStage, event: CaseEvent) =>
    changeCase(id, from, { set: 'stage = :to', values: { ':to': to } }, event, countItem(CASES_SCOPE, { [from]: -1, [to]: 1 })),

  /** Saves the form of `step` if the case is still at that step. */
  saveForm: (id: string, step: CaseStage, form: unknown, event: CaseEvent) =>
    changeCase(id, step, { set: 'forms.#step = :form', names: { '#step': step }, values: { ':form': form } }, event),

  /** Adds an intervention log entry while the case is in intervention. */
  addLog: (id: string, event: CaseEvent) =>
    changeCase(id, 'intervention', { set: 'logCount = logCount + :one', values: { ':one': 1 } }, event),

  /**
   * One allocation, all or nothing: the offer gives up `quantity` only if that much remains, the
   * case must be at one of `stages`, the provider verified; the allocation is written under the
   * case and under the offer, and the case's history says so.
   */
  allocate: (allocation: Allocation, stages: readonly CaseStage[], event: CaseEvent, projectId?: string) =>
    transactNamed<'remaining' | 'stage' | 'verified' | 'allocation'>(doc, [
      // First: an unverified provider's offer is refused as such, whatever remains of it.
      {
        name: 'verified',
        item: {
          ConditionCheck: {
            TableName: table(),
            Key: providerKey(allocation.providerId),
            ConditionExpression: 'verified = :yes',
            ExpressionAttributeValues: { ':yes': true },
          },
        },
      },
      {
        name: 'remaining',
        item: {
          Update: {
            TableName: table(),
            Key: offerKey(allocation.offerId),
            UpdateExpression: 'SET remaining = remaining - :q',
            ConditionExpression: 'remaining >= :q',
            ExpressionAttributeValues: { ':q': allocation.quantity },
          },
        },
      },
      {
        name: 'stage',
        item: {
          Update: {
            TableName: table(),
            Key: caseKey(allocation.caseId),
            UpdateExpression: 'SET updatedAt = :at',
            ConditionExpression: `stage IN (${stages.map((_, i) => `:s${i}`).join(', ')})`,
            ExpressionAttributeValues: { ...Object.fromEntries(stages.map((stage, i) => [`:s${i}`, stage])), ':at': event.at },
          },
        },
      },
      {
        name: 'allocation',
        item: {
          Put: {
            TableName: table(),
            Item: { pk: caseKey(allocation.caseId).pk, sk: `A#${allocation.id}`, ...allocation },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      {
        name: 'allocation',
        item: { Put: { TableName: table(), Item: { pk: offerKey(allocation.offerId).pk, sk: `A#${allocation.id}`, ...allocation } } },
      },
      { name: 'allocation', item: eventItem(allocation.caseId, event) },
      { name: 'allocation', item: countAllocation(allocation.kind, allocation.quantity) },
      ...(projectId ? [{ name: 'allocation' as const, item: countItem(projectScope(projectId), { allocations: 1 }) }] : []),
    ]),
};
