/**
 * Table names, each read from its own environment variable. A function is given only the tables
 * it uses (its file in serverless/functions/), so a table reached without being given fails loudly
 * here; the packaging test checks every bundle against its function's environment.
 */
export type TableVariable =
  | 'USERS_TABLE'
  | 'ACTIVITIES_TABLE'
  | 'REGISTRATIONS_TABLE'
  | 'POINTS_TABLE'
  | 'LEAVES_TABLE'
  | 'MESSAGES_TABLE'
  | 'REWARDS_TABLE'
  | 'REDEMPTIONS_TABLE'
  | 'REMINDERS_TABLE'
  | 'SERVICE_RECORDS_TABLE'
  | 'VOLUNTEERS_TABLE'
  | 'EXAMS_TABLE'
  | 'CERTIFICATES_TABLE'
  | 'POSTS_TABLE'
  | 'REACTIONS_TABLE'
  | 'CONNECTIONS_TABLE'
  | 'ROLE_HOLDERS_TABLE'
  | 'AUDIT_TABLE'
  | 'TRAININGS_TABLE'
  | 'BOARDS_TABLE'
  | 'LIBRARY_TABLE'
  | 'RESOURCES_TABLE'
  | 'STATS_TABLE'
  | 'BRANCHES_TABLE'
  | 'ACADEMY_TABLE'
  | 'SERIES_TABLE'
  | 'IDEMPOTENCY_TABLE'
  | 'PUSH_NONCES_TABLE'
  | 'RATE_LIMITS_TABLE';

let environment = (): Record<string, string | undefined> => process.env;

/**
 * The integration tests run every function in one process: they give each call its own function's
 * tables this way, so that reading a table a function is not given fails there as it would on AWS.
 */
export const useEnvironmentForTests = (source: () => Record<string, string | undefined>): void => {
  environment = source;
};

export const tableName = (variable: TableVariable): string => {
  const name = environment()[variable];
  if (!name) throw new Error(`${variable} is not set: give the function this table in serverless/functions/`);
  return name;
};
