/** The registrations function's routes. */
import { Role } from '../constants';
import { ActivityIdParams, ListQuery, MyRegistrationPage, RegistrationListQuery, RegistrationPage, RegistrationResponse } from '../schemas';
import { defineRoutes } from './define';

export const registrationsRoutes = defineRoutes({
  register: {
    method: 'POST',
    path: '/activities/{id}/registrations',
    access: 'user',
    params: ActivityIdParams,
    reply: RegistrationResponse,
    status: 201,
    idempotent: true,
  },
  cancelMine: {
    method: 'DELETE',
    path: '/activities/{id}/registrations/me',
    access: 'user',
    params: ActivityIdParams,
    reply: RegistrationResponse,
  },
  ofActivity: {
    method: 'GET',
    path: '/activities/{id}/registrations',
    access: [Role.COORDINATOR],
    params: ActivityIdParams,
    query: RegistrationListQuery,
    reply: RegistrationPage,
  },
  mine: {
    method: 'GET',
    path: '/me/registrations',
    access: 'user',
    query: ListQuery,
    reply: MyRegistrationPage,
  },
});
