/** The library function's routes. */
import * as z from 'zod';
import {
  IdParams,
  Material,
  MaterialInput,
  MaterialPage,
  MaterialQuery,
  MaterialUploadRequest,
  MaterialUploadResponse,
  ProgressRequest,
  ProgressResponse,
} from '../schemas';
import { TEACHING_STAFF } from './access';
import { GET, POST, PUT, defineRoutes } from './define';

/** The replies that several routes share. */
const MaterialReply = z.object({ material: Material });

export const libraryRoutes = defineRoutes({
  upload: POST('/materials/uploads', TEACHING_STAFF, { body: MaterialUploadRequest, reply: MaterialUploadResponse, status: 201 }),
  add: POST('/materials', TEACHING_STAFF, { body: MaterialInput, reply: MaterialReply, status: 201 }),
  list: GET('/materials', 'user', { query: MaterialQuery, reply: MaterialPage }),
  get: GET('/materials/{id}', 'user', { params: IdParams, reply: MaterialReply }),
  progress: PUT('/materials/{id}/progress', 'user', { params: IdParams, body: ProgressRequest, reply: ProgressResponse }),
});
