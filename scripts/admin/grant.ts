/**
 * `npm run admin:grant -- --stage prod --user <用户编号> [--region cn-northwest-1] [--by <name>] [--param name=value …]`
 *
 * Makes a user an admin of a stage (README › Deploy, last step). The app never grants the admin role,
 * so a new center's first admin comes from here: with the operator's AWS credentials (the default
 * chain: AWS_PROFILE, environment, SSO…), through the roles feature's own change, so that the users
 * table's roles, the role holders and the audit log move in one transaction, as when an admin grants a
 * role in 角色管理. The tables are the stage's, resolved from serverless.yml (`sls print`); the local stage
 * reaches the local DynamoDB (`npm start`; DYNAMODB_PORT, default 8000). Refuses an unknown or closed account.
 */
import { parseArgs } from 'node:util';
import { Id } from '@hele/shared';
import { LOCAL_AWS_ENV } from '../local/database';
import { environmentOf, resolveService } from '../local/serverless-config';

export class Refusal extends Error {}

/** What the command works on: the stage's region and the three tables a role change writes. */
export interface StageTables {
  region: string;
  USERS_TABLE: string;
  ROLE_HOLDERS_TABLE: string;
  AUDIT_TABLE: string;
}

export type ResolveStage = (stage: string, options: string[]) => Promise<StageTables>;

/** The stage's tables from the resolved serverless.yml; the local stage's database is the one `npm start` runs. */
export const resolveStage: ResolveStage = async (stage, options) => {
  const service = await resolveService(stage, process.env, options);
  const { USERS_TABLE, ROLE_HOLDERS_TABLE, AUDIT_TABLE } = environmentOf(service);
  if (!USERS_TABLE || !ROLE_HOLDERS_TABLE || !AUDIT_TABLE) throw new Refusal(`stage ${stage} names no users, role-holders or audit table`);
  if (stage === 'local') {
    process.env.AWS_ENDPOINT_URL_DYNAMODB ??= `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
    Object.assign(process.env, { ...LOCAL_AWS_ENV, ...process.env });
  }
  return { region: stage === 'local' ? LOCAL_AWS_ENV.AWS_REGION : service.provider.region, USERS_TABLE, ROLE_HOLDERS_TABLE, AUDIT_TABLE };
};

const USAGE = 'npm run admin:grant -- --stage prod --user <用户编号> [--region cn-northwest-1] [--by <your name>] [--param name=value …]';

/** Runs the command; answers the lines it prints. */
export const adminGrant = async (argv: string[], resolve: ResolveStage = resolveStage): Promise<string[]> => {
  let values: { stage?: string; user?: string; region?: string; by?: string; param?: string[] };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        stage: { type: 'string' },
        user: { type: 'string' },
        region: { type: 'string' },
        by: { type: 'string' },
        param: { type: 'string', multiple: true },
      },
    }));
  } catch (error) {
    throw new Refusal(`${(error as Error).message}: ${USAGE}`);
  }
  const { stage, user: userId } = values;
  if (!stage || !userId) throw new Refusal(`name the stage and the user: ${USAGE}`);
  if (!Id.safeParse(userId).success) throw new Refusal(`"${userId}" is not a 用户编号 (copy it from 我的 in the app)`);
  // The same options as `sls deploy` resolve the same tables.
  const options = [...(values.region ? ['--region', values.region] : []), ...(values.param ?? []).map((param) => `--param=${param}`)];
  const tables = await resolve(stage, options);
  const { region } = tables;
  Object.assign(process.env, {
    AWS_REGION: region,
    USERS_TABLE: tables.USERS_TABLE,
    ROLE_HOLDERS_TABLE: tables.ROLE_HOLDERS_TABLE,
    AUDIT_TABLE: tables.AUDIT_TABLE,
  });

  // Loaded once the environment names the stage's region and tables (the DynamoDB client reads them).
  const [{ createRoleService }, { roleRepository }, { HttpError }] = await Promise.all([
    import('../../cloudfunctions/src/roles/service'),
    import('../../cloudfunctions/src/roles/repository'),
    import('../../cloudfunctions/src/lib/errors'),
  ]);
  const operator = values.by?.trim() || process.env.USER || process.env.USERNAME || 'operator';
  const actor = { id: 'admin-grant', nickname: `命令行 admin:grant（${operator}）` };
  let outcome: Awaited<ReturnType<ReturnType<typeof createRoleService>['grantAdmin']>>;
  try {
    outcome = await createRoleService({ roles: roleRepository }).grantAdmin(userId, actor);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 404)
      throw new Refusal(`no open account ${userId} in ${tables.USERS_TABLE} (${region}): copy the 用户编号 shown on 我的 after signing in`);
    throw error;
  }
  const who = `${userId} (${outcome.user.nickname})`;
  if (!outcome.changed) return [`admin:grant ${stage} (${region}): ${who} is an admin already; nothing changed.`];
  return [
    `admin:grant ${stage} (${region}): ${who} is now an admin, in one transaction:`,
    `  ${tables.USERS_TABLE}: roles ${outcome.user.roles.join(', ')}`,
    `  ${tables.ROLE_HOLDERS_TABLE}: admin / ${userId}, granted by ${actor.nickname}`,
    `  ${tables.AUDIT_TABLE}: roles / grant admin to ${userId} by ${actor.nickname}`,
    'Roles are read on every request: reopen 我的 in the app and 角色管理 appears.',
  ];
};
