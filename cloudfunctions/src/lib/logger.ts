import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger per function; the HTTP adapter adds the request id to each line. */
export const logger = new Logger({ serviceName: 'hele-center' });
