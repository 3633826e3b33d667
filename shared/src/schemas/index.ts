export * from './common';
export * from './auth';
export * from './activities';
export * from './registrations';
export * from './check-in';
export * from './messages';
export * from './points';
