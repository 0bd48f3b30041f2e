/**
 * The live token dashboard, the app's home view: one card (or, in list mode, one line) per
 * environment x credential with a live countdown, renewal while on screen, and what to do next
 * when there is nothing yet.
 */
import { Suspense, useEffect, type ComponentType } from 'react';
import type { TokenKey } from '../../../../shared/domain/token';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TokenAdminDialogs } from './TokenAdmin';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { focusWhenShown } from '../../lib/focus';
import { useCredentials } from '../../state/credentials';
import { useShell } from '../../state/shell';
import { useSecretsUnavailable, useVault } from '../../state/vault';
import { useDemo } from './demo-store';
import { DemoPanel } from './DemoPanel';
import { useDashboard } from './store';
import { TokenList, useTokenGroups } from './TokenList';
import { useAutoRenew } from './use-auto-renew';
import { useSignIns } from './sign-in-store';
import './dashboard.css';

/** The dialog that decodes one token (the inspector feature), handed in by the shell. */
export type TokenInspector = ComponentType<{ tokenKey: TokenKey; onClose(): void }>;

export function DashboardView({ inspector: Inspector }: { inspector: TokenInspector }) {
  const loaded = useDashboard((s) => s.loaded);
  const loadError = useDashboard((s) => s.loadError);
  const query = useDashboard((s) => s.query);
  const grouped = useDashboard((s) => s.grouped);
  const layout = useDashboard((s) => s.layout);
  const confirmation = useDashboard((s) => s.confirmation);
  const inspecting = useDashboard((s) => s.inspecting);
  const demoError = useDemo((s) => s.error);
  const { groups, total } = useTokenGroups();
  const { setQuery, setGrouped, setLayout, confirm, cancelConfirmation, inspect, load } = useDashboard.getState();

  useEffect(() => {
    void load();
    void useCredentials.getState().load();
    void useDemo.getState().load();
    void useSignIns.getState().load();
    if (!useVault.getState().status) void useVault.getState().load();
  }, [load]);
  useAutoRenew();

  useEffect(() => {
    // An explicit marker for tests and benchmarks: the cards are on screen.
    if (loaded) document.body.dataset.dashboardReady = 'true';
    return () => void delete document.body.dataset.dashboardReady;
  }, [loaded]);

  return (
    <div className="dashboard content">
      <header className="dashboard-header">
        <h1>Tokens</h1>
        {total > 0 && (
          <div className="row">
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Filter by environment, credential or state" aria-label="Filter tokens" />
            <label className="checkbox">
              <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
              <span>Group by environment</span>
            </label>
            <div className="segmented" role="group" aria-label="Layout">
              <button type="button" aria-pressed={layout === 'grid'} onClick={() => setLayout('grid')}>
                Cards
              </button>
              <button type="button" aria-pressed={layout === 'list'} onClick={() => setLayout('list')}>
                List
              </button>
            </div>
          </div>
        )}
      </header>
      {loadError && <ErrorMessage error={loadError} onDismiss={() => void load()} />}
      {demoError && <ErrorMessage error={demoError} onDismiss={() => useDemo.getState().clearError()} />}
      <DemoPanel />
      {loaded && total === 0 && <NothingYet />}
      {total > 0 && groups.length === 0 && <p className="muted">No token matches “{query}”.</p>}
      <TokenList groups={groups} />

      {confirmation && (
        <ConfirmDialog title="Production environment" confirmLabel="Yes, get a production token" onConfirm={() => void confirm()} onCancel={cancelConfirmation}>
          <p>{confirmation.message}</p>
          {confirmation.hint && <p className="muted small">{confirmation.hint}</p>}
        </ConfirmDialog>
      )}
      <TokenAdminDialogs />
      {inspecting && (
        <Suspense fallback={null}>
          <Inspector tokenKey={inspecting} onClose={() => inspect(null)} />
        </Suspense>
      )}
    </div>
  );
}

/** Starts the demo, then puts focus on the first thing to do with it: its first card's "Get token". */
async function tryTheDemo() {
  await useDemo.getState().start();
  if (!useDemo.getState().error) focusWhenShown(() => document.querySelector<HTMLElement>('.token-card .token-actions button'));
}

function NothingYet() {
  const show = useShell((s) => s.show);
  const busy = useDemo((s) => s.busy);
  const secretsUnavailable = useSecretsUnavailable();
  return (
    <EmptyState title="No tokens yet">
      <p>Each card here is one credential in one environment: its token, how long it has left, and its renewals. To get the first one:</p>
      <ol className="next-steps">
        <li>
          <button type="button" className="primary" disabled={busy || secretsUnavailable !== null} onClick={() => void tryTheDemo()}>
            {busy ? 'Starting the demo…' : 'Try the demo'}
          </button>{' '}
          — a small built-in auth service and API, no account needed.
          {secretsUnavailable && <p className="muted small">{secretsUnavailable}</p>}
        </li>
        <li>
          <button type="button" onClick={() => show('environments')}>
            Create an environment
          </button>{' '}
          such as “Lemonway sandbox”, then add a credential to it from a preset (Lengow, Landax, Live Data, OAuth2, API key…).
        </li>
      </ol>
    </EmptyState>
  );
}
