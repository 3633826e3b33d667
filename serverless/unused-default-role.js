/**
 * Leaves out the framework's shared default role when no function runs with it. Every function has a role of its
 * own (serverless-iam-roles-per-function), yet the framework still declares `IamRoleLambdaExecution` with the
 * provider's statements and, for the socket API, `execute-api:ManageConnections` on every API of every account:
 * a role no one needs, deployed with more than anyone may do. Runs after the per-function roles are made.
 */
const DEFAULT_ROLE = 'IamRoleLambdaExecution';

/** Whether anything in the template but the role itself names it (a `Ref`, a `Fn::GetAtt`, a `DependsOn`). */
const namedElsewhere = (template) =>
  Object.entries({ ...template.Resources, ...template.Outputs }).some(
    ([name, resource]) => name !== DEFAULT_ROLE && JSON.stringify(resource).includes(`"${DEFAULT_ROLE}"`),
  );

class UnusedDefaultRole {
  constructor(serverless) {
    this.hooks = {
      'before:package:finalize': () => {
        const template = serverless.service.provider.compiledCloudFormationTemplate;
        if (template.Resources[DEFAULT_ROLE] && !namedElsewhere(template)) delete template.Resources[DEFAULT_ROLE];
      },
    };
  }
}

module.exports = UnusedDefaultRole;
