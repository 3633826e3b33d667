import { View, Text, Image, Switch } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { hasAnyRole, profileIncomplete, Role, ROLE_LABELS, type AttendanceRateResponse } from '@hele/shared';
import { useEffect, useState } from 'react';
import { api } from '@/api';
import { refreshUser, signOut, useCurrentUser } from '@/auth/session';
import PrivacyConsent from '@/components/privacy-consent/react';
import { Button, Cell, CellGroup, Tag } from '@/ui';
import { goToSignIn } from '@/utils/navigation';
import { largeTextClass, setLargeText, useLargeText } from '@/utils/large-text';
import './index.scss';

const toProfile = () => Taro.navigateTo({ url: '/account/profile/index' });
const toPrivacyGuide = () => Taro.navigateTo({ url: '/account/privacy/index' });
/** Asked once per account: skipping is remembered on the phone. */
const promptSkippedKey = (userId: string) => `hele.profilePromptSkipped.${userId}`;

/** A cell that opens a page, offered to those holding one of `roles` (to everyone signed in without). */
interface PageLink {
  title: string;
  url: string;
  className?: string;
  roles?: Role[];
}

const MY_LINKS: PageLink[] = [
  { title: '我的报名', url: '/account/registrations/index' },
  { title: '志愿者中心', url: '/volunteer/center/index', className: 'me__volunteer' },
  { title: '消息', url: '/account/messages/index', className: 'me__messages' },
  { title: '资源云平台', url: '/resources/offers/index', className: 'me__resources' },
];

/** The tools of those who run things, after the member's own cells. */
const ROLE_LINKS: PageLink[] = [
  { title: '支部管理', url: '/branch/directory/index', className: 'me__directory', roles: [Role.COORDINATOR] },
  { title: '一支部一方案', url: '/branch/plan/index', className: 'me__branch-plan', roles: [Role.COORDINATOR, Role.SECRETARY] },
  { title: '书记学院', url: '/branch/academy/index', className: 'me__academy', roles: [Role.SECRETARY] },
  { title: '数据看板', url: '/dashboard/home/index', className: 'me__dashboard', roles: [Role.COORDINATOR] },
  { title: '三会一课', url: '/dashboard/compliance/index', className: 'me__compliance', roles: [Role.COORDINATOR] },
  { title: '角色管理', url: '/account/roles/index', className: 'me__roles-admin', roles: [Role.ADMIN] },
  { title: '请假审批', url: '/activity/leaves/index', roles: [Role.COORDINATOR, Role.SECRETARY] },
];

const LEARNING_LINKS: PageLink[] = [
  { title: '公益班', url: '/learning/classes/index', className: 'me__classes' },
  { title: '我的学习', url: '/learning/classes/index?tab=mine', className: 'me__my-classes' },
  { title: '学习资料库', url: '/learning/library/index', className: 'me__library' },
  { title: '讲师工作台', url: '/learning/classes/index?tab=teaching', className: 'me__teaching', roles: [Role.LECTURER] },
];

/**
 * The links as cells, in place in their CellGroup: one child per link, `false` where not offered, as a
 * conditional cell would be (the group leaves the divider off only under its last child).
 */
const pageLinks = (roles: Role[], links: PageLink[]) =>
  links.map(
    (link) =>
      (!link.roles || hasAnyRole(roles, link.roles)) && (
        <Cell key={link.url} title={link.title} className={link.className} clickable onClick={() => Taro.navigateTo({ url: link.url })} />
      ),
  );

export default function MePage() {
  const user = useCurrentUser();
  const large = useLargeText();
  const [rate, setRate] = useState<AttendanceRateResponse>();
  const [promptSkipped, setPromptSkipped] = useState(false);
  useEffect(() => {
    if (user?.branchId) api.attendance.myAttendance().then(setRate, () => undefined);
  }, [user?.id, user?.branchId]);
  useEffect(() => setPromptSkipped(!!user && !!Taro.getStorageSync(promptSkippedKey(user.id))), [user?.id]);
  // The whole profile (a fresh avatar link, roles granted meanwhile) each time 我的 shows.
  useDidShow(() => void refreshUser().catch(() => undefined));
  const skipPrompt = () => {
    if (user) Taro.setStorageSync(promptSkippedKey(user.id), true);
    setPromptSkipped(true);
  };
  return (
    <View className={`page me ${largeTextClass(large)}`}>
      <PrivacyConsent />
      <View className='card me__profile'>
        {user?.avatarUrl ? (
          <Image className='me__avatar' src={user.avatarUrl} mode='aspectFill' />
        ) : (
          <View className='me__avatar'>{user ? user.nickname.slice(0, 1) : '?'}</View>
        )}
        <View className='me__who'>
          <Text className='me__name'>{user ? user.nickname : '未登录'}</Text>
          <View className='me__roles'>
            {user?.roles.map((role) => (
              <Tag key={role} type='primary' className='me__role'>
                {ROLE_LABELS[role]}
              </Tag>
            ))}
          </View>
        </View>
      </View>
      {user && profileIncomplete(user) && !promptSkipped && (
        <View className='card me__complete'>
          <Text className='me__complete-title'>完善个人资料</Text>
          <Text className='muted'>设置头像和昵称，填写真实姓名（申请志愿者、开具服务证明时需要）。</Text>
          <View className='me__complete-actions'>
            <Button size='small' className='me__complete-skip' onClick={skipPrompt}>
              跳过
            </Button>
            <Button size='small' type='primary' className='me__complete-go' onClick={toProfile}>
              去完善
            </Button>
          </View>
        </View>
      )}
      <CellGroup className='me__display'>
        <Cell
          title='长辈模式'
          description='放大文字和按钮'
          className='me__large-text'
          extra={
            <Switch className='me__large-text-switch' checked={large} color='#c8161d' onChange={(e) => setLargeText(e.detail.value)} />
          }
        />
      </CellGroup>
      {user ? (
        <>
          <CellGroup className='me__links'>
            <Cell title='编辑资料' className='me__edit-profile' clickable onClick={toProfile} />
            {pageLinks(user.roles, MY_LINKS)}
            {rate && (
              <Cell
                title={`${rate.year} 年组织生活会出勤率`}
                extra={rate.rate === null ? '暂无' : `${Math.round(rate.rate * 100)}%（出席 ${rate.attended}/${rate.held - rate.excused}）`}
              />
            )}
            <Cell
              title='用户编号'
              className='me__user-id'
              extra={user.id}
              clickable
              onClick={() => Taro.setClipboardData({ data: user.id })}
            />
            {user.branchId && (
              <Cell
                title='我的支部'
                className='me__my-branch'
                clickable
                onClick={() => Taro.navigateTo({ url: `/branch/detail/index?id=${user.branchId}` })}
              />
            )}
            {pageLinks(user.roles, ROLE_LINKS)}
          </CellGroup>
          <CellGroup title='学习' className='me__learning'>
            {pageLinks(user.roles, LEARNING_LINKS)}
          </CellGroup>
          <Button block className='me__action' onClick={signOut}>
            退出登录
          </Button>
        </>
      ) : (
        <Button block type='primary' className='me__action' onClick={() => goToSignIn()}>
          登录
        </Button>
      )}
      <CellGroup className='me__about'>
        <Cell title='隐私保护指引' className='me__privacy' clickable onClick={toPrivacyGuide} />
      </CellGroup>
    </View>
  );
}
