/**
 * Work that must not hold up a reply runs in another function, invoked asynchronously (Lambda
 * queues the event and retries it). `AWS_ENDPOINT_URL_LAMBDA` points the client at
 * serverless-offline's Lambda endpoint locally, or at the tests' in-process one.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';

let client: LambdaClient | undefined;

export const invokeLater = async (functionName: string, payload: unknown): Promise<void> => {
  // Loaded on the first call, not at cold start: most requests of the functions that hand work on never do.
  const { InvokeCommand, LambdaClient } = await import('@aws-sdk/client-lambda');
  client ??= new LambdaClient({ maxAttempts: 3 });
  const reply = await client.send(
    new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(payload)) }),
  );
  if (reply.StatusCode !== 202) throw new Error(`Lambda did not queue ${functionName} (status ${reply.StatusCode})`);
};
