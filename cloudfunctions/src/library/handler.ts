import { env } from '../lib/config';
import { createHttpHandler } from '../lib/http';
import { seriesSummary } from '../domain/series';
import { mediaStorage } from '../lib/storage';
import { libraryRepository } from './repository';
import { createLibraryService } from './service';
import { libraryRoutes } from '@hele/shared/contract/library';

// Built on first use: the bucket's name comes from the environment.
let service: ReturnType<typeof createLibraryService> | undefined;
const library = () =>
  (service ??= createLibraryService({ library: libraryRepository, media: mediaStorage(env().MEDIA_BUCKET), series: seriesSummary }));

export const handler = createHttpHandler(libraryRoutes, {
  upload: async ({ body, caller }) => ({ upload: await library().createUpload(body, caller) }),
  add: async ({ body, caller }) => ({ material: await library().create(body, caller) }),
  list: async ({ query, caller }) => await library().list(query, caller),
  get: async ({ params, caller }) => ({ material: await library().get(params.id, caller) }),
  progress: async ({ params, body, caller }) => await library().progress(params.id, body, caller),
});
