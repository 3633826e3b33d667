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
            <Cell title='我的报名' clickable onClick={() => Taro.navigateTo({ url: '/account/registrations/index' })} />
            <Cell
              title='志愿者中心'
              className='me__volunteer'
              clickable
              onClick={() => Taro.navigateTo({ url: '/volunteer/center/index' })}
            />
            <Cell title='消息' className='me__messages' clickable onClick={() => Taro.navigateTo({ url: '/account/messages/index' })} />
            <Cell
              title='资源云平台'
              className='me__resources'
              clickable
              onClick={() => Taro.navigateTo({ url: '/resources/offers/index' })}
            />
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
            {hasAnyRole(user.roles, [Role.COORDINATOR]) && (
              <Cell
                title='支部管理'
                className='me__directory'
                clickable
                onClick={() => Taro.navigateTo({ url: '/branch/directory/index' })}
              />
            )}
            {hasAnyRole(user.roles, [Role.COORDINATOR, Role.SECRETARY]) && (
              <Cell
                title='一支部一方案'
                className='me__branch-plan'
                clickable
                onClick={() => Taro.navigateTo({ url: '/branch/plan/index' })}
              />
            )}
            {hasAnyRole(user.roles, [Role.SECRETARY]) && (
              <Cell title='书记学院' className='me__academy' clickable onClick={() => Taro.navigateTo({ url: '/branch/academy/index' })} />
            )}
            {hasAnyRole(user.roles, [Role.COORDINATOR]) && (
              <Cell
                title='数据看板'
                className='me__dashboard'
                clickable
                onClick={() => Taro.navigateTo({ url: '/dashboard/home/index' })}
              />
            )}
            {hasAnyRole(user.roles, [Role.COORDINATOR]) && (
              <Cell
                title='三会一课'
                className='me__compliance'
                clickable
                onClick={() => Taro.navigateTo({ url: '/dashboard/compliance/index' })}
              />
            )}
            {user.roles.includes(Role.ADMIN) && (
              <Cell
                title='角色管理'
                className='me__roles-admin'
                clickable
                onClick={() => Taro.navigateTo({ url: '/account/roles/index' })}
              />
            )}
            {hasAnyRole(user.roles, [Role.COORDINATOR, Role.SECRETARY]) && (
              <Cell title='请假审批' clickable onClick={() => Taro.navigateTo({ url: '/activity/leaves/index' })} />
            )}
          </CellGroup>
          <CellGroup title='学习' className='me__learning'>
            <Cell title='公益班' className='me__classes' clickable onClick={() => Taro.navigateTo({ url: '/learning/classes/index' })} />
            <Cell
              title='我的学习'
              className='me__my-classes'
              clickable
              onClick={() => Taro.navigateTo({ url: '/learning/classes/index?tab=mine' })}
            />
            <Cell
              title='学习资料库'
              className='me__library'
              clickable
              onClick={() => Taro.navigateTo({ url: '/learning/library/index' })}
            />
            {hasAnyRole(user.roles, [Role.LECTURER]) && (
              <Cell
                title='讲师工作台'
                className='me__teaching'
                clickable
                onClick={() => Taro.navigateTo({ url: '/learning/classes/index?tab=teaching' })}
              />
            )}
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
