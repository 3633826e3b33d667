export * from './constants';
export * from './errors';
export * from './schemas';
export * from './rules';
