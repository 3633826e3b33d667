/**
 * The coordinator's form to plan or edit an activity. The server validates again with the same
 * shared schema; its field errors are shown beside the fields.
 */
import { View, Text, Input, Textarea, Picker, Switch } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState, type ComponentProps, type ReactNode } from 'react';
import {
  SERVICE_DESTINATION_LABELS,
  SERVICE_DESTINATIONS,
  type ServiceDestination,
  BRANCH_KIND_LABELS,
  CENTER_UTC_OFFSET_MINUTES,
  DISCUSSION_FORMAT_LABELS,
  KIND_LABELS,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  toCenterIso,
  TRAINING_TOPIC_LABELS,
  type ActivityKind,
  type AgendaItem,
  type Branch,
  type CreateActivityRequest,
  type DiscussionFormat,
  type MeetingType,
  type Project,
  type RoleHolder,
  type TrainingTopic,
} from '@hele/shared';
import { api, ApiError } from '@/api';
import { Button } from '@/ui';
import { showError, toastOnNextPage } from '@/utils/feedback';
import { useRouteParam } from '@/utils/navigation';
import './index.scss';

const KINDS = Object.keys(KIND_LABELS) as ActivityKind[];
const FORMATS = ['', ...Object.keys(DISCUSSION_FORMAT_LABELS)] as Array<DiscussionFormat | ''>;
const TOPICS = ['', ...Object.keys(TRAINING_TOPIC_LABELS)] as Array<TrainingTopic | ''>;
const OFFSET = `+0${CENTER_UTC_OFFSET_MINUTES / 60}:00`;

interface Form {
  kind: ActivityKind;
  title: string;
  theme: string;
  venue: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: string;
  discussionFormat: DiscussionFormat | '';
  /** A training's topic, or the training a service activity requires. */
  training: TrainingTopic | '';
  agenda: string;
  description: string;
  /** The public-benefit project it belongs to ('' for none). */
  projectId: string;
  /** A meeting's branch ('' for none), and whether it is for that branch only (仅限本支部). */
  branchId: string;
  branchOnly: boolean;
  /** 三会一课: the kind of required meeting of the branch ('' when it is none of them). */
  meetingType: MeetingType | '';
  /** A service activity's destination (进基层 / 进村居 / 进学校 / 进高墙; '' until chosen). */
  destination: ServiceDestination | '';
  /** A class's lecturers, who alone declare its teaching; none for a series' session (its series names them). */
  lecturerIds?: string[];
  publish: boolean;
}

const tomorrow = () => toCenterIso(new Date(Date.now() + 24 * 3600 * 1000)).slice(0, 10);

const EMPTY: Form = {
  kind: 'meeting',
  title: '',
  theme: '',
  venue: '和乐党群服务中心',
  date: tomorrow(),
  startTime: '14:00',
  endTime: '16:00',
  capacity: '30',
  discussionFormat: '',
  training: '',
  agenda: '',
  description: '',
  projectId: '',
  branchId: '',
  branchOnly: false,
  meetingType: '',
  destination: '',
  lecturerIds: [],
  publish: true,
};

/** The form's text fields as the API's request. */
/** An agenda item per line, its length after it as the detail page shows it: 分组讨论（30 分钟）. */
const AGENDA_MINUTES = /^(.*?)\s*[（(]\s*(\d+)\s*分钟\s*[)）]$/;
export const agendaText = (agenda: AgendaItem[]) =>
  agenda.map(({ title, minutes }) => (minutes ? `${title}（${minutes} 分钟）` : title)).join('\n');
export const agendaItems = (text: string): AgendaItem[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, title, minutes] = AGENDA_MINUTES.exec(line) ?? [];
      return title ? { title, minutes: Number(minutes) } : { title: line };
    });

export const toRequest = (form: Form): CreateActivityRequest => ({
  kind: form.kind,
  title: form.title.trim(),
  theme: form.theme.trim() || undefined,
  venue: form.venue.trim(),
  startsAt: `${form.date}T${form.startTime}:00${OFFSET}`,
  endsAt: `${form.date}T${form.endTime}:00${OFFSET}`,
  capacity: Number(form.capacity),
  discussionFormat: form.discussionFormat || undefined,
  ...(form.training && form.kind === 'training' ? { trainingTopic: form.training } : {}),
  ...(form.training && form.kind === 'service' ? { requiredTraining: form.training } : {}),
  ...(form.destination && form.kind === 'service' ? { destination: form.destination } : {}),
  agenda: agendaItems(form.agenda),
  description: form.description.trim(),
  ...(form.projectId ? { projectId: form.projectId } : {}),
  ...(form.kind === 'meeting' && form.branchId
    ? { branchId: form.branchId, branchOnly: form.branchOnly, ...(form.meetingType ? { meetingType: form.meetingType } : {}) }
    : {}),
  ...(form.kind === 'class' && form.lecturerIds ? { lecturerIds: form.lecturerIds } : {}),
  publish: form.publish,
});

/** A 党支部 by its name; a 党委 or 党总支 (which may hold meetings too) says which it is. */
const branchLabel = (branch: Branch) => (branch.kind === 'branch' ? branch.name : `${branch.name}（${BRANCH_KIND_LABELS[branch.kind]}）`);

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  venue: '地点',
  capacity: '名额',
  startsAt: '开始时间',
  endsAt: '结束时间',
  theme: '主题',
  trainingTopic: '培训类别',
  requiredTraining: '报名前需完成的培训',
  lecturerIds: '讲师',
  branchOnly: '仅限本支部',
  meetingType: '三会一课类型',
  destination: '服务去向',
};

/** A row of the form that opens a picker: what it sets, and what is chosen. */
function PickerRow({
  label,
  shown,
  valueClass,
  ...picker
}: ComponentProps<typeof Picker> & { label: ReactNode; shown: ReactNode; valueClass?: string }) {
  return (
    <Picker {...picker}>
      <View className='edit-activity__row'>
        <Text>{label}</Text>
        <Text className={valueClass ? `edit-activity__value ${valueClass}` : 'edit-activity__value'}>{shown}</Text>
      </View>
    </Picker>
  );
}

/** A typed value beside its label, as a row of the form (标题, 地点, 名额…). */
function InputRow({ label, ...input }: ComponentProps<typeof Input> & { label: ReactNode }) {
  return (
    <View className='edit-activity__row'>
      <Text>{label}</Text>
      <Input {...input} />
    </View>
  );
}

export default function EditActivityPage() {
  const id = useRouteParam('id');
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [projects, setProjects] = useState<Project[]>([]);
  const [lecturers, setLecturers] = useState<RoleHolder[]>([]);
  const [branches, setBranches] = useState<Branch[]>([]);
  const [storedBranch, setStoredBranch] = useState(false);
  useEffect(() => {
    void api.directory.list({ query: { limit: 100 } }).then(
      ({ items }) => setBranches(items),
      () => undefined,
    );
    void api.resources.projects().then(
      ({ items }) => setProjects(items),
      () => undefined,
    );
    void api.roles.holders({ params: { role: 'lecturer' }, query: { limit: 100 } }).then(
      ({ items }) => setLecturers(items),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (!id) return;
    void Taro.setNavigationBarTitle({ title: '编辑活动' });
    api.activities
      .get({ params: { id } })
      .then(({ activity }) => {
        const local = (iso: string) => toCenterIso(new Date(iso));
        setForm({
          kind: activity.kind,
          title: activity.title,
          theme: activity.theme ?? '',
          venue: activity.venue,
          date: local(activity.startsAt).slice(0, 10),
          startTime: local(activity.startsAt).slice(11, 16),
          endTime: local(activity.endsAt).slice(11, 16),
          capacity: String(activity.capacity),
          discussionFormat: activity.discussionFormat ?? '',
          training: activity.trainingTopic ?? activity.requiredTraining ?? '',
          agenda: agendaText(activity.agenda),
          description: activity.description,
          projectId: activity.projectId ?? '',
          branchId: activity.branchId ?? '',
          branchOnly: activity.branchOnly ?? false,
          meetingType: activity.meetingType ?? '',
          destination: activity.destination ?? '',
          lecturerIds: activity.seriesId ? undefined : (activity.lecturerIds ?? []),
          publish: activity.status === 'published',
        });
        setStoredBranch(!!activity.branchId);
      })
      .catch(showError);
  }, [id]);

  // The meeting's branch, when it is not among the first hundred the picker lists.
  useEffect(() => {
    if (!form.branchId || branches.length === 0 || branches.some((item) => item.id === form.branchId)) return;
    void api.directory.get({ params: { id: form.branchId } }).then(
      ({ branch: missing }) =>
        setBranches((previous) => (previous.some((item) => item.id === missing.id) ? previous : [...previous, missing])),
      () => undefined,
    );
  }, [form.branchId, branches]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  /** A text field's value and what typing in it does. */
  const typed = (key: 'title' | 'theme' | 'venue' | 'capacity' | 'agenda' | 'description') => ({
    value: form[key],
    onInput: (e: { detail: { value: string } }) => set(key, e.detail.value),
  });
  /** A date or time picker's value, shown as it is. */
  const picked = (key: 'date' | 'startTime' | 'endTime') => ({
    shown: form[key],
    value: form[key],
    onChange: (e: { detail: { value: unknown } }) => set(key, String(e.detail.value)),
  });
  const toggleLecturer = (userId: string) => {
    const chosen = form.lecturerIds ?? [];
    set('lecturerIds', chosen.includes(userId) ? chosen.filter((other) => other !== userId) : [...chosen, userId]);
  };

  const submit = async () => {
    if (busy) return;
    // Where the service goes is chosen when it is planned: the statistics count it (进基层…).
    if (form.kind === 'service' && !form.destination) {
      setErrors({ destination: '请选择服务去向' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const { publish, kind, ...fields } = toRequest(form);
      const { activity } = id
        ? await api.activities.update({ params: { id }, body: fields })
        : await api.activities.create({ body: { ...fields, kind, publish } });
      toastOnNextPage({ title: id ? '已保存' : activity.status === 'published' ? '已发布' : '草稿已保存', icon: 'success' });
      await Taro.redirectTo({ url: `/activity/detail/index?id=${activity.id}` });
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        // `lecturerIds.1` is shown beside the lecturers.
        setErrors(
          Object.fromEntries(error.details.map((detail) => [detail.path.replace(/^lecturerIds\.\d+$/, 'lecturerIds'), detail.message])),
        );
      }
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const branch = branches.find((item) => item.id === form.branchId);
  // A meeting saved with a branch moves to another branch but does not leave the branches (its roster,
  // leave and statistics are the branch's); a new one, or one without, may have none.
  const branchChoices: Array<Branch | undefined> = storedBranch ? branches : [undefined, ...branches];
  const fieldError = (field: string) =>
    errors[field] ? <Text className='edit-activity__error'>{`${FIELD_LABELS[field] ?? field}：${errors[field]}`}</Text> : null;

  return (
    <View className='page edit-activity'>
      <View className='card edit-activity__form'>
        {!id && (
          <PickerRow
            label='类型'
            shown={KIND_LABELS[form.kind]}
            mode='selector'
            range={KINDS.map((kind) => KIND_LABELS[kind])}
            value={KINDS.indexOf(form.kind)}
            onChange={(e) => set('kind', KINDS[Number(e.detail.value)]!)}
          />
        )}
        <InputRow
          label='标题'
          className='edit-activity__input edit-activity__title'
          maxlength={60}
          placeholder='如：两学一做专题组织生活会'
          {...typed('title')}
        />
        {fieldError('title')}
        <InputRow label='主题' className='edit-activity__input' maxlength={30} placeholder='如：两学一做（可选）' {...typed('theme')} />
        <InputRow label='地点' className='edit-activity__input edit-activity__venue' maxlength={100} {...typed('venue')} />
        {fieldError('venue')}
        <PickerRow label='日期' mode='date' {...picked('date')} />
        <PickerRow label='开始' mode='time' {...picked('startTime')} />
        {fieldError('startsAt')}
        <PickerRow label='结束' mode='time' {...picked('endTime')} />
        {fieldError('endsAt')}
        <InputRow label='名额' className='edit-activity__input edit-activity__capacity' type='number' {...typed('capacity')} />
        {fieldError('capacity')}
        {(form.kind === 'training' || form.kind === 'service') && (
          <PickerRow
            label={form.kind === 'training' ? '培训类别' : '报名前需完成的培训'}
            shown={form.training ? TRAINING_TOPIC_LABELS[form.training] : '不指定'}
            valueClass='edit-activity__training'
            mode='selector'
            range={TOPICS.map((topic) => (topic ? TRAINING_TOPIC_LABELS[topic] : '不指定'))}
            value={TOPICS.indexOf(form.training)}
            onChange={(e) => set('training', TOPICS[Number(e.detail.value)]!)}
          />
        )}
        {fieldError(form.kind === 'training' ? 'trainingTopic' : 'requiredTraining')}
        {form.kind === 'service' && (
          <PickerRow
            label='服务去向'
            shown={form.destination ? SERVICE_DESTINATION_LABELS[form.destination] : '请选择'}
            valueClass='edit-activity__destination'
            mode='selector'
            range={SERVICE_DESTINATIONS.map((destination) => SERVICE_DESTINATION_LABELS[destination])}
            value={form.destination ? SERVICE_DESTINATIONS.indexOf(form.destination) : 0}
            onChange={(e) => set('destination', SERVICE_DESTINATIONS[Number(e.detail.value)]!)}
          />
        )}
        {fieldError('destination')}
        {form.kind === 'class' && form.lecturerIds && (
          <View className='edit-activity__lecturers'>
            <Text className='edit-activity__label'>讲师（授课后由讲师申报服务时长）</Text>
            {lecturers.length === 0 && <Text className='muted'>还没有公益讲师，请管理员在「角色管理」中设置</Text>}
            {lecturers.map((lecturer) => (
              <Text
                key={lecturer.userId}
                className={`chip ${form.lecturerIds?.includes(lecturer.userId) ? 'chip--on' : ''}`}
                onClick={() => toggleLecturer(lecturer.userId)}
              >
                {lecturer.nickname}
              </Text>
            ))}
          </View>
        )}
        {fieldError('lecturerIds')}
        <PickerRow
          label='讨论形式'
          shown={form.discussionFormat ? DISCUSSION_FORMAT_LABELS[form.discussionFormat] : '不指定'}
          mode='selector'
          range={FORMATS.map((format) => (format ? (DISCUSSION_FORMAT_LABELS[format] ?? format) : '不指定'))}
          value={FORMATS.indexOf(form.discussionFormat)}
          onChange={(e) => set('discussionFormat', FORMATS[Number(e.detail.value)]!)}
        />
        {form.kind === 'meeting' && branches.length === 0 && (
          <Text className='muted edit-activity__no-branch'>还没有支部：在 我的 › 支部管理 中创建后，可把会议设为某个支部的会议</Text>
        )}
        {form.kind === 'meeting' && branches.length > 0 && (
          <PickerRow
            label='所属支部'
            shown={branch ? branchLabel(branch) : '不属于支部'}
            valueClass='edit-activity__branch'
            mode='selector'
            range={branchChoices.map((choice) => (choice ? branchLabel(choice) : '不属于支部'))}
            value={Math.max(
              0,
              branchChoices.findIndex((choice) => (choice?.id ?? '') === form.branchId),
            )}
            onChange={(e) => {
              const chosen = branchChoices[Number(e.detail.value)]?.id ?? '';
              setForm((previous) => ({ ...previous, branchId: chosen, branchOnly: chosen ? previous.branchOnly : false }));
            }}
          />
        )}
        {form.kind === 'meeting' && branch && (
          <View className='edit-activity__branch-only'>
            <View className='edit-activity__row'>
              <Text>仅限本支部党员</Text>
              <Switch
                className='edit-activity__branch-only-switch'
                checked={form.branchOnly}
                color='#c8161d'
                onChange={(e) => set('branchOnly', e.detail.value)}
              />
            </View>
            <Text className='muted edit-activity__branch-hint'>
              {form.branchOnly ? '只有本支部党员可以报名' : '其他支部的党员和群众也可以报名'}；本支部 {branch.memberCount}{' '}
              名党员都是应到人员，无需报名即可签到（签到时占用名额）
            </Text>
            {Number(form.capacity) < branch.memberCount && (
              <Text className='edit-activity__error'>名额少于支部人数（{branch.memberCount}），满额后支部党员将无法签到</Text>
            )}
          </View>
        )}
        {fieldError('branchOnly')}
        {form.kind === 'meeting' && branch && (
          <PickerRow
            label='三会一课类型'
            shown={form.meetingType ? MEETING_TYPE_LABELS[form.meetingType] : '不计入三会一课'}
            valueClass='edit-activity__meeting-type'
            mode='selector'
            range={['不计入三会一课', ...MEETING_TYPES.map((type) => MEETING_TYPE_LABELS[type])]}
            value={form.meetingType ? MEETING_TYPES.indexOf(form.meetingType) + 1 : 0}
            onChange={(e) => set('meetingType', Number(e.detail.value) > 0 ? MEETING_TYPES[Number(e.detail.value) - 1]! : '')}
          />
        )}
        {form.kind === 'meeting' && branch && form.meetingType && (
          <Text className='muted edit-activity__meeting-type-hint'>
            有人签到后，计入本支部当期的「{MEETING_TYPE_LABELS[form.meetingType]}」
          </Text>
        )}
        {fieldError('meetingType')}
        {projects.length > 0 && (
          <PickerRow
            label='公益项目'
            shown={projects.find((project) => project.id === form.projectId)?.name ?? '不属于项目'}
            valueClass='edit-activity__project'
            mode='selector'
            range={['不属于项目', ...projects.map((project) => project.name)]}
            value={projects.findIndex((project) => project.id === form.projectId) + 1}
            onChange={(e) => set('projectId', Number(e.detail.value) > 0 ? projects[Number(e.detail.value) - 1]!.id : '')}
          />
        )}
        <Text className='edit-activity__label'>议程（每行一项）</Text>
        <Textarea className='text-box edit-activity__textarea' placeholder={'重温入党誓词（10 分钟）\n分组讨论'} {...typed('agenda')} />
        <Text className='edit-activity__label'>活动介绍</Text>
        <Textarea className='text-box edit-activity__textarea' maxlength={2000} {...typed('description')} />
        {!id && (
          <View className='edit-activity__row'>
            <Text>立即发布</Text>
            <Switch checked={form.publish} color='#c8161d' onChange={(e) => set('publish', e.detail.value)} />
          </View>
        )}
      </View>
      <Button block type='primary' loading={busy} className='edit-activity__submit' onClick={submit}>
        {id ? '保存' : form.publish ? '发布' : '保存草稿'}
      </Button>
    </View>
  );
}
