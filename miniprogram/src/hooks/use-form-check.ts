/**
 * A form checked against its shared schema, the one the server checks it with: each field's problem in
 * Chinese (shared/schemas/field-messages), shown under the field once it was left or a submit was tried.
 * A form never just greys out its button: tapping it says what to change.
 */
import { useState } from 'react';
import type * as z from 'zod';

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
    /** The field's problem, once the member has left the field or tried to submit. */
    problem: (field: string): string | undefined => (tried || touched[field] ? problems[field] : undefined),
    /** For a field's onBlur: from now on its problem shows. */
    touch: (field: string) => () => setTouched((current) => ({ ...current, [field]: true })),
    /** On submit: shows every problem; the parsed values when there is none. */
    check: (): z.output<S> | undefined => {
      setTried(true);
      return result.success ? result.data : undefined;
    },
  };
};
