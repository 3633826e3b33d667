/**
 * Joining a branch (加入支部) from its invitation: the QR of the branch's group or meeting room opens
 * this page (weapp: the 小程序码's `scene`; H5: `/join?code=`). The person signs in if needed, sees
 * which branch invites them, and asks to join; the secretary approves. An invitation made for one
 * person of the branch's imported roster needs no approval: accepting it is joining.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Membership } from '@hele/shared';
import { api } from '@/api';
import { refreshUser, useCurrentUser } from '@/auth/session';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { Button } from '@/ui';
import { goToSignIn, useRouteParam } from '@/utils/navigation';
import './index.scss';

/** The code from the join link, or from a 小程序码's scene (URL-encoded by WeChat). */
const useInviteCode = () => {
  const code = useRouteParam('code');
  const scene = useRouteParam('scene');
  return code ?? decodeURIComponent(scene ?? '');
};

export default function JoinPage() {
  const user = useCurrentUser();
  const code = useInviteCode();
  const invite = useResource(
    () => (user && code ? api.directory.previewInvite({ params: { code } }).then((reply) => reply.invite) : Promise.resolve(undefined)),
    [user?.id, code],
  );
  const [membership, setMembership] = useState<Membership>();
  const { busy, run } = useAction();

  if (!user) {
    return (
      <View className='page join'>
        <View className='card'>
          <Text className='join__title'>你收到了支部的入支部邀请</Text>
          <Text className='muted'>登录后即可查看并申请加入。</Text>
          <Button
            type='primary'
            block
            className='join__sign-in'
            onClick={() => goToSignIn(`/branch/join/index?code=${encodeURIComponent(code)}`)}
          >
            登录后加入
          </Button>
        </View>
      </View>
    );
  }
  if (invite.error) return <ErrorView error={invite.error} onRetry={invite.reload} />;
  if (!invite.data) return <LoadingView />;
  const { branchName, role, personName } = invite.data;
  const accept = () =>
    run(async () => {
      const reply = await api.directory.accept({ params: { code } });
      setMembership(reply.membership);
      if (reply.membership.status === 'active') await refreshUser();
    });
  const onBranch = user.branchId === invite.data.branchId;
  // A member of the branch may still be asked to be its secretary: for them, done is holding the post.
  const done = membership?.status === 'active' || (onBranch && (role !== 'secretary' || user.roles.includes('secretary')));
  return (
    <View className='page join'>
      <View className='card'>
        <Text className='join__title'>
          {role === 'secretary'
            ? `邀请你担任「${branchName}」书记`
            : personName
              ? `「${branchName}」邀请 ${personName} 加入`
              : `「${branchName}」邀请你加入`}
        </Text>
        {personName && !done && <Text className='muted'>支部已将你列入党员名册，确认后即加入，无需审批。</Text>}
        {!personName && (!user.realName || user.nickname === '微信用户') && (
          <View className='join__profile-hint'>
            <Text className='muted'>加入前请先完善资料（头像、昵称、真实姓名），方便书记确认你的身份。</Text>
            <Button size='small' onClick={() => Taro.navigateTo({ url: '/account/profile/index' })}>
              完善资料
            </Button>
          </View>
        )}
        {done ? (
          <Text className='join__done'>{role === 'secretary' ? `你已担任「${branchName}」书记` : `你已加入「${branchName}」`}</Text>
        ) : membership ? (
          <Text className='join__done'>
            {membership.fromBranchId ? '已提交转入申请，需原支部和本支部书记都同意' : '已提交申请，等待支部书记审批'}
          </Text>
        ) : (
          <Button type='primary' block loading={busy} className='join__accept' onClick={accept}>
            {role === 'secretary' ? '接受任命' : personName ? '确认加入' : '申请加入'}
          </Button>
        )}
      </View>
    </View>
  );
}
