/**
 * One branch, for its secretary and the center: who its secretary is (the center names one, by the
 * person's 用户编号 or with a secretary invitation), the invitation to show in the branch's group or
 * meeting room (a 小程序码 / QR; in the browser also its link to copy), the requests to approve, moves to release, and the members.
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  BRANCH_KIND_LABELS,
  formatDateTime,
  hasAnyRole,
  Role,
  SecretaryRequest,
  type BranchMember,
  type Invite,
  type InviteRole,
} from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import CheckedInput from '@/components/checked-input';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { useResource } from '@/hooks/use-resource';
import { Button, Tag } from '@/ui';
import { confirmAction } from '@/utils/feedback';
import { pngDataUrl } from '@/utils/image';
import { useRouteParam } from '@/utils/navigation';
import './index.scss';

const STATUS_LABELS: Record<BranchMember['status'], string> = { pending: '待审批', active: '党员', leaving: '申请转出' };

/** The invitation's picture: the image route's PNG, shown as a data URL (weapp and H5 alike). */
function InviteCard({ branchId, invite, onWithdrawn }: { branchId: string; invite: Invite; onWithdrawn: () => void }) {
  const image = useResource(async () => {
    const bytes = await api.directory.inviteImage({ params: { id: branchId, code: invite.code } });
    return pngDataUrl(bytes);
  }, [invite.code]);
  const { busy, runConfirmed } = useAction();
  // In the browser the QR's own link (the app's `/join?code=`), to send in the branch's group chat.
  const link = process.env.TARO_ENV === 'h5' ? `${window.location.origin}/join?code=${invite.code}` : undefined;
  const copyLink = () =>
    link && void Taro.setClipboardData({ data: link }).then(() => Taro.showToast({ title: '邀请链接已复制', icon: 'none' }));
  const withdraw = () =>
    runConfirmed(
      {
        title: '确认撤回邀请？',
        content: '撤回后该二维码立即失效。',
        confirmText: '撤回',
      },
      async () => {
        await api.directory.withdrawInvite({ params: { id: branchId, code: invite.code } });
        void Taro.showToast({ title: '已撤回', icon: 'none' });
        onWithdrawn();
      },
    );
  return (
    <View className='branch-detail__invite'>
      <Text>
        {invite.role === 'secretary'
          ? '书记邀请（仅一人可用）'
          : invite.personName
            ? `${invite.personName}的专属邀请（仅一人可用）`
            : '入支部邀请'}
        ，{formatDateTime(invite.expiresAt)} 前有效
      </Text>
      {image.data ? <Image className='branch-detail__qr' src={image.data} mode='aspectFit' /> : <LoadingView text='正在生成二维码…' />}
      <Text className='muted branch-detail__code'>邀请码 {invite.code}</Text>
      {link && (
        <Text className='muted branch-detail__link' userSelect>
          {link}
        </Text>
      )}
      <View className='branch-detail__buttons'>
        {link && (
          <Button size='small' type='primary' className='branch-detail__copy-link' onClick={copyLink}>
            复制邀请链接
          </Button>
        )}
        <Button size='small' loading={busy} className='branch-detail__withdraw' onClick={withdraw}>
          撤回
        </Button>
      </View>
    </View>
  );
}

/** What the secretary (or the center) may do with a member line, in the order the buttons stand. */
interface MemberAction {
  offered: (line: BranchMember, center: boolean) => boolean;
  call: 'approve' | 'release' | 'remove';
  label: string;
  className: string;
  primary?: boolean;
  /** The toast once done. */
  done: string;
  /** Asked first, for what cannot be taken back. */
  ask?: { title: string; button: string };
}

const MEMBER_ACTIONS: MemberAction[] = [
  {
    offered: (line) => line.status === 'pending' && !line.approvedAt,
    call: 'approve',
    label: '同意',
    className: 'branch-detail__approve',
    primary: true,
    done: '已同意',
  },
  {
    offered: (line) => line.status === 'pending',
    call: 'remove',
    label: '拒绝',
    className: 'branch-detail__decline',
    done: '已拒绝',
    ask: { title: '拒绝入支部申请', button: '拒绝' },
  },
  {
    offered: (line) => line.status === 'leaving',
    call: 'release',
    label: '同意转出',
    className: 'branch-detail__release',
    primary: true,
    done: '已同意转出',
  },
  {
    offered: (line, center) => line.status === 'active' && center,
    call: 'remove',
    label: '移出',
    className: 'branch-detail__remove',
    done: '已移出',
    ask: { title: '移出支部', button: '移出' },
  },
];

function MemberRow({
  branchId,
  line,
  center,
  onChanged,
}: {
  branchId: string;
  line: BranchMember;
  center: boolean;
  onChanged: () => void;
}) {
  const { busy, run } = useAction();
  const act = ({ call: what, done, ask }: MemberAction) =>
    run(async () => {
      if (ask && !(await confirmAction({ title: `确认${ask.title}？`, content: line.nickname, confirmText: ask.button, danger: true })))
        return;
      const params = { id: branchId, userId: line.userId };
      if (what === 'approve') await api.directory.approve({ params });
      else if (what === 'release') await api.directory.release({ params });
      else await api.directory.remove({ params });
      void Taro.showToast({ title: done, icon: 'none' });
      onChanged();
    });
  return (
    <View className='branch-detail__member'>
      <View>
        <Text>{line.realName ? `${line.realName}（${line.nickname}）` : line.nickname}</Text>
        <Tag type={line.status === 'active' ? 'default' : 'warning'} plain={line.status === 'active'} className='branch-detail__status'>
          {STATUS_LABELS[line.status]}
        </Tag>
        {line.fromBranchName && (
          <Text className='muted'>
            {' '}
            从「{line.fromBranchName}」转入{line.releasedAt ? '，原支部已同意' : '，等待原支部同意'}
          </Text>
        )}
        {line.toBranchName && <Text className='muted'> 转往「{line.toBranchName}」</Text>}
      </View>
      <View className='branch-detail__actions'>
        {MEMBER_ACTIONS.filter((action) => action.offered(line, center)).map((action) => (
          <Button
            key={action.className}
            size='small'
            type={action.primary ? 'primary' : 'default'}
            loading={busy}
            className={action.className}
            onClick={() => act(action)}
          >
            {action.label}
          </Button>
        ))}
      </View>
    </View>
  );
}

export default function BranchDetailPage() {
  const user = useCurrentUser();
  const id = useRouteParam('id') ?? user?.branchId ?? '';
  const center = !!user && hasAnyRole(user.roles, [Role.COORDINATOR]);
  const branch = useResource(() => api.directory.get({ params: { id } }).then((reply) => reply.branch), [id]);
  const keeper = center || (!!user && hasAnyRole(user.roles, [Role.SECRETARY]) && user.branchId === id);
  const members = useResource(
    () => (keeper ? api.directory.members({ params: { id } }).then((reply) => reply.items) : Promise.resolve([])),
    [id, keeper],
  );
  const invites = useResource(
    () => (keeper ? api.directory.invites({ params: { id } }).then((reply) => reply.items) : Promise.resolve([])),
    [id, keeper],
  );
  const naming = useForm(SecretaryRequest, { userId: '' }, { input: ({ userId }) => ({ userId: userId.trim() }) });
  const { busy, run } = useAction();

  const invite = (role: InviteRole) =>
    run(async () => {
      await api.directory.invite({ params: { id }, body: { role } });
      void Taro.showToast({ title: '已生成邀请二维码', icon: 'none' });
      await invites.reload();
    });
  const nameSecretary = () =>
    run(async () => {
      const body = naming.check();
      if (!body) return;
      const reply = await api.directory.setSecretary({ params: { id }, body });
      void Taro.showToast({ title: `${reply.branch.secretaryName} 已任书记`, icon: 'none' });
      naming.reset();
      branch.setData(reply.branch);
      await members.reload();
    });

  if (branch.error) return <ErrorView error={branch.error} onRetry={branch.reload} />;
  if (!branch.data) return <LoadingView />;
  const { name, kind, community, secretaryName, memberCount } = branch.data;
  const lines = members.data ?? [];
  const asking = lines.filter((line) => line.status !== 'active');
  const memberRow = (line: BranchMember) => (
    <MemberRow
      key={line.userId}
      branchId={id}
      line={line}
      center={center}
      onChanged={() => void Promise.all([members.reload(), branch.reload()])}
    />
  );
  return (
    <View className='page branch-detail'>
      <View className='card'>
        <Text className='branch-detail__name'>{name}</Text>
        <Text className='muted'>
          {' '}
          {BRANCH_KIND_LABELS[kind]}
          {community ? ` · ${community}` : ''}
        </Text>
        <View className='branch-detail__secretary'>
          书记：{secretaryName ?? '未设置'} · 党员 {memberCount} 人
        </View>
      </View>

      {center && (
        <Card title='设置书记'>
          <Text className='muted branch-detail__hint'>请对方在「我的」里复制「用户编号」发给你，或让对方扫描书记邀请二维码。</Text>
          <CheckedInput {...naming.field('userId')} className='branch-detail__secretary-id' placeholder='用户编号，如 u_xxxx' />
          <View className='branch-detail__buttons'>
            <Button size='small' type='primary' loading={busy} className='branch-detail__set-secretary' onClick={nameSecretary}>
              设为书记
            </Button>
            <Button size='small' loading={busy} className='branch-detail__invite-secretary' onClick={() => invite('secretary')}>
              生成书记邀请
            </Button>
          </View>
        </Card>
      )}

      {keeper && (
        <Card title='邀请入支部'>
          <Text className='muted branch-detail__hint'>把二维码发到支部群或在会场展示：党员扫码、完善资料后申请加入，由书记审批。</Text>
          <Button size='small' type='primary' loading={busy} className='branch-detail__new-invite' onClick={() => invite('member')}>
            生成邀请二维码
          </Button>
          {(invites.data ?? []).map((item) => (
            <InviteCard key={item.code} branchId={id} invite={item} onWithdrawn={() => void invites.reload()} />
          ))}
        </Card>
      )}

      {keeper && (
        <Card title='批量导入名册'>
          <Text className='muted branch-detail__hint'>
            已有 Excel 名册？下载模板填好后上传，逐行核对再导入；导入的人员用微信确认手机号即加入本支部。
          </Text>
          <Button
            size='small'
            type='primary'
            className='branch-detail__import'
            onClick={() => void Taro.navigateTo({ url: `/branch/import/index?id=${id}` })}
          >
            批量导入
          </Button>
        </Card>
      )}

      {keeper && (
        <View
          className='card branch-detail__plan'
          onClick={() => void Taro.navigateTo({ url: `/branch/plan/index?branchId=${encodeURIComponent(id)}` })}
        >
          <Text className='section-title'>一支部一方案</Text>
          <Text className='muted'>支部画像、党员名册和组织生活计划</Text>
        </View>
      )}

      {keeper && !!members.error && <ErrorView error={members.error} onRetry={members.reload} />}
      {keeper && !members.error && !members.data && <LoadingView text='正在加载党员名单…' />}
      {keeper && members.data && (
        <View className='card'>
          <Text className='section-title'>待处理（{asking.length}）</Text>
          {asking.length === 0 && <EmptyView title='暂无待处理的申请' />}
          {asking.map(memberRow)}
          <Text className='section-title'>党员名单</Text>
          {lines.filter((line) => line.status === 'active').map(memberRow)}
        </View>
      )}
    </View>
  );
}
