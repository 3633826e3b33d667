/** The health function's routes. */
import { HealthResponse } from '../schemas';
import { GET, defineRoutes } from './define';

export const healthRoutes = defineRoutes({
  health: GET('/health', 'public', { reply: HealthResponse }),
});
