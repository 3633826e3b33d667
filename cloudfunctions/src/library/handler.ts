/** Learning library routes: file uploads and adding (coordinators, lecturers), browse and search, open, progress. */
import { IdParams, MaterialInput, MaterialQuery, MaterialUploadRequest, ProgressRequest, Role } from '@hele/shared';
import { env } from '../lib/config';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { seriesSummary } from '../domain/series';
import { mediaStorage } from '../lib/storage';
import { libraryRepository } from './repository';
import { createLibraryService } from './service';

const AUTHORS = [Role.COORDINATOR, Role.LECTURER] as const;

// Built on first use: the bucket's name comes from the environment.
let service: ReturnType<typeof createLibraryService> | undefined;
const library = () => (service ??= createLibraryService({ library: libraryRepository, media: mediaStorage(env().MEDIA_BUCKET), series: seriesSummary }));

export const handler = createHttpHandler({
  'POST /materials/uploads': route({
    access: AUTHORS,
    body: MaterialUploadRequest,
    handle: async ({ body, caller }) => created({ upload: await library().createUpload(body, caller) }),
  }),
  'POST /materials': route({
    access: AUTHORS,
    body: MaterialInput,
    handle: async ({ body, caller }) => created({ material: await library().create(body, caller) }),
  }),
  'GET /materials': route({ access: 'user', query: MaterialQuery, handle: async ({ query, caller }) => ok(await library().list(query, caller)) }),
  'GET /materials/{id}': route({ access: 'user', params: IdParams, handle: async ({ params, caller }) => ok({ material: await library().get(params.id, caller) }) }),
  'PUT /materials/{id}/progress': route({
    access: 'user',
    params: IdParams,
    body: ProgressRequest,
    handle: async ({ params, body, caller }) => ok(await library().progress(params.id, body.percent, caller)),
  }),
});
