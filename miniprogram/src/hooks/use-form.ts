/**
 * A form that owns its fields' values and checks them against the shared schema the server checks them with
 * (hooks/use-form-check): `form.values`, `form.set(field, value)`, `{...form.field('title')}` for a
 * CheckedInput/CheckedTextarea, `{...form.input('hours', 'minutes')}` for a plain Input, `{...form.choice('source')}` for a Choice, and `form.reset()` that puts back
 * the initial values for the next entry (their problems hidden until tried again); `form.reset('title', 'body')`
 * empties only those, where the next entry likely keeps the rest (a kind, a date).
 */
import { useState } from 'react';
import type * as z from 'zod';
import { type FieldChecks, useFormCheck } from '@/hooks/use-form-check';

type StringField<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface FormOptions<V> {
  /** Text fields the schema takes as optional: left out of what is checked and sent while blank (only spaces). */
  optional?: readonly StringField<V>[];
  /** What the schema is given when it is not the values as typed, e.g. a typed number read with `typedNumber`. */
  input?: (values: V) => Record<string, unknown>;
}

export const useForm = <S extends z.ZodType, V extends Record<string, unknown>>(schema: S, initial: V, options: FormOptions<V> = {}) => {
  const [values, setValues] = useState<V>(initial);
  const typed: Record<string, unknown> = options.input ? options.input(values) : { ...values };
  for (const field of options.optional ?? []) {
    if (!String(typed[field] ?? '').trim()) delete typed[field];
  }
  const checks = useFormCheck(schema, typed as { [K in keyof z.input<S>]?: unknown });
  /** A field's new value, or how to make it from the current one (e.g. after a load, unless the person typed one). */
  const set = <K extends keyof V>(field: K, value: V[K] | ((current: V[K]) => V[K])) =>
    setValues((current) => ({
      ...current,
      [field]: typeof value === 'function' ? (value as (current: V[K]) => V[K])(current[field]) : value,
    }));
  const text = <K extends StringField<V>>(field: K) => ({
    value: values[field] as string,
    onChange: (value: string) => set(field, value as V[K]),
  });
  return {
    ...checks,
    values,
    set,
    /** A text field's props: `<CheckedInput {...form.field('title')} placeholder='…' />`. */
    field: <K extends StringField<V>>(field: K) => ({ form: checks as FieldChecks, field, ...text(field) }),
    /**
     * A plain Input's props, for a field whose problem the page shows elsewhere (after its row, or in its own
     * words): leaving it shows the problem of `checkedAs`, the schema's name for it (by default the field's own).
     */
    input: <K extends StringField<V>>(field: K, checkedAs: string = field) => ({ ...text(field), onBlur: checks.touch(checkedAs) }),
    /** A Choice's value and onChange: `<Choice label='来源' … {...form.choice('source')} />`. */
    choice: <K extends keyof V>(field: K) => ({ value: values[field], onChange: (value: V[K]) => set(field, value) }),
    /** After a form was sent: its initial values again (only the `fields` named, if any), their problems quiet until the next try. */
    reset: (...fields: (keyof V)[]) => {
      setValues((current) =>
        fields.length ? { ...current, ...Object.fromEntries(fields.map((field) => [field, initial[field]])) } : initial,
      );
      checks.reset();
    },
  };
};
