/**
 * Each function on AWS sees only the tables serverless/functions/ gives it, and may call DynamoDB only as its
 * role allows. The tests run them all in one process, so each call runs as its own function (AsyncLocalStorage
 * follows the call's promises): a table read without being given, or an operation its role does not grant (an
 * index not named, a `ConditionCheck` not allowed), fails here as it would deployed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import type { Grant } from '../../scripts/local/serverless-config';
import { dynamo } from '../src/lib/db';
import { useEnvironmentForTests } from '../src/lib/tables';
import { deniedBy, requiredGrants } from './iam';

interface RunningFunction {
  /** The function's name in serverless.yml. */
  name: string;
  environment: Record<string, string | undefined>;
  grants: Grant[];
}

const calls = new AsyncLocalStorage<RunningFunction>();

/** What every function has: the provider's environment, without the tables given per function. */
const sharedEnvironment = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.endsWith('_TABLE') || name === 'USERS_TABLE'));

useEnvironmentForTests(() => calls.getStore()?.environment ?? process.env);

/** The calls refused so far (the test that made one fails with its description, setup.ts). */
export const deniedCalls: string[] = [];

/** Refuses what the running function's role does not grant, as AWS answers: `AccessDeniedException`, nothing done. */
dynamo.middlewareStack.add(
  (next, context) => async (args) => {
    const running = calls.getStore();
    if (running) {
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      for (const need of requiredGrants(operation, args.input as Record<string, unknown>)) {
        if (!deniedBy(running.grants, need)) continue;
        const message = `${running.name} is not authorized to perform ${need.action} on ${need.resource} (serverless/functions/)`;
        deniedCalls.push(message);
        throw Object.assign(new Error(message), { name: 'AccessDeniedException', $fault: 'client' });
      }
    }
    return next(args);
  },
  { step: 'initialize', name: 'heleTestGrants', override: true },
);

let roles: Record<string, Grant[]> | undefined;
/** What the role of the function `name` allows (written by global-setup.ts). */
const grantsOf = (name: string): Grant[] => {
  roles ??= JSON.parse(fs.readFileSync(process.env.HELE_TEST_GRANTS!, 'utf8')) as Record<string, Grant[]>;
  const grants = roles[name];
  if (!grants) throw new Error(`No function ${name} in serverless.yml`);
  return grants;
};

/** Runs `run` as the function `name` of serverless.yml (`grants`: what its role allows, when a test gives its own). */
export const asFunction = <T>(
  { name, environment, grants = grantsOf(name) }: { name: string; environment: Record<string, string>; grants?: Grant[] },
  run: () => Promise<T>,
): Promise<T> => calls.run({ name, environment: { ...sharedEnvironment(), ...environment }, grants }, run);
