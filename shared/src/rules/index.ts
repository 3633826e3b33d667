export * from './roles';
export * from './time';
export * from './registration';
export * from './check-in';
export * from './reminders';
export * from './ledger';
export * from './exam';
export * from './feed';
