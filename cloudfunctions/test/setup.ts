import { deniedCalls } from './function-environment';
import { settledInvocations, startLambdaEndpoint } from './lambda-endpoint';

// Concurrency tests fire hundreds of requests at the local database.
jest.setTimeout(60_000);

// Functions invoked asynchronously (the feed's photo check) run in this process.
let lambda: Awaited<ReturnType<typeof startLambdaEndpoint>> | undefined;
beforeAll(async () => {
  lambda = await startLambdaEndpoint();
  process.env.AWS_ENDPOINT_URL_LAMBDA = lambda.endpoint;
});
afterAll(async () => {
  await settledInvocations();
  await new Promise((resolve) => lambda?.server.close(resolve));
});

// A call the function's role would not allow on AWS fails the test that made it, naming the grant to add
// (a handler turns the refusal into a 500, which says nothing of why).
afterEach(() => {
  const denied = deniedCalls.splice(0);
  if (denied.length) throw new Error(`Refused as AWS would refuse them:\n${[...new Set(denied)].join('\n')}`);
});
