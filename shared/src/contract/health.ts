/** The health function's routes. */
import { HealthResponse } from '../schemas';
import { defineRoutes } from './define';

export const healthRoutes = defineRoutes({
  health: {
    method: 'GET',
    path: '/health',
    access: 'public',
    reply: HealthResponse,
  },
});
