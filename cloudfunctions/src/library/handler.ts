/** Learning library routes: add (coordinators, lecturers), browse and search, open, progress. */
import { IdParams, MaterialInput, MaterialQuery, ProgressRequest, Role } from '@hele/shared';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { libraryRepository } from './repository';
import { createLibraryService } from './service';

const library = createLibraryService({ library: libraryRepository });

export const handler = createHttpHandler({
  'POST /materials': route({
    access: [Role.COORDINATOR, Role.LECTURER],
    body: MaterialInput,
    handle: async ({ body, caller }) => created({ material: await library.create(body, caller) }),
  }),
  'GET /materials': route({ access: 'user', query: MaterialQuery, handle: async ({ query, caller }) => ok(await library.list(query, caller)) }),
  'GET /materials/{id}': route({ access: 'user', params: IdParams, handle: async ({ params, caller }) => ok({ material: await library.get(params.id, caller) }) }),
  'PUT /materials/{id}/progress': route({
    access: 'user',
    params: IdParams,
    body: ProgressRequest,
    handle: async ({ params, body, caller }) => ok(await library.progress(params.id, body.percent, caller)),
  }),
});
