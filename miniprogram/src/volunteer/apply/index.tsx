/** 志愿者申请: skills, availability and a phone number (only coordinators see it whole); the profile needs a real name first. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { VolunteerApplicationRequest } from '@hele/shared';
import { api } from '@/api';
import { refreshUser, useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import FieldError from '@/components/field-error';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { Button } from '@/ui';
import { toastOnNextPage } from '@/utils/feedback';
import { goFillRealName, needsRealName, RealNameNeeded } from '../real-name';
import './index.scss';

const SKILLS = ['急救', '陪伴老人', '文艺表演', '教学辅导', '摄影宣传', '环保', '心理疏导', '法律咨询'];

export default function VolunteerApplyPage() {
  const user = useCurrentUser();
  // Checked as the server checks it: a wrong field says why, under it.
  const form = useForm(
    VolunteerApplicationRequest,
    { skills: [] as string[], availability: '', phone: '', intro: '' },
    { optional: ['intro'] },
  );
  const { skills } = form.values;

  useEffect(() => {
    // The profile's phone fills the field; a real name set meanwhile shows.
    refreshUser().then(
      (fresh) => fresh?.phone && form.set('phone', (typed) => typed || fresh.phone!),
      () => undefined,
    );
    api.volunteers.me().then(
      ({ profile }) => {
        if (!profile) return;
        form.set('skills', profile.skills);
        form.set('availability', profile.availability);
        form.set('intro', profile.intro ?? '');
      },
      () => undefined,
    );
  }, []);

  const toggle = (skill: string) =>
    form.set('skills', (current) => (current.includes(skill) ? current.filter((s) => s !== skill) : [...current, skill]));
  const hasRealName = !!user?.realName;

  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    try {
      await api.volunteers.apply({ body });
    } catch (error) {
      if (needsRealName(error)) void goFillRealName();
      throw error;
    }
    toastOnNextPage({ title: '申请已提交', icon: 'success' });
    await Taro.navigateBack();
  });

  return (
    <View className='page volunteer-apply'>
      {user && !hasRealName && <RealNameNeeded why='志愿者以真实姓名登记，请先在“编辑资料”中填写。' />}
      <Card title='服务特长（可多选）'>
        <View className='volunteer-apply__skills'>
          {SKILLS.map((skill) => (
            <Text
              key={skill}
              className={`chip volunteer-apply__skill ${skills.includes(skill) ? 'chip--on' : ''}`}
              onClick={() => toggle(skill)}
            >
              {skill}
            </Text>
          ))}
        </View>
        <FieldError field='skills' message={form.problem('skills')} />
        <Text className='section-title'>可服务时间</Text>
        <CheckedInput {...form.field('availability')} className='volunteer-apply__availability' placeholder='如：周末全天、工作日晚上' />
        <Text className='section-title'>手机号码</Text>
        <CheckedInput
          {...form.field('phone')}
          className='volunteer-apply__phone'
          type='number'
          maxLength={11}
          placeholder='仅社工可见完整号码'
        />
        <Text className='section-title'>个人简介（选填）</Text>
        <CheckedTextarea
          {...form.field('intro')}
          className='text-box volunteer-apply__intro'
          maxlength={300}
          placeholder='如：退休教师，擅长书法'
        />
      </Card>
      <Button block type='primary' loading={busy} className='volunteer-apply__submit' onClick={submit}>
        提交申请
      </Button>
    </View>
  );
}
