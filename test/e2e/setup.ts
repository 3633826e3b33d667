// A browser test starts a whole stack (database, serverless-offline, app server) in its hooks.
jest.setTimeout(180_000);
