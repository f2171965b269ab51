/**
 * One pane action at a time: `run(what, action)` marks `what` busy, reports the action's
 * result (or its error) in the pane's message area, and clears the mark afterwards.
 * An action that has nothing to report (e.g. no way to hand a file over) returns nothing.
 */
import { useState } from 'react';
import type { Reporter } from '../App';
import type { ActionResult } from '../host';

export function useAction<K extends string>(report: Reporter) {
  const [busy, setBusy] = useState<K | null>(null);
  const run = async (what: K, action: () => Promise<ActionResult | undefined>) => {
    setBusy(what);
    try {
      const result = await action();
      if (result) report.done(result);
    } catch (e) {
      report.error(e);
    } finally {
      setBusy((b) => (b === what ? null : b));
    }
  };
  return [busy, run] as const;
}
