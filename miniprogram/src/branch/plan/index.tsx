/**
 * 一支部一方案: the branch's profile from its roster (the secretary records each member's birth
 * year and education), and a proposed plan of meetings for a period theme, each with its modules,
 * format and reasons; a coordinator turns an item into a draft meeting with one tap, then edits it.
 */
import { View, Text, Picker, Textarea } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  AGE_BAND_LABELS,
  AgeBandSchema,
  countLabel,
  DISCUSSION_FORMAT_LABELS,
  DISCUSSION_FORMAT_STEPS,
  EDUCATION_LABELS,
  EducationSchema,
  hasAnyRole,
  PlanRequest,
  Role,
  RosterEntryInput,
  SMALL_COUNT,
  toCenterIso,
  type Branch,
  type BranchProfileResponse,
  type BranchYearFigures,
  type Education,
  type PlanProposal,
} from '@hele/shared';
import { api, downloadFormat } from '@/api';
import { contract } from '@hele/shared/contract';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import CheckedInput from '@/components/checked-input';
import FieldError from '@/components/field-error';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { typedNumber, useCheckedSubmit } from '@/hooks/use-form-check';
import { Button, Input } from '@/ui';
import { saveOfficeFile } from '@/utils/document';
import { useRouteParam } from '@/utils/navigation';
import { showError, toastOnNextPage } from '@/utils/feedback';
import './index.scss';

const EDUCATIONS = EducationSchema.options;
const COUNTS = [1, 2, 3, 4, 5, 6];
type Item = PlanProposal['items'][number];

/** One member not yet on the roster: birth year and education, then 登记. */
function RecordMember({
  branchId,
  member,
  onRecorded,
}: {
  branchId: string;
  member: { userId: string; nickname: string };
  onRecorded: (profile: BranchProfileResponse) => void;
}) {
  const form = useForm(
    RosterEntryInput,
    { birthYear: '', education: 'college' as Education },
    { input: ({ birthYear, education }) => ({ birthYear: typedNumber(birthYear), education }) },
  );
  const { education } = form.values;
  const { busy, submit: record } = useCheckedSubmit(form, async (body) => {
    onRecorded(await api.branches.record({ params: { id: branchId, userId: member.userId }, body }));
  });
  return (
    <>
      <View className='plan__row plan__unrecorded' data-id={member.userId}>
        <Text>{member.nickname}</Text>
        <Input className='plan__birth-year' type='number' placeholder='出生年份' {...form.input('birthYear')} />
        <Picker
          mode='selector'
          range={EDUCATIONS.map((item) => EDUCATION_LABELS[item])}
          value={EDUCATIONS.indexOf(education)}
          onChange={(e) => form.set('education', EDUCATIONS[Number(e.detail.value)]!)}
        >
          <Text className='plan__link'>{EDUCATION_LABELS[education]}</Text>
        </Picker>
        <Button size='small' className='plan__record' loading={busy} onClick={record}>
          登记
        </Button>
      </View>
      <FieldError field='birthYear' message={form.problem('birthYear')} />
    </>
  );
}

/** The two notes' boxes, in the order they stand. */
const NOTE_FIELDS = [
  { field: 'needs', placeholder: '支部的需求，如：希望多一些团队协作、想听一次党课' },
  { field: 'constraints', placeholder: '限制，如：工作日晚上才有空，每次不超过 60 分钟' },
] as const;

/**
 * The branch's needs and constraints, in the secretary's words: the proposal puts first the modules its needs
 * name (党课, 团队, 户外…) and keeps to the length and the indoors its constraints state (shared/rules/plan).
 */
function BranchNotes({
  branchId,
  profile,
  onSaved,
}: {
  branchId: string;
  profile: BranchProfileResponse;
  onSaved: (profile: BranchProfileResponse) => void;
}) {
  const [notes, setNotes] = useState({ needs: profile.needs, constraints: profile.constraints });
  const { busy, run } = useAction();
  const save = () =>
    run(async () =>
      onSaved(
        await api.branches.notes({ params: { id: branchId }, body: { needs: notes.needs.trim(), constraints: notes.constraints.trim() } }),
      ),
    );
  return (
    <Card title='需求与限制'>
      <Text className='muted plan__notes-hint'>
        生成方案时，除年龄分布、文化程度外，会优先安排需求中提到的内容（如党课、团队协作、户外拓展），并遵守限制中的时长（如“不超过 60
        分钟”）和“室内”“行动不便”等条件。
      </Text>
      {NOTE_FIELDS.map(({ field, placeholder }) => (
        <Textarea
          key={field}
          className={`text-box plan__${field}`}
          value={notes[field]}
          maxlength={1000}
          placeholder={placeholder}
          onInput={(e) => setNotes((current) => ({ ...current, [field]: e.detail.value }))}
        />
      ))}
      <Button size='small' className='plan__save-notes' loading={busy} onClick={save}>
        保存
      </Button>
    </Card>
  );
}

/** The branch's year so far: meetings held, attendance, leaves, measures on time, observers' mark; coordinators export every branch's. */
function BranchYear({ branchId, coordinator }: { branchId: string; coordinator: boolean }) {
  const [figures, setFigures] = useState<BranchYearFigures>();
  const { busy, run } = useAction();
  useEffect(
    () =>
      void api.meetings.branchStatistics({ params: { id: branchId } }).then(
        ({ statistics }) => setFigures(statistics),
        () => undefined,
      ),
    [branchId],
  );
  if (!figures) return null;
  return (
    <View className='card plan__statistics'>
      <Text className='section-title'>{figures.year} 年统计</Text>
      <Text className='plan__modules plan__attendance'>
        召开会议 {figures.meetings} 次 · 出席率 {figures.attendanceRate === null ? '—' : `${figures.attendanceRate}%`}
      </Text>
      {/* Person-times, each meeting counted as its 签到名单 counts it (应到 = 实到 + 请假 + 缺席 once it has ended). */}
      <Text className='plan__modules plan__counts'>
        应到 {figures.expected} · 已报名 {figures.registered} · 实到 {figures.attended} · 请假 {figures.leaves} · 缺席 {figures.absent}
        （人次）
      </Text>
      <Text className='plan__modules'>
        措施 {figures.measures} 项，按期完成 {figures.measuresDoneOnTime} 项 · 观摩评分{' '}
        {figures.observerMark === null ? '—' : (figures.observerMark / 100).toFixed(2)}（{figures.observerSheets} 份）
      </Text>
      <Text className='plan__modules plan__compliance'>
        三会一课 已开 {figures.compliance.held}/{figures.compliance.expected} 期 · 逾期 {figures.compliance.overdue} 期 · 完成率{' '}
        {figures.compliance.rate === null ? '—' : `${figures.compliance.rate}%`}
      </Text>
      <Text className='plan__modules plan__party-points'>党员积分 全支部合计 {figures.partyPoints} 分（民主评议参考）</Text>
      {coordinator && (
        <Button
          size='small'
          className='plan__export'
          loading={busy}
          onClick={() =>
            run(async () =>
              saveOfficeFile(
                await downloadFormat(contract.meetingDocuments.statisticsWorkbook, 'xlsx', {}),
                `支部年度统计-${figures.year}.xlsx`,
              ),
            )
          }
        >
          导出全部支部年度统计
        </Button>
      )}
    </View>
  );
}

/** A proposed meeting; a coordinator makes it a draft meeting on the chosen day and goes on editing it there. */
function ProposedMeeting({ item, branchId, mayCreate }: { item: Item; branchId: string; mayCreate: boolean }) {
  const [date, setDate] = useState(toCenterIso(new Date(Date.now() + 7 * item.order * 24 * 3600 * 1000)).slice(0, 10));
  const { busy, run } = useAction();
  const create = () =>
    run(async () => {
      const { activity } = await api.activities.create({
        body: {
          kind: 'meeting',
          title: `${item.theme}主题党日（第${item.order}次）`,
          theme: item.theme,
          branchId,
          venue: '和乐党群服务中心',
          startsAt: `${date}T14:00:00+08:00`,
          endsAt: `${date}T16:30:00+08:00`,
          capacity: 30,
          discussionFormat: item.format,
          agenda: [
            ...item.modules.map((module) => ({ title: module.name, minutes: module.minutes })),
            { title: '形成措施并明确责任人', minutes: 20 },
          ],
          description: [
            ...item.reasons,
            `${DISCUSSION_FORMAT_LABELS[item.format]}的步骤：`,
            ...DISCUSSION_FORMAT_STEPS[item.format].map((step, index) => `${index + 1}. ${step}`),
          ].join('\n'),
          publish: false,
        },
      });
      toastOnNextPage({ title: '已生成活动草稿', icon: 'success' });
      await Taro.navigateTo({ url: `/activity/edit/index?id=${activity.id}` });
    });
  return (
    <View className='card plan__item'>
      <Text className='section-title'>
        第 {item.order} 次 · {item.theme} · {DISCUSSION_FORMAT_LABELS[item.format] ?? item.format}
      </Text>
      <Text className='plan__modules'>{item.modules.map((module) => `${module.name}（${module.minutes} 分钟）`).join(' + ')}</Text>
      {item.reasons.map((reason) => (
        <Text key={reason} className='plan__reason'>
          {reason}
        </Text>
      ))}
      <Text className='plan__reason plan__steps'>
        {DISCUSSION_FORMAT_LABELS[item.format]}：
        {DISCUSSION_FORMAT_STEPS[item.format].map((step, index) => `${index + 1}. ${step}`).join(' ')}
      </Text>
      {mayCreate && (
        <View className='plan__row'>
          <Picker mode='date' value={date} onChange={(e) => setDate(String(e.detail.value))}>
            <Text className='plan__link'>{date}</Text>
          </Picker>
          <Button size='small' type='primary' className='plan__create' loading={busy} onClick={create}>
            转为活动
          </Button>
        </View>
      )}
    </View>
  );
}

export default function BranchPlanPage() {
  const user = useCurrentUser();
  const [branchId, setBranchId] = useState(useRouteParam('branchId') ?? user?.branchId ?? '');
  const [profile, setProfile] = useState<BranchProfileResponse>();
  const [themes, setThemes] = useState<string[]>([]);
  const [proposal, setProposal] = useState<PlanProposal>();
  const proposing = useForm(PlanRequest, { theme: '', meetings: 3 });
  const { theme, meetings } = proposing.values;
  const { busy, run } = useAction();
  const load = (id = branchId) => id && run(async () => setProfile(await api.branches.profile({ params: { id } })));
  const coordinator = !!user && hasAnyRole(user.roles, [Role.COORDINATOR]);
  // A coordinator keeps every branch's plan: they pick the branch by its name.
  const [branches, setBranches] = useState<Branch[]>([]);
  useEffect(() => {
    if (coordinator) api.directory.list({ query: { limit: 100 } }).then(({ items }) => setBranches(items), showError);
  }, [coordinator]);
  const pick = (branch: Branch | undefined) => {
    if (!branch) return;
    setBranchId(branch.id);
    setProposal(undefined);
    void load(branch.id);
  };
  useDidShow(() => {
    void load();
    // The period themes running now (or next) are offered; the first is the default.
    api.branches.themes().then(
      ({ current }) => {
        const names = [...new Set(current.map((item) => item.name))];
        setThemes(names);
        proposing.set('theme', (typed) => typed || names[0] || '');
      },
      () => undefined,
    );
  });
  const keeper = coordinator || (!!user && user.roles.includes(Role.SECRETARY) && user.branchId === branchId);

  return (
    <View className='page plan'>
      {coordinator && (
        <View className='card plan__row'>
          <Picker
            mode='selector'
            range={branches.map((branch) => branch.name)}
            value={Math.max(
              0,
              branches.findIndex((branch) => branch.id === branchId),
            )}
            onChange={(e) => pick(branches[Number(e.detail.value)])}
          >
            <View className='plan__branch'>
              {branches.find((branch) => branch.id === branchId)?.name ??
                (branches.length ? '选择支部 ›' : '还没有支部，请先在支部管理中创建')}
            </View>
          </Picker>
          <Button size='small' className='plan__library' onClick={() => Taro.navigateTo({ url: '/branch/library/index' })}>
            模块库
          </Button>
        </View>
      )}
      {profile && (
        <View className='card plan__profile'>
          <Text className='section-title'>支部画像 · {profile.profile.size} 名党员</Text>
          {AgeBandSchema.options.map((band) => (
            <View key={band} className='plan__bar'>
              <Text className='plan__band'>{AGE_BAND_LABELS[band]}</Text>
              <View
                className='plan__fill'
                style={{ width: `${((profile.profile.ages[band] ?? 0) / Math.max(1, profile.profile.size)) * 60}%` }}
              />
              <Text>{countLabel(profile.profile.ages[band])}</Text>
            </View>
          ))}
          <Text className='muted'>
            {[
              ...EDUCATIONS.filter((item) => (profile.profile.education[item] ?? 0) > 0).map(
                (item) => `${EDUCATION_LABELS[item]} ${profile.profile.education[item]} 人`,
              ),
              // Outside the branch, counts under 5 are withheld (null).
              ...(EDUCATIONS.some((item) => profile.profile.education[item] === null) ? [`不足 ${SMALL_COUNT} 人的项不显示人数`] : []),
            ].join('，')}
          </Text>
          {profile.roster.map((member) => (
            <View key={member.userId} className='plan__row plan__member'>
              <Text>{member.nickname}</Text>
              <Text className='muted'>
                {AGE_BAND_LABELS[member.ageBand]}
                {member.education ? ` · ${EDUCATION_LABELS[member.education]}` : ''}
                {member.joinedOn ? ` · ${member.joinedOn.slice(0, 4)} 年入党` : ''}
              </Text>
            </View>
          ))}
          {profile.unrecorded.map((member) => (
            <RecordMember key={member.userId} branchId={branchId} member={member} onRecorded={setProfile} />
          ))}
        </View>
      )}
      {profile && keeper && <BranchYear key={branchId} branchId={branchId} coordinator={coordinator} />}
      {profile && keeper && <BranchNotes branchId={branchId} profile={profile} onSaved={setProfile} />}
      {profile && keeper && (
        <Card title='生成方案'>
          <CheckedInput {...proposing.field('theme')} className='plan__theme' placeholder='阶段主题，如：两学一做、五水共治' />
          <View className='plan__themes'>
            {themes.map((name) => (
              <Text key={name} className={`chip ${theme === name ? 'chip--on' : ''}`} onClick={() => proposing.set('theme', name)}>
                {name}
              </Text>
            ))}
          </View>
          <Picker
            mode='selector'
            range={COUNTS.map((count) => `${count} 次会议`)}
            value={meetings - 1}
            onChange={(e) => proposing.set('meetings', COUNTS[Number(e.detail.value)]!)}
          >
            <View className='plan__field'>{meetings} 次会议</View>
          </Picker>
          <Button
            block
            type='primary'
            className='plan__propose'
            loading={busy}
            onClick={() =>
              run(async () => {
                const body = proposing.check();
                if (body) setProposal(await api.branches.propose({ params: { id: branchId }, body }));
              })
            }
          >
            生成方案
          </Button>
        </Card>
      )}
      {proposal?.items.map((item) => (
        <ProposedMeeting key={`${proposal.branchId}-${item.order}`} item={item} branchId={proposal.branchId} mayCreate={coordinator} />
      ))}
    </View>
  );
}
