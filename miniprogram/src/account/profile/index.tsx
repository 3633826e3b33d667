/**
 * 编辑资料: avatar and nickname (WeChat's 头像昵称填写), real name, political status and phone, seen by the
 * person alone; 我的编号 to give a secretary or an admin; 导出我的数据; 注销账号.
 */
import { Button as WeChatButton, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import {
  AVATAR_BYTES_MAX,
  centerDate,
  DEV_PHONE_PREFIX,
  photoTypeOf,
  POLITICAL_STATUS_LABELS,
  type PoliticalStatus,
  type ProfileUpdateRequest,
  type User,
} from '@hele/shared';
import { api, ApiError } from '@/api';
import { appError } from '@/api/http';
import { uploadPhoto } from '@/api/upload';
import { refreshUser, signOut, storeUser, useCurrentUser } from '@/auth/session';
import { Choice } from '@/components/choice';
import PrivacyConsent from '@/components/privacy-consent/react';
import { useAction } from '@/hooks/use-action';
import { Button, Cell, CellGroup, Input } from '@/ui';
import { saveJsonFile } from '@/utils/document';
import { confirmAction, showError, tellResult, toastOnNextPage } from '@/utils/feedback';
import './index.scss';

const UNSET = 'unset';
type StatusChoice = PoliticalStatus | typeof UNSET;
const STATUS_OPTIONS = [...(Object.keys(POLITICAL_STATUS_LABELS) as PoliticalStatus[]), UNSET] as const;
const STATUS_LABELS: Record<StatusChoice, string> = { ...POLITICAL_STATUS_LABELS, [UNSET]: '未填写' };

/** What closing does, said before the person confirms it (docs/DOMAIN.md › Who sees personal data). */
export const CLOSING_TEXT =
  '注销后：头像、昵称、姓名、手机号等个人资料立即删除；尚未开始的活动报名全部取消（已签到的除外），名额让给候补；积分余额作废；' +
  '已参加的活动、服务时长等名单与记录匿名保留（显示为“已注销用户”）。注销无法恢复，再次登录将是一个全新的账号。';

const weapp = process.env.TARO_ENV === 'weapp';

export default function ProfilePage() {
  const user = useCurrentUser();
  // The form starts from the profile kept on the phone, and takes the server's when it arrives.
  const [nickname, setNickname] = useState(user?.nickname ?? '');
  const [realName, setRealName] = useState(user?.realName ?? '');
  const [status, setStatus] = useState<StatusChoice>(user?.politicalStatus ?? UNSET);
  const [devPhone, setDevPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, run } = useAction();
  /** Whether the person has typed or picked something: a late answer from the server must not overwrite it. */
  const edited = useRef(false);
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      edited.current = true;
      set(value);
    };

  /** The form shows what the server has. */
  const fill = (profile: User) => {
    edited.current = false;
    setNickname(profile.nickname);
    setRealName(profile.realName ?? '');
    setStatus(profile.politicalStatus ?? UNSET);
  };
  useEffect(() => {
    refreshUser().then((fresh) => fresh && !edited.current && fill(fresh), showError);
  }, []);

  /** Runs a change of the profile; the answer is the whole profile, kept for every page. */
  const change = (write: () => Promise<{ user: User }>, done?: string) =>
    run(async () => {
      setErrors({});
      try {
        const { user: changed } = await write();
        storeUser(changed);
        fill(changed);
        if (done) void Taro.showToast({ title: done, icon: 'success' });
      } catch (error) {
        if (error instanceof ApiError) setErrors(Object.fromEntries(error.details.map((detail) => [detail.path, detail.message])));
        throw error;
      }
    });

  if (!user) {
    return (
      <View className='page profile'>
        <Text className='muted'>请先登录</Text>
      </View>
    );
  }

  const save = () => {
    const body: ProfileUpdateRequest = {};
    if (nickname.trim() !== user.nickname) body.nickname = nickname.trim();
    if (realName.trim() !== (user.realName ?? '')) body.realName = realName.trim() || null;
    if (status !== (user.politicalStatus ?? UNSET)) body.politicalStatus = status === UNSET ? null : status;
    if (!Object.keys(body).length) return void Taro.showToast({ title: '没有修改', icon: 'none' });
    return change(() => api.account.update({ body }), '已保存');
  };

  /** The avatar WeChat hands over (a temporary file) or the browser's pick goes to the bucket, then into the profile. */
  const setAvatar = (path: string, size: number, type?: string) =>
    change(async () => {
      const contentType = photoTypeOf({ path, size, originalFileObj: { type } });
      if (!contentType) throw appError(400, 'AVATAR_TYPE', '头像须为 JPG、PNG 或 WebP 图片');
      if (size > AVATAR_BYTES_MAX) throw appError(400, 'AVATAR_SIZE', '头像不能超过 2 MB');
      const { upload } = await api.account.avatarUpload({ body: { contentType, size } });
      const avatarKey = await uploadPhoto(upload, path, () => undefined);
      return api.account.update({ body: { avatarKey } });
    }, '头像已更新');
  // A failed read rejects; what resolves is the file's information.
  const chooseAvatar = (path: string) =>
    Taro.getFileInfo({ filePath: path }).then((info) => setAvatar(path, (info as Taro.getFileInfo.SuccessCallbackResult).size), showError);
  const pickAvatar = async () => {
    let file: { path: string; size: number; originalFileObj?: { type?: string } } | undefined;
    try {
      file = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })).tempFiles[0];
    } catch {
      return; // the picker was closed
    }
    if (file) await setAvatar(file.path, file.size, file.originalFileObj?.type);
  };

  /** The number WeChat confirms; when a branch imported it in its roster, the person has joined that branch. */
  const setPhone = (code: string) =>
    change(async () => {
      const reply = await api.account.phone({ body: { code } });
      if (reply.joined) {
        void tellResult({
          title: '已加入支部',
          content: `「${reply.joined.branchName}」的名册中有你的手机号，你已成为该支部党员。`,
        });
      } else {
        void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
      }
      return reply;
    });

  const exportData = () =>
    run(async () => {
      const data = await api.account.export();
      await saveJsonFile(JSON.stringify(data, null, 2), `和乐-我的数据-${centerDate(new Date())}.json`);
    });

  const close = async () => {
    const confirmed = await confirmAction({ title: '注销账号', content: CLOSING_TEXT, confirmText: '确认注销', danger: true });
    if (!confirmed) return;
    const closed = await run(() => api.account.close());
    if (!closed) return;
    signOut();
    toastOnNextPage({ title: '账号已注销', icon: 'none' });
    await Taro.switchTab({ url: '/pages/me/index' });
  };

  return (
    <View className='page profile'>
      <PrivacyConsent />
      <View className='card profile__head'>
        {user.avatarUrl ? (
          <Image className='profile__avatar' src={user.avatarUrl} mode='aspectFill' />
        ) : (
          <View className='profile__avatar profile__avatar--letter'>{user.nickname.slice(0, 1)}</View>
        )}
        {weapp ? (
          <WeChatButton className='profile__avatar-button' openType='chooseAvatar' onChooseAvatar={(e) => chooseAvatar(e.detail.avatarUrl)}>
            更换头像
          </WeChatButton>
        ) : (
          <Button size='small' className='profile__avatar-button' onClick={pickAvatar}>
            更换头像
          </Button>
        )}
      </View>

      <View className='card profile__form'>
        <Text className='profile__label'>昵称</Text>
        {/* WeChat's nickname keyboard offers the WeChat nickname; picking it may fire no input event, only blur. */}
        <Input
          className='profile__input profile__nickname'
          type='nickname'
          maxLength={20}
          placeholder='点击填写昵称，可使用微信昵称'
          value={nickname}
          onChange={edit(setNickname)}
          onBlur={edit(setNickname)}
        />
        {errors.nickname && <Text className='profile__error'>{errors.nickname}</Text>}
        <Text className='profile__label'>真实姓名</Text>
        <Input
          className='profile__input profile__real-name'
          maxLength={20}
          placeholder='申请志愿者、开具服务证明时需要'
          value={realName}
          onChange={edit(setRealName)}
        />
        {errors.realName && <Text className='profile__error'>{errors.realName}</Text>}
        <Choice
          className='profile__status'
          label='政治面貌'
          options={STATUS_OPTIONS}
          labels={STATUS_LABELS}
          value={status}
          onChange={edit(setStatus)}
        />
        {errors.politicalStatus && <Text className='profile__error'>{errors.politicalStatus}</Text>}
        <Button block type='primary' loading={busy} className='profile__save' onClick={save}>
          保存
        </Button>
      </View>

      <View className='card profile__phone'>
        <Text className='profile__label'>手机号</Text>
        <Text className='profile__phone-number'>{user.phone ?? '未绑定'}</Text>
        {weapp ? (
          <WeChatButton
            className='profile__phone-button'
            openType='getPhoneNumber'
            onGetPhoneNumber={(e) => e.detail.code && setPhone(e.detail.code)}
          >
            {user.phone ? '更换为微信绑定的手机号' : '使用微信绑定的手机号'}
          </WeChatButton>
        ) : (
          <View className='profile__dev-phone'>
            <Input
              className='profile__input profile__dev-phone-input'
              type='number'
              maxLength={11}
              placeholder='本地环境：输入手机号代替微信授权'
              value={devPhone}
              onChange={setDevPhone}
            />
            <Button size='small' disabled={devPhone.length !== 11} onClick={() => setPhone(`${DEV_PHONE_PREFIX}${devPhone}`)}>
              绑定
            </Button>
          </View>
        )}
        {errors.code && <Text className='profile__error'>{errors.code}</Text>}
        {user.phone && (
          <Text className='profile__unbind muted' onClick={() => change(() => api.account.update({ body: { phone: null } }), '已解除绑定')}>
            解除绑定
          </Text>
        )}
        <Text className='muted'>手机号只有你自己能看到完整号码。</Text>
      </View>

      <CellGroup className='profile__links'>
        <Cell
          title='我的编号'
          className='profile__user-id'
          description='书记或管理员为你登记、授予角色时需要'
          extra={user.id}
          clickable
          onClick={() => Taro.setClipboardData({ data: user.id })}
        />
        <Cell title='导出我的数据' className='profile__export' clickable onClick={exportData} />
        <Cell title='隐私保护指引' clickable onClick={() => Taro.navigateTo({ url: '/account/privacy/index' })} />
        <Cell title='注销账号' className='profile__close' clickable onClick={close} />
      </CellGroup>
    </View>
  );
}
