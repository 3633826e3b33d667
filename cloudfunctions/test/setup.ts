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
