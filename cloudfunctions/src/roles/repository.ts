/**
 * Who holds each managed role (for the admin's lists) and the audit log of role changes. Both are
 * written only inside the transaction that changes the user's roles.
 */
import { RoleAuditEntry, RoleHolder, type ManagedRole, type Role } from '@hele/shared';
import { doc, transactNamed, type TransactItem } from '../lib/db';
import { queryPage, type PageRequest } from '../lib/pagination';
import { ROLES_AUDIT_SCOPE, roleItems, type RoleHolderRecord } from '../lib/principal';
import { tableName } from '../lib/tables';

export const roleRepository = {
  holders: (role: ManagedRole, page: PageRequest) =>
    queryPage(
      RoleHolder,
      {
        TableName: tableName('ROLE_HOLDERS_TABLE'),
        KeyConditionExpression: '#role = :role',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':role': role },
      },
      page,
    ),

  audit: (page: PageRequest) =>
    queryPage(
      RoleAuditEntry,
      {
        TableName: tableName('AUDIT_TABLE'),
        KeyConditionExpression: '#scope = :scope',
        ExpressionAttributeNames: { '#scope': 'scope' },
        ExpressionAttributeValues: { ':scope': ROLES_AUDIT_SCOPE },
        ScanIndexForward: false,
      },
      page,
    ),

  /** The user's roles change (`user` item), the holder list and the audit log follow, all at once. */
  change: (userItem: TransactItem, holder: RoleHolderRecord | { role: Role; userId: string; removed: true }, entry: RoleAuditEntry) =>
    transactNamed<'user' | 'holder' | 'audit'>(doc, [
      { name: 'user', item: userItem },
      { name: 'holder', item: 'removed' in holder ? roleItems.removeHolder(holder.role, holder.userId) : roleItems.holder(holder) },
      { name: 'audit', item: roleItems.audit(entry) },
    ]),

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
