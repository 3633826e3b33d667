/**
 * The app's client of the API, derived from the contract: `api.<function>.<route>(input)`, where
 * `input` holds the route's `params`, `query`, `body` and `idempotencyKey` and the reply is parsed
 * with the route's schema. Routes that also answer a file (`?format=csv`) are read with `downloadFormat`.
 */
import { contract } from '@hele/shared/contract';
import { createClient } from './http';

export { ApiError, downloadFormat, newIdempotencyKey } from './http';

export const api = createClient(contract);
