/**
 * `npm run admin:grant -- --stage prod --user <用户编号> [--region cn-northwest-1] [--by <name>]`: makes a
 * user an admin of a stage with the operator's AWS credentials (what it does: ./admin/grant.ts).
 */
import { adminGrant, Refusal } from './admin/grant';

adminGrant(process.argv.slice(2)).then(
  (lines) => console.log(lines.join('\n')),
  (error: Error) => {
    console.error(`admin:grant: ${error instanceof Refusal ? error.message : (error.stack ?? error.message)}`);
    process.exit(1);
  },
);
