/** The auth function's routes. */
import { LoginRequest, LoginResponse, MeResponse } from '../schemas';
import { defineRoutes } from './define';

export const authRoutes = defineRoutes({
  login: {
    method: 'POST',
    path: '/auth/login',
    access: 'public',
    body: LoginRequest,
    reply: LoginResponse,
  },
  me: {
    method: 'GET',
    path: '/me',
    access: 'user',
    reply: MeResponse,
  },
});
