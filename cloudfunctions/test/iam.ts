/**
 * What a DynamoDB call needs of a role, and whether a role's grants give it: IAM's actions per operation
 * (a transaction needs its items' own actions: `ConditionCheckItem` for a `ConditionCheck`) on each table
 * or index the call names, matched as IAM matches (`*` and `?` in actions and resources).
 */
import type { Grant } from '../../scripts/local/serverless-config';

export interface Need {
  action: string;
  resource: string;
}

const tableArn = (table: unknown, index?: unknown) =>
  `arn:aws:dynamodb:*:*:table/${String(table)}${index ? `/index/${String(index)}` : ''}`;

type Input = Record<string, unknown>;

/** The transaction items' own operations. */
const TRANSACTION_ACTIONS: Record<string, string> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
  Get: 'GetItem',
};

/** `operation`: the API's name (`GetItem`, `TransactWriteItems`…); `input` as sent. */
export const requiredGrants = (operation: string, input: Input): Need[] => {
  const on = (action: string) => ({ action: `dynamodb:${action}` });
  if (operation === 'BatchGetItem' || operation === 'BatchWriteItem')
    return Object.keys((input.RequestItems as Input) ?? {}).map((table) => ({ ...on(operation), resource: tableArn(table) }));
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems')
    return ((input.TransactItems as Input[]) ?? []).flatMap((item) =>
      Object.entries(item).map(([kind, action]) => ({
        ...on(TRANSACTION_ACTIONS[kind] ?? kind),
        resource: tableArn((action as Input).TableName),
      })),
    );
  if (typeof input.TableName === 'string') return [{ ...on(operation), resource: tableArn(input.TableName, input.IndexName) }];
  return [{ ...on(operation), resource: '*' }];
};

/** An IAM wildcard pattern; actions match whatever their case, resources exactly. */
const pattern = (glob: string, flags = '') =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    flags,
  );

/** True when no grant covers `need` (IAM denies what no statement allows). */
export const deniedBy = (grants: Grant[], need: Need): boolean =>
  !grants.some(
    (grant) =>
      grant.actions.some((action) => pattern(action, 'i').test(need.action)) &&
      grant.resources.some((resource) => pattern(resource).test(need.resource)),
  );
