/** The library function's routes. */
import * as z from 'zod';
import { Role } from '../constants';
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
import { defineRoutes } from './define';

export const libraryRoutes = defineRoutes({
  upload: {
    method: 'POST',
    path: '/materials/uploads',
    access: [Role.COORDINATOR, Role.LECTURER],
    body: MaterialUploadRequest,
    reply: MaterialUploadResponse,
    status: 201,
  },
  add: {
    method: 'POST',
    path: '/materials',
    access: [Role.COORDINATOR, Role.LECTURER],
    body: MaterialInput,
    reply: z.object({ material: Material }),
    status: 201,
  },
  list: {
    method: 'GET',
    path: '/materials',
    access: 'user',
    query: MaterialQuery,
    reply: MaterialPage,
  },
  get: {
    method: 'GET',
    path: '/materials/{id}',
    access: 'user',
    params: IdParams,
    reply: z.object({ material: Material }),
  },
  progress: {
    method: 'PUT',
    path: '/materials/{id}/progress',
    access: 'user',
    params: IdParams,
    body: ProgressRequest,
    reply: ProgressResponse,
  },
});
