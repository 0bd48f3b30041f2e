/**
 * Renews tokens whose renewal time passed while the dashboard is on screen, with one timer for
 * the earliest one due, never sooner than each credential's guard allows and never for
 * production environments that ask first (see `renewalDue`).
 */
import { useEffect } from 'react';
import { useEnvironments } from '../../state/environments';
import { useDashboard, type TokenId } from './store';
import { renewalDue } from './token-rules';

const LONGEST_TIMER_MS = 2 ** 31 - 1;

export function useAutoRenew(): void {
  useEffect(() => {
    const attempted = new Map<TokenId, number | null>();
    const visible = () => document.visibilityState === 'visible';
    let visibleSince = visible() ? Date.now() : Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;

    function plan(): void {
      clearTimeout(timer);
      if (!visible()) return;
      const { statuses, busy } = useDashboard.getState();
      const environments = new Map(useEnvironments.getState().environments.map((e) => [e.id, e]));
      const now = Date.now();
      let next = Infinity;
      const due: TokenId[] = [];
      for (const [id, status] of Object.entries(statuses)) {
        if (busy[id]) continue;
        const environment = environments.get(status.key.environmentId);
        const at = renewalDue(status, {
          visibleSince,
          attemptedRenewAt: attempted.get(id) ?? undefined,
          confirmationNeeded: environment ? environment.production && environment.confirmProduction : true,
        });
        if (at === null) continue;
        if (at <= now) due.push(id);
        else next = Math.min(next, at);
      }
      if (next !== Infinity) timer = setTimeout(plan, Math.min(next - now + 50, LONGEST_TIMER_MS));
      // Fetching changes the store, which plans again: start them only after this pass.
      for (const id of due) {
        const { statuses: current, busy: running, fetch } = useDashboard.getState();
        const status = current[id];
        if (!status || running[id]) continue;
        attempted.set(id, status.renewAt);
        void fetch(status.key, { automatic: true });
      }
    }

    const onVisibility = () => {
      visibleSince = visible() ? Date.now() : Infinity;
      plan();
    };
    const stop = useDashboard.subscribe((state, previous) => {
      if (state.statuses !== previous.statuses || state.busy !== previous.busy) plan();
    });
    document.addEventListener('visibilitychange', onVisibility);
    plan();
    return () => {
      stop();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
