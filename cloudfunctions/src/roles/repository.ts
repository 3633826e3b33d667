/**
 * Who holds each managed role (for the admin's lists) and the audit log of role changes. Both are
 * written only inside the transaction that changes the user's roles.
 */
import { RoleAuditEntry, RoleHolder, type ManagedRole } from '@hele/shared';
import { ROLES_SCOPE, roleChangeItems, type RoleChange } from '../domain/role-changes';
import { doc, transactNamed } from '../lib/db';
import { partitionQuery, queryPage, type PageRequest } from '../lib/pagination';

import { tableName } from '../lib/tables';

export const roleRepository = {
  holders: (role: ManagedRole, page: PageRequest) =>
    queryPage(RoleHolder, partitionQuery(tableName('ROLE_HOLDERS_TABLE'), 'role', role), page),

  /** Newest first. */
  audit: (page: PageRequest) =>
    queryPage(RoleAuditEntry, { ...partitionQuery(tableName('AUDIT_TABLE'), 'scope', ROLES_SCOPE), ScanIndexForward: false }, page),

  /** One role change with its holder entry and audit line (domain/role-changes), all at once. */
  change: (change: RoleChange) => transactNamed(doc, roleChangeItems(change)),

  /** Records a holder without an audit line: the seeded dev users, whose roles were never granted by anyone. */
  async recordSeeded(holder: RoleHolder) {
    return transactNamed(doc, [
      {
        name: 'holder',
        item: { Put: { TableName: tableName('ROLE_HOLDERS_TABLE'), Item: holder, ConditionExpression: 'attribute_not_exists(userId)' } },
      },
    ]);
  },
};
