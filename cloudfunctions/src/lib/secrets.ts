/**
 * Secrets (session signing key, WeChat app secret). On the local stage they are plain environment
 * values; on deployed stages the environment only names an SSM SecureString parameter, read once
 * per container, so no secret is ever written into the Lambda configuration.
 */
import type { SSMClient } from '@aws-sdk/client-ssm';

const cache = new Map<string, Promise<string>>();
let ssm: SSMClient | undefined;

const fromSsm = async (name: string): Promise<string> => {
  // Loaded on the first read, not at cold start: the local stage never reads SSM, and a deployed
  // container reads each parameter once.
  const { GetParameterCommand, SSMClient } = await import('@aws-sdk/client-ssm');
  ssm ??= new SSMClient({});
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  if (!Parameter?.Value) throw new Error(`SSM parameter ${name} is empty`);
  return Parameter.Value;
};

export const readSecret = (what: string, value: string, parameterName: string): Promise<string> => {
  if (value) return Promise.resolve(value);
  if (!parameterName) return Promise.reject(new Error(`${what}: neither a value nor an SSM parameter name is configured`));
  let pending = cache.get(parameterName);
  if (!pending) {
    pending = fromSsm(parameterName);
    // A failed read is not cached: the next request tries again.
    pending.catch(() => cache.delete(parameterName));
    cache.set(parameterName, pending);
  }
  return pending;
};
