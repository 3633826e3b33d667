/**
 * A form checked against its shared schema, the one the server checks it with: each field's problem in
 * Chinese (shared/schemas/field-messages), shown under the field once it was left or a submit was tried.
 * A form never just greys out its button: tapping it says what to change.
 */
import { useState } from 'react';
import type * as z from 'zod';
import { useAction } from '@/hooks/use-action';

/** What a field needs of its form: its problem, and the handler that makes it show (components/checked-input). */
export interface FieldChecks {
  problem: (field: string) => string | undefined;
  touch: (field: string) => () => void;
}

/** `values` are the form as typed: any field may still be missing or wrong (the schema says what of). */
export const useFormCheck = <S extends z.ZodType>(schema: S, values: { [K in keyof z.input<S>]?: unknown }) => {
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const result = schema.safeParse(values);
  const problems: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) problems[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  }
  return {
    valid: result.success,
    /** The field's problem (or the first of its parts': a list's line), once the person has left the field or tried to submit. */
    problem: (field: string): string | undefined =>
      tried || touched[field] ? (problems[field] ?? Object.entries(problems).find(([key]) => key.startsWith(`${field}.`))?.[1]) : undefined,
    /** For a field's onBlur: from now on its problem shows. */
    touch: (field: string) => () => setTouched((current) => ({ ...current, [field]: true })),
    /** On submit: shows every problem; the parsed values when there is none. */
    check: (): z.output<S> | undefined => {
      setTried(true);
      return result.success ? result.data : undefined;
    },
    /** After a form was sent and emptied for the next entry: its empty fields say nothing until tried again. */
    reset: () => {
      setTried(false);
      setTouched({});
    },
  };
};

/**
 * A checked form's submit: checks it (every problem shows), and with nothing to change sends the parsed
 * values, one run at a time with `busy` while it runs and a failure shown in Chinese (hooks/use-action).
 */
export const useCheckedSubmit = <T>(form: { check: () => T | undefined }, send: (body: T) => Promise<unknown>) => {
  const { busy, run } = useAction();
  const submit = () =>
    run(async () => {
      const body = form.check();
      if (body) await send(body);
    });
  return { busy, submit };
};

const decimal = (text: string): number | undefined => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : undefined);

/**
 * A typed number as the schema should see it: missing (必填) while empty, NaN (格式不正确) when what was
 * typed is not a number `read` accepts (by default a plain decimal; `yuanToFen` for 元).
 */
export const typedNumber = (text: string, read: (text: string) => number | undefined = decimal): number | undefined =>
  text.trim() ? (read(text) ?? Number.NaN) : undefined;
