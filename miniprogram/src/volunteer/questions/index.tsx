/**
 * 题库 (coordinator): the certification bank and each training topic's quiz bank, picked at the top;
 * the bank's questions with their right options, a form to add one, and retiring a question.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { QuestionInput, type ExamBank, type Question } from '@hele/shared';
import { api } from '@/api';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import FieldError from '@/components/field-error';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Input, Tag } from '@/ui';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { showError } from '@/utils/feedback';
import BankPicker from '../bank-picker';
import { BANK_LABELS } from '../labels';
import './index.scss';

const LETTERS = 'ABCDEF';

function QuestionForm({ bank, onAdded }: { bank: ExamBank; onAdded: () => void }) {
  const form = useForm(
    QuestionInput,
    { category: '', text: '', options: ['', '', '', ''], answer: [] as number[] },
    {
      input: ({ options, answer, ...rest }) => ({
        ...rest,
        type: answer.length > 1 ? 'multiple' : 'single',
        options: options.map((option) => option.trim()).filter(Boolean),
        answer,
      }),
    },
  );
  const { options, answer } = form.values;
  const toggle = (index: number) =>
    form.set('answer', (current) => (current.includes(index) ? current.filter((i) => i !== index) : [...current, index].sort()));
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.volunteers.addQuestion({ query: { bank }, body });
    void Taro.showToast({ title: `已加入${BANK_LABELS[bank]}题库`, icon: 'success' });
    // The category stays: the next question likely shares it.
    form.reset('text', 'options', 'answer');
    onAdded();
  });
  return (
    <View className='card questions__form'>
      <Text className='section-title'>新增题目 · {BANK_LABELS[bank]}</Text>
      <CheckedInput {...form.field('category')} placeholder='分类，如：礼仪、应急抢救、心理辅导' />
      <CheckedTextarea {...form.field('text')} className='text-box questions__text' maxlength={300} placeholder='题干' />
      {options.map((option, index) => (
        <View key={index} className='questions__option'>
          <Text className={`questions__letter ${answer.includes(index) ? 'questions__letter--right' : ''}`} onClick={() => toggle(index)}>
            {LETTERS[index]}
          </Text>
          <Input
            placeholder={`选项 ${LETTERS[index]}`}
            value={option}
            onChange={(value) => form.set('options', (current) => current.map((o, i) => (i === index ? value : o)))}
          />
        </View>
      ))}
      <FieldError field='options' message={form.problem('options')} />
      <Text className='muted'>点字母标记正确答案；标记多个即为多选题。</Text>
      <FieldError field='answer' message={form.problem('answer')} />
      <Button block type='primary' loading={busy} className='questions__add' onClick={submit}>
        加入题库
      </Button>
    </View>
  );
}

/** An empty topic bank leaves the topic without a quiz; a full paper's worth gives it one. */
const emptyNote = (bank: ExamBank) =>
  bank === 'certification'
    ? '至少需要一套试卷的题目数，志愿者才能参加考试'
    : '题目够一套测验后即开启测验：此后该培训签到后需通过测验才算完成';

export default function QuestionsPage() {
  const [bank, setBank] = useState<ExamBank>('certification');
  const questions = usePagedList<Question>((cursor) => api.volunteers.questions({ query: { cursor, bank } }), [bank]);
  const retire = async (question: Question) => {
    try {
      await api.volunteers.updateQuestion({ params: { id: question.id }, query: { bank }, body: { active: !question.active } });
      void questions.refresh();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <View className='page questions'>
      <BankPicker bank={bank} onChange={setBank} />
      <QuestionForm bank={bank} onAdded={() => void questions.refresh()} />
      <Text className='section-title'>{BANK_LABELS[bank]}题库</Text>
      <PagedItems
        list={questions}
        empty={<EmptyView title='题库为空' description={emptyNote(bank)} />}
        row={(question) => (
          <View key={question.id} className={`card questions__item ${question.active ? '' : 'questions__item--off'}`}>
            <View className='questions__head'>
              <Tag type='primary'>{question.category}</Tag>
              <Tag>{question.type === 'multiple' ? '多选' : '单选'}</Tag>
              {!question.active && <Tag type='default'>已停用</Tag>}
            </View>
            <Text className='questions__stem'>{question.text}</Text>
            {question.options.map((option, index) => (
              <Text key={option} className={`questions__choice ${question.answer.includes(index) ? 'questions__choice--right' : ''}`}>
                {LETTERS[index]}. {option}
              </Text>
            ))}
            <Button size='small' className='questions__toggle' onClick={() => retire(question)}>
              {question.active ? '停用' : '启用'}
            </Button>
          </View>
        )}
      />
    </View>
  );
}
