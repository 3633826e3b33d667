/**
 * For coordinators: the activity-module library the plan generator draws on (each module's styles,
 * the ages it suits, its length and materials), and the 书记学院 rubric (weighted criteria).
 */
import { View, Text, Picker } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import {
  AGE_BAND_LABELS,
  AgeBandSchema,
  MODULE_STYLE_LABELS,
  ModuleStyleSchema,
  PlanModuleInput,
  type AgeBand,
  type ModuleStyle,
  type PlanModuleRecord,
} from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import CheckedInput from '@/components/checked-input';
import { Choice } from '@/components/choice';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { typedNumber, useCheckedSubmit } from '@/hooks/use-form-check';
import { Button, Input } from '@/ui';
import '../plan/index.scss';

const STYLES = ModuleStyleSchema.options;
const SUITS: Array<AgeBand | ''> = ['', ...AgeBandSchema.options];

function AddModule({ onAdded }: { onAdded: () => Promise<void> }) {
  const form = useForm(
    PlanModuleInput,
    { name: '', style: 'collaborative' as ModuleStyle, suits: '' as AgeBand | '', minutes: '30', materials: '' },
    {
      input: ({ name, style, suits, minutes, materials }) => ({
        name,
        styles: [style],
        suits: suits ? [suits] : [],
        minutes: typedNumber(minutes),
        materials,
      }),
    },
  );
  const { suits } = form.values;
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.branches.addModule({ body });
    form.reset('name', 'materials');
    await onAdded();
  });
  return (
    <Card title='添加模块'>
      <CheckedInput {...form.field('name')} className='library__module-name' placeholder='模块名称，如：红色观影' />
      <Choice label='形式' options={STYLES} labels={MODULE_STYLE_LABELS} {...form.choice('style')} />
      <Picker
        mode='selector'
        range={SUITS.map((item) => (item ? AGE_BAND_LABELS[item] : '不限年龄'))}
        value={SUITS.indexOf(suits)}
        onChange={(e) => form.set('suits', SUITS[Number(e.detail.value)]!)}
      >
        <View className='plan__field'>适合：{suits ? AGE_BAND_LABELS[suits] : '不限年龄'}</View>
      </Picker>
      <CheckedInput {...form.field('minutes')} type='number' placeholder='时长（分钟）' />
      <CheckedInput {...form.field('materials')} placeholder='所需材料（可不填）' />
      <Button block type='primary' className='library__add-module' loading={busy} onClick={submit}>
        添加
      </Button>
    </Card>
  );
}

/** The rubric as rows of name and weight; saved as a whole. */
function RubricEditor() {
  const [criteria, setCriteria] = useState<Array<{ id: string; name: string; weight: string }>>([]);
  const { busy, run } = useAction();
  useDidShow(
    () =>
      void run(async () =>
        setCriteria((await api.academy.rubric()).rubric.criteria.map((criterion) => ({ ...criterion, weight: String(criterion.weight) }))),
      ),
  );
  const change = (index: number, field: 'name' | 'weight', value: string) =>
    setCriteria(criteria.map((criterion, i) => (i === index ? { ...criterion, [field]: value } : criterion)));
  const save = () =>
    run(async () => {
      await api.academy.setRubric({
        body: {
          criteria: criteria.map((criterion) => ({ id: criterion.id, name: criterion.name.trim(), weight: Number(criterion.weight) })),
        },
      });
      void Taro.showToast({ title: '评分标准已保存', icon: 'success' });
    });
  return (
    <Card title='书记学院评分标准（权重）'>
      {criteria.map((criterion, index) => (
        <View key={criterion.id} className='plan__row library__criterion'>
          <Input value={criterion.name} onChange={(value) => change(index, 'name', value)} />
          <Input className='library__weight' type='number' value={criterion.weight} onChange={(value) => change(index, 'weight', value)} />
        </View>
      ))}
      <View className='plan__row'>
        <Button
          size='small'
          className='library__add-criterion'
          onClick={() => setCriteria([...criteria, { id: `c${Date.now().toString(36)}`, name: '', weight: '1' }])}
        >
          添加一项
        </Button>
        <Button size='small' type='primary' className='library__save-rubric' loading={busy} onClick={save}>
          保存
        </Button>
      </View>
    </Card>
  );
}

export default function ModuleLibraryPage() {
  const [modules, setModules] = useState<PlanModuleRecord[]>([]);
  const { run } = useAction();
  const load = async () => setModules((await api.branches.modules()).items);
  useDidShow(() => void run(load));
  return (
    <View className='page library-admin'>
      <AddModule onAdded={load} />
      <Text className='section-title'>模块库（{modules.length}）</Text>
      {modules.map((module) => (
        <View key={module.id} className='card plan__row library__module'>
          <Text>{module.name}</Text>
          <Text className='muted'>
            {module.styles.map((style) => MODULE_STYLE_LABELS[style]).join('、')} ·{' '}
            {module.suits.length ? module.suits.map((band) => AGE_BAND_LABELS[band]).join('、') : '不限年龄'} · {module.minutes} 分钟
          </Text>
        </View>
      ))}
      <RubricEditor />
    </View>
  );
}
