/**
 * A text field (CheckedInput) or text box (CheckedTextarea) of a checked form (hooks/use-form-check): its problem shows under it, in Chinese, once the
 * person has left it or tried to submit. The one way a form's input says what is wrong with it.
 */
import { Textarea } from '@tarojs/components';
import type { ComponentProps } from 'react';
import FieldError from '@/components/field-error';
import type { FieldChecks } from '@/hooks/use-form-check';
import { Input } from '@/ui';

type Props = Omit<ComponentProps<typeof Input>, 'onBlur'> & { form: FieldChecks; field: string };

export default function CheckedInput({ form, field, ...input }: Props) {
  return (
    <>
      <Input {...input} onBlur={form.touch(field)} />
      <FieldError field={field} message={form.problem(field)} />
    </>
  );
}

type TextareaProps = Omit<ComponentProps<typeof Textarea>, 'onBlur' | 'onInput'> & {
  form: FieldChecks;
  field: string;
  onChange: (value: string) => void;
};

/** A text box of a checked form: like CheckedInput, for longer text. */
export function CheckedTextarea({ form, field, onChange, ...textarea }: TextareaProps) {
  return (
    <>
      <Textarea {...textarea} onInput={(e) => onChange(e.detail.value)} onBlur={form.touch(field)} />
      <FieldError field={field} message={form.problem(field)} />
    </>
  );
}
