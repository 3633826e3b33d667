import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CASE_SOURCE_LABELS, CaseInput, type CaseSource } from '@hele/shared';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import { Choice } from '@/components/choice';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { useForm } from '@/hooks/use-form';
import { Button } from '@/ui';

const SOURCES = Object.keys(CASE_SOURCE_LABELS) as CaseSource[];

function CaseForm({ sent }: { sent: CaseInput[] }) {
  const form = useForm(
    CaseInput,
    { title: '', source: 'visit' as CaseSource, requester: '', description: '' },
    { optional: ['requester'] },
  );
  const { submit } = useCheckedSubmit(form, async (body) => {
    sent.push(body);
    form.reset();
  });
  return (
    <>
      <CheckedInput {...form.field('title')} placeholder='需求名称' />
      <Choice label='来源' options={SOURCES} labels={CASE_SOURCE_LABELS} {...form.choice('source')} />
      <CheckedInput {...form.field('requester')} placeholder='需求方' />
      <CheckedTextarea {...form.field('description')} className='case-description' placeholder='需求描述' />
      <Button onClick={submit}>建立个案</Button>
    </>
  );
}

const field = (placeholder: string) => screen.getAllByPlaceholderText(placeholder).at(-1) as HTMLInputElement;

const type = (placeholder: string, value: string) => fireEvent.input(field(placeholder), { target: { value } });

/** Taro's textarea reports what was typed in the event's detail. */
const describeNeed = (container: HTMLElement, value: string) =>
  fireEvent(container.querySelector('.case-description')!, new CustomEvent('input', { detail: { value }, bubbles: true }));

const description = (container: HTMLElement) => container.querySelector('.case-description')!.getAttribute('value');

describe('useForm', () => {
  it('shows a field’s problem after a submit, sends the parsed values without a blank optional field, and resets to the initial values', async () => {
    const sent: CaseInput[] = [];
    const { container } = render(<CaseForm sent={sent} />);
    expect(container.querySelector('.field-error')).toBeNull();
    type('需求名称', '独居老人助餐');
    type('需求方', '   ');
    fireEvent.click(screen.getByText('建立个案'));
    await waitFor(() => expect(container.querySelector('.field-error--description')).not.toBeNull());
    expect(container.querySelector('.field-error--title')).toBeNull();
    expect(container.querySelector('.field-error--description')?.textContent).toMatch(/[\u4e00-\u9fa5]/);
    expect(sent).toEqual([]);

    describeNeed(container, '每天中午送餐上门');
    fireEvent.click(screen.getByText('建立个案'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ title: '独居老人助餐', source: 'visit', description: '每天中午送餐上门' });
    expect('requester' in sent[0]!).toBe(false);
    await waitFor(() => expect(field('需求名称').value).toBe(''));
    expect(description(container)).toBe('');
    expect(container.querySelector('.field-error')).toBeNull();
    expect(screen.getByText('来源：走访发现')).toBeTruthy();
  });

  it('sends an optional field once it holds text', async () => {
    const sent: CaseInput[] = [];
    const { container } = render(<CaseForm sent={sent} />);
    type('需求名称', '独居老人助餐');
    type('需求方', '刘奶奶');
    describeNeed(container, '每天中午送餐上门');
    fireEvent.click(screen.getByText('建立个案'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ title: '独居老人助餐', source: 'visit', requester: '刘奶奶', description: '每天中午送餐上门' });
  });
});
