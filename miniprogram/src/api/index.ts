/** Typed calls of the API, grouped by feature; request and reply types come from `@hele/shared`. */
import { HealthResponse, LoginResponse, MeResponse } from '@hele/shared';
import { request } from './http';

export { ApiError, newIdempotencyKey } from './http';

export const api = {
  health: () => request({ method: 'GET', path: '/health', schema: HealthResponse, auth: false }),
  login: (code: string) => request({ method: 'POST', path: '/auth/login', body: { code }, schema: LoginResponse, auth: false }),
  me: () => request({ method: 'GET', path: '/me', schema: MeResponse }),
};
