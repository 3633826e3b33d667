// Concurrency tests fire hundreds of requests at the local database.
jest.setTimeout(60_000);
