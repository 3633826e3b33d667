/**
 * 角色管理 (admin): who holds 社工 / 支部书记 / 公益讲师, granting a role to a user found by the
 * 用户编号 on their 我的 page, revoking, and the audit log of every change.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatDateTime, IdParams, ROLE_LABELS, type ManagedRole, type RoleAuditEntry, type RoleHolder, type User } from '@hele/shared';
import { api } from '@/api';
import FieldError from '@/components/field-error';
import { EmptyView, ListFoot } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Input } from '@/ui';
import { confirmAction } from '@/utils/feedback';
import './index.scss';

const MANAGED: ManagedRole[] = ['coordinator', 'secretary', 'lecturer'];

export default function RolesPage() {
  const [role, setRole] = useState<ManagedRole>('lecturer');
  const [found, setFound] = useState<User>();
  const { busy, run } = useAction();
  const holders = usePagedList<RoleHolder>((cursor) => api.roles.holders({ params: { role }, query: { cursor } }), [role]);
  const audit = usePagedList<RoleAuditEntry>((cursor) => api.roles.audit({ query: { cursor } }));
  const refresh = () => Promise.all([holders.refresh(), audit.refresh()]);

  const lookingUp = useForm(IdParams, { id: '' }, { input: ({ id }) => ({ id: id.trim() }) });
  const lookUp = () =>
    run(async () => {
      const params = lookingUp.check();
      if (params) setFound((await api.roles.user({ params })).user);
    });
  const grant = () =>
    run(async () => {
      const { changed } = await api.roles.grant({ params: { id: found!.id, role } });
      void Taro.showToast({ title: changed ? `已授予${ROLE_LABELS[role]}` : '已是该角色', icon: 'none' });
      await refresh();
    });
  const revoke = async (holder: RoleHolder) => {
    const go = await confirmAction({
      title: '确认撤销角色？',
      content: `撤销 ${holder.nickname} 的${ROLE_LABELS[holder.role]}角色，立即生效。`,
      confirmText: '撤销',
      danger: true,
    });
    if (go)
      await run(async () => {
        await api.roles.revoke({ params: { id: holder.userId, role: holder.role } });
        await refresh();
      });
  };

  return (
    <View className='page roles'>
      <View className='roles__tabs'>
        {MANAGED.map((item) => (
          <Text key={item} className={`chip roles__tab ${role === item ? 'chip--on' : ''}`} onClick={() => setRole(item)}>
            {ROLE_LABELS[item]}
          </Text>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>授予{ROLE_LABELS[role]}</Text>
        <View className='roles__find'>
          <Input
            className='roles__user-id'
            placeholder='用户编号（对方“我的”页面可复制）'
            value={lookingUp.values.id}
            onChange={(value) => lookingUp.set('id', value)}
          />
          <Button size='small' className='roles__look-up' onClick={lookUp}>
            查询
          </Button>
        </View>
        <FieldError field='id' message={lookingUp.problem('id')} />
        {found && (
          <View className='roles__found'>
            <Text>
              {found.nickname}（{found.roles.map((held) => ROLE_LABELS[held]).join('、')}）
            </Text>
            <Button size='small' type='primary' loading={busy} className='roles__grant' onClick={grant}>
              授予
            </Button>
          </View>
        )}
      </View>

      <Text className='section-title'>{ROLE_LABELS[role]}名单</Text>
      {holders.items.length === 0 && !holders.loading ? (
        <EmptyView title='暂无' />
      ) : (
        holders.items.map((holder) => (
          <View key={holder.userId} className='card roles__holder'>
            <View>
              <Text className='roles__name'>{holder.nickname}</Text>
              <Text className='muted'>
                {holder.grantedByName} 授予 · {formatDateTime(holder.grantedAt)}
              </Text>
            </View>
            <Button size='small' className='roles__revoke' onClick={() => revoke(holder)}>
              撤销
            </Button>
          </View>
        ))
      )}
      <ListFoot loading={holders.loading} done={holders.done} count={holders.items.length} />

      <Text className='section-title'>变更记录</Text>
      {audit.items.map((entry) => (
        <Text key={entry.id} className='roles__audit'>
          {formatDateTime(entry.at)} {entry.actorName} {entry.action === 'grant' ? '授予' : '撤销'} {entry.nickname}{' '}
          {ROLE_LABELS[entry.role]}
        </Text>
      ))}
    </View>
  );
}
