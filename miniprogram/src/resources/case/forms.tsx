/** The form of each step of a case: what the coordinator writes before the case may move on. */
import { View, Text, Textarea } from '@tarojs/components';
import {
  AssessmentForm,
  EstimationForm,
  EvaluationForm,
  GOAL_OUTCOME_LABELS,
  OFFER_KIND_LABELS,
  PlanForm,
  PRIORITY_LABELS,
  type Case,
  type CaseForm,
  type CaseFormStep,
  type OfferKind,
} from '@hele/shared';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import { Choice } from '@/components/choice';
import FieldError from '@/components/field-error';
import { useForm } from '@/hooks/use-form';
import { typedNumber, useCheckedSubmit } from '@/hooks/use-form-check';
import { Button } from '@/ui';

type Priority = keyof typeof PRIORITY_LABELS;
type Outcome = keyof typeof GOAL_OUTCOME_LABELS;
const PRIORITIES = Object.keys(PRIORITY_LABELS) as Priority[];
const OUTCOMES = Object.keys(GOAL_OUTCOME_LABELS) as Outcome[];
const KINDS = Object.keys(OFFER_KIND_LABELS) as OfferKind[];

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

interface FormProps {
  record: Case;
  onSave: (step: CaseFormStep, form: CaseForm) => Promise<unknown>;
}

/** Saves the step's form: tappable whatever is typed, the form says under each field what is missing. */
function SaveButton({ onClick, busy }: { onClick: () => void; busy: boolean }) {
  return (
    <Button block type='primary' className='case__save' loading={busy} onClick={onClick}>
      保存
    </Button>
  );
}

function AssessmentStep({ record, onSave }: FormProps) {
  const form = useForm(AssessmentForm, {
    notes: record.forms.assessment?.notes ?? '',
    priority: record.forms.assessment?.priority ?? ('normal' as Priority),
  });
  const { busy, submit: save } = useCheckedSubmit(form, async (body) => {
    await onSave('assessment', body);
  });
  return (
    <View>
      <CheckedTextarea
        {...form.field('notes')}
        className='text-box case__notes'
        maxlength={2000}
        placeholder='评估记录：需求是什么、有多迫切、已有哪些支持'
      />
      <Choice label='优先级' options={PRIORITIES} labels={PRIORITY_LABELS} {...form.choice('priority')} />
      <SaveButton busy={busy} onClick={save} />
    </View>
  );
}

function EstimationStep({ record, onSave }: FormProps) {
  // A line is checked as the list's lines are; the list as the server checks it.
  const line = useForm(
    EstimationForm.shape.resources.element,
    { kind: 'goods' as OfferKind, description: '', quantity: '' },
    { input: ({ quantity, ...rest }) => ({ ...rest, quantity: typedNumber(quantity) }) },
  );
  const form = useForm(EstimationForm, { resources: record.forms.estimation?.resources ?? [] });
  const rows = form.values.resources;
  const add = () => {
    const row = line.check();
    if (!row) return;
    form.set('resources', [...rows, row]);
    line.reset('description', 'quantity');
  };
  const { busy, submit: save } = useCheckedSubmit(form, async (body) => {
    await onSave('estimation', body);
  });
  return (
    <View>
      {rows.map((row, index) => (
        <View key={index} className='resources__row'>
          <Text>
            {OFFER_KIND_LABELS[row.kind]} · {row.description}
            {row.quantity ? ` × ${row.quantity}` : ''}
          </Text>
          <Text
            className='resources__link'
            onClick={() =>
              form.set(
                'resources',
                rows.filter((_, i) => i !== index),
              )
            }
          >
            删除
          </Text>
        </View>
      ))}
      <FieldError field='resources' message={form.problem('resources')} />
      <Choice label='资源类型' options={KINDS} labels={OFFER_KIND_LABELS} {...line.choice('kind')} />
      <CheckedInput {...line.field('description')} className='case__resource' placeholder='需要的资源，如：午餐盒饭' />
      <CheckedInput {...line.field('quantity')} className='case__quantity' type='digit' placeholder='数量（可不填）' />
      <View className='resources__actions'>
        <Button size='small' className='case__add-resource' onClick={add}>
          加入清单
        </Button>
      </View>
      <SaveButton busy={busy} onClick={save} />
    </View>
  );
}

function PlanningStep({ record, onSave }: FormProps) {
  const form = useForm(
    PlanForm,
    {
      goals: (record.forms.planning?.goals ?? []).join('\n'),
      tasks: (record.forms.planning?.tasks ?? []).map((task) => task.text).join('\n'),
    },
    { input: ({ goals, tasks }) => ({ goals: lines(goals), tasks: lines(tasks).map((text) => ({ text })) }) },
  );
  const { busy, submit: save } = useCheckedSubmit(form, async (body) => {
    await onSave('planning', body);
  });
  return (
    <View>
      <CheckedTextarea {...form.field('goals')} className='text-box case__goals' maxlength={2000} placeholder='目标，每行一个' />
      <CheckedTextarea {...form.field('tasks')} className='text-box case__tasks' maxlength={3000} placeholder='任务，每行一个（可不填）' />
      <SaveButton busy={busy} onClick={save} />
    </View>
  );
}

function EvaluationStep({ record, onSave }: FormProps) {
  const goals = record.forms.planning?.goals ?? [];
  const saved = record.forms.evaluation;
  const form = useForm(
    EvaluationForm,
    {
      outcomes: goals.map((_, goal): Outcome => saved?.measures.find((measure) => measure.goal === goal)?.outcome ?? 'met'),
      summary: saved?.summary ?? '',
    },
    { input: ({ outcomes, summary }) => ({ measures: outcomes.map((outcome, goal) => ({ goal, outcome })), summary }) },
  );
  const { outcomes } = form.values;
  const { busy, submit: save } = useCheckedSubmit(form, async (body) => {
    await onSave('evaluation', body);
  });
  return (
    <View>
      {goals.map((goal, index) => (
        <Choice
          key={index}
          label={`目标 ${index + 1}「${goal}」`}
          options={OUTCOMES}
          labels={GOAL_OUTCOME_LABELS}
          value={outcomes[index]!}
          onChange={(outcome) =>
            form.set(
              'outcomes',
              outcomes.map((item, i) => (i === index ? outcome : item)),
            )
          }
        />
      ))}
      <Textarea
        className='text-box case__summary'
        value={form.values.summary}
        maxlength={2000}
        placeholder='结果评估总结'
        onInput={(e) => form.set('summary', e.detail.value)}
        onBlur={form.touch('summary')}
      />
      <FieldError field='measures' message={form.problem('measures')} />
      <FieldError field='summary' message={form.problem('summary')} />
      <SaveButton busy={busy} onClick={save} />
    </View>
  );
}

const STEP_FORMS: Record<CaseFormStep, (props: FormProps) => JSX.Element> = {
  assessment: AssessmentStep,
  estimation: EstimationStep,
  planning: PlanningStep,
  evaluation: EvaluationStep,
};

/** The form of the step the case is at, if that step has one. */
export function StepForm({ record, onSave }: FormProps) {
  const Form = STEP_FORMS[record.stage as CaseFormStep];
  return Form ? <Form key={`${record.id}-${record.stage}`} record={record} onSave={onSave} /> : null;
}

/** What the saved forms say, step by step. */
export function SavedForms({ record }: { record: Case }) {
  const { assessment, estimation, planning, evaluation } = record.forms;
  return (
    <View className='case__saved'>
      {assessment && (
        <Text className='resources__event'>
          评估：{assessment.notes}（优先级 {PRIORITY_LABELS[assessment.priority]}）
        </Text>
      )}
      {estimation && (
        <Text className='resources__event'>
          预估：
          {estimation.resources
            .map((row) => `${OFFER_KIND_LABELS[row.kind]}·${row.description}${row.quantity ? `×${row.quantity}` : ''}`)
            .join('；')}
        </Text>
      )}
      {planning && <Text className='resources__event'>计划目标：{planning.goals.map((goal, i) => `${i + 1}. ${goal}`).join(' ')}</Text>}
      {evaluation && (
        <Text className='resources__event'>
          结果：{evaluation.measures.map((measure) => `目标${measure.goal + 1}${GOAL_OUTCOME_LABELS[measure.outcome]}`).join('，')}。
          {evaluation.summary}
        </Text>
      )}
    </View>
  );
}
