/** The auth function's routes (`GET /me` is the account function's). */
import { LoginRequest, LoginResponse } from '../schemas';
import { POST, defineRoutes } from './define';

export const authRoutes = defineRoutes({
  login: POST('/auth/login', 'public', { body: LoginRequest, reply: LoginResponse }),
});
