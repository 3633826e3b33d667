/**
 * 积分规则 (coordinators and admins): how long earned points stay valid (first earned, first expired;
 * members told 30 days ahead; 0: never), and how 党员积分 are earned (points per occasion, monthly cap).
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  EXPIRY_NOTICE_DAYS,
  MAX_VALIDITY_MONTHS,
  PARTY_POINT_KIND_LABELS,
  PARTY_POINT_KINDS,
  type PartyPointKind,
  type PointsSettingsResponse,
} from '@hele/shared';
import { api, ApiError } from '@/api';
import Card from '@/components/card';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { Button, Input } from '@/ui';
import './index.scss';

type Settings = PointsSettingsResponse['settings'];
type PartyDraft = Record<PartyPointKind, { points: string; monthlyCap: string }>;

const draftOf = (party: Settings['party']): PartyDraft =>
  Object.fromEntries(
    PARTY_POINT_KINDS.map((kind) => [kind, { points: String(party[kind].points), monthlyCap: String(party[kind].monthlyCap) }]),
  ) as PartyDraft;
const asNumber = (text: string) => Number(text.trim() || Number.NaN);

const stated = (months: number) => (months > 0 ? `积分自获得之日起 ${months} 个月内有效，先获得的先过期` : '积分长期有效，不会过期');

export default function PointsSettingsPage() {
  const [saved, setSaved] = useState<Settings>();
  const [months, setMonths] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [party, setParty] = useState<PartyDraft>();
  const [partyErrors, setPartyErrors] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<unknown>();
  const { busy, run } = useAction();

  const load = async () => {
    try {
      const { settings } = await api.points.pointsSettings();
      setSaved(settings);
      setMonths(String(settings.validityMonths));
      setParty(draftOf(settings.party));
      setLoadError(undefined);
    } catch (caught) {
      setLoadError(caught);
    }
  };
  useEffect(() => void load(), []);

  if (loadError !== undefined && !saved) return <ErrorView error={loadError} onRetry={load} />;
  if (!saved || !party) return <LoadingView />;
  /** A party rule's figure (its points, or its monthly cap) as typed. */
  const partyInput = (kind: PartyPointKind, part: 'points' | 'monthlyCap') => (
    <Input
      className='points-settings__input'
      type='number'
      placeholder='分'
      value={party[kind][part]}
      onChange={(value) => setParty({ ...party, [kind]: { ...party[kind], [part]: value } })}
    />
  );

  const saveParty = () =>
    run(async () => {
      setPartyErrors({});
      try {
        const body = Object.fromEntries(
          PARTY_POINT_KINDS.map((kind) => [kind, { points: asNumber(party[kind].points), monthlyCap: asNumber(party[kind].monthlyCap) }]),
        ) as Settings['party'];
        const { settings } = await api.points.setPointsSettings({ body: { party: body } });
        setSaved(settings);
        void Taro.showToast({ title: '已保存', icon: 'success' });
      } catch (error) {
        if (error instanceof ApiError) setPartyErrors(Object.fromEntries(error.details.map((detail) => [detail.path, detail.message])));
        throw error;
      }
    });

  const save = () =>
    run(async () => {
      setFieldError(undefined);
      try {
        const { settings } = await api.points.setPointsSettings({ body: { validityMonths: Number(months.trim() || Number.NaN) } });
        setSaved(settings);
        void Taro.showToast({ title: '已保存', icon: 'success' });
      } catch (error) {
        if (error instanceof ApiError) setFieldError(error.details.find((detail) => detail.path === 'validityMonths')?.message);
        throw error;
      }
    });

  return (
    <View className='page points-settings'>
      <Card title='积分有效期' className='points-settings__form'>
        <Text className='points-settings__current'>现行规则：{stated(saved.validityMonths)}</Text>
        <View className='points-settings__row'>
          <Input
            className='points-settings__input points-settings__months'
            type='number'
            value={months}
            placeholder='如 24'
            onChange={setMonths}
          />
          <Text>个月</Text>
        </View>
        {fieldError && <Text className='points-settings__error'>{fieldError}</Text>}
        <Button block type='primary' className='points-settings__save' loading={busy} onClick={() => void save()}>
          保存
        </Button>
        <Text className='muted'>
          {`填 0 表示积分不过期，最长 ${MAX_VALIDITY_MONTHS} 个月。每天凌晨按“先获得先过期”处理到期积分，已兑换的积分从最早获得的积分中扣除；积分到期前 ${EXPIRY_NOTICE_DAYS} 天，系统会在“消息”中提醒本人。`}
        </Text>
      </Card>
      <Card title='党员积分规则' className='points-settings__form points-settings__party'>
        <Text className='muted'>
          党员参加组织生活（支部会议签到）、完成学习资料、通过测验时按下列规则计入党员积分，与服务积分分开记账。
        </Text>
        {PARTY_POINT_KINDS.map((kind) => (
          <View key={kind} className={`points-settings__kind points-settings__kind--${kind}`}>
            <Text>{PARTY_POINT_KIND_LABELS[kind]}</Text>
            <View className='points-settings__row'>
              <Text>每次</Text>
              {partyInput(kind, 'points')}
              <Text>分，每月最多</Text>
              {partyInput(kind, 'monthlyCap')}
              <Text>分</Text>
            </View>
            {(partyErrors[`party.${kind}.points`] ?? partyErrors[`party.${kind}.monthlyCap`]) && (
              <Text className='points-settings__error'>
                {partyErrors[`party.${kind}.points`] ?? partyErrors[`party.${kind}.monthlyCap`]}
              </Text>
            )}
          </View>
        ))}
        <Button block type='primary' className='points-settings__save-party' loading={busy} onClick={() => void saveParty()}>
          保存党员积分规则
        </Button>
      </Card>
    </View>
  );
}
