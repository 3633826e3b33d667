/** The auth function's routes (`GET /me` is the account function's). */
import { LoginRequest, LoginResponse } from '../schemas';
import { defineRoutes } from './define';

export const authRoutes = defineRoutes({
  login: {
    method: 'POST',
    path: '/auth/login',
    access: 'public',
    body: LoginRequest,
    reply: LoginResponse,
  },
});
