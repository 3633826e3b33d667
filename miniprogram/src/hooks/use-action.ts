/** A form's submit: one run at a time, `busy` while it runs, a failure shown in Chinese. */
import { useState } from 'react';
import { type ConfirmOptions, confirmAction, showError } from '@/utils/feedback';

export const useAction = () => {
  const [busy, setBusy] = useState(false);
  /** Answers whether the action succeeded. */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      await action();
      return true;
    } catch (error) {
      showError(error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** Asks first (`question`, a confirmAction); runs `action` only once the person confirmed. */
  const runConfirmed = (question: ConfirmOptions, action: () => Promise<unknown>) =>
    run(async () => {
      if (await confirmAction(question)) await action();
    });
  return { busy, run, runConfirmed };
};
