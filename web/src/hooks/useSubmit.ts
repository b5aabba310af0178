/**
 * A form's submission: `busy` while it runs; the error it threw is kept (for <ProblemAlert>)
 * until the next try.
 */
import { useState } from 'react';

export interface Submit {
  busy: boolean;
  error: unknown;
  /** runs `action`: true when it succeeded, false when it threw (the error is then kept) */
  run: (action: () => Promise<void>) => Promise<boolean>;
}

export function useSubmit(): Submit {
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
