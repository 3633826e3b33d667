/**
 * Each function on AWS sees only the tables serverless/functions/ gives it. The tests run them all in
 * one process, so each call runs with its own function's tables (AsyncLocalStorage follows the call's
 * promises): a table read without being given fails here, as it would deployed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { useEnvironmentForTests } from '../src/lib/tables';

const calls = new AsyncLocalStorage<Record<string, string | undefined>>();

/** What every function has: the provider's environment, without the tables given per function. */
const sharedEnvironment = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.endsWith('_TABLE') || name === 'USERS_TABLE'));

useEnvironmentForTests(() => calls.getStore() ?? process.env);

export const asFunction = <T>(environment: Record<string, string>, run: () => Promise<T>): Promise<T> =>
  calls.run({ ...sharedEnvironment(), ...environment }, run);
