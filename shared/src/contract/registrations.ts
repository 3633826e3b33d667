/** The registrations function's routes. */
import { ActivityIdParams, ListQuery, MyRegistrationPage, RegistrationListQuery, RegistrationPage, RegistrationResponse } from '../schemas';
import { COORDINATORS } from './access';
import { DELETE, GET, POST, defineRoutes } from './define';

export const registrationsRoutes = defineRoutes({
  register: POST('/activities/{id}/registrations', 'user', {
    params: ActivityIdParams,
    reply: RegistrationResponse,
    status: 201,
    idempotent: true,
  }),
  cancelMine: DELETE('/activities/{id}/registrations/me', 'user', { params: ActivityIdParams, reply: RegistrationResponse }),
  ofActivity: GET('/activities/{id}/registrations', COORDINATORS, {
    params: ActivityIdParams,
    query: RegistrationListQuery,
    reply: RegistrationPage,
  }),
  mine: GET('/me/registrations', 'user', { query: ListQuery, reply: MyRegistrationPage }),
});
