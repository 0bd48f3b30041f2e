/**
 * The cards, in environment order then credential order, filtered by the search box and
 * grouped by environment (production groups carry a colour band and a label).
 */
import { useMemo } from 'react';
import type { Credential } from '../../../../shared/domain/credential';
import type { Environment } from '../../../../shared/domain/environment';
import type { TokenStatus } from '../../../../shared/domain/token';
import { useCredentials } from '../credentials/store';
import { useEnvironments } from '../environments/store';
import { tokenId, useDashboard } from './store';
import { TokenCard } from './TokenCard';
import { STATE_LABELS } from './token-rules';

interface Row {
  id: string;
  environment: Environment;
  credential: Credential;
}

interface Group {
  environment: Environment;
  rows: Row[];
}

/** Rows for every status whose environment and credential are known, in their lists' order. */
function buildGroups(environments: Environment[], credentials: Credential[], statuses: Record<string, TokenStatus>, query: string): Group[] {
  const needle = query.trim().toLowerCase();
  const used = new Map<string, Credential[]>();
  for (const credential of credentials) {
    for (const environmentId of credential.environmentIds) {
      const list = used.get(environmentId);
      if (list) list.push(credential);
      else used.set(environmentId, [credential]);
    }
  }
  const groups: Group[] = [];
  for (const environment of environments) {
    const rows: Row[] = [];
    for (const credential of used.get(environment.id) ?? []) {
      const id = tokenId({ environmentId: environment.id, credentialId: credential.id });
      const status = statuses[id];
      if (!status) continue;
      const text = `${environment.name} ${credential.name} ${STATE_LABELS[status.state]}`.toLowerCase();
      if (needle === '' || text.includes(needle)) rows.push({ id, environment, credential });
    }
    if (rows.length > 0) groups.push({ environment, rows });
  }
  return groups;
}

export function useTokenGroups(): { groups: Group[]; total: number } {
  const environments = useEnvironments((s) => s.environments);
  const credentials = useCredentials((s) => s.credentials);
  const statuses = useDashboard((s) => s.statuses);
  const query = useDashboard((s) => s.query);
  return useMemo(
    () => ({ groups: buildGroups(environments, credentials, statuses, query), total: Object.keys(statuses).length }),
    [environments, credentials, statuses, query],
  );
}

const card =
  (showEnvironment: boolean) =>
  ({ id, environment, credential }: Row) => (
    <TokenCard key={id} id={id} environmentName={environment.name} production={environment.production} credentialName={credential.name} showEnvironment={showEnvironment} />
  );

export function TokenList({ groups }: { groups: Group[] }) {
  const grouped = useDashboard((s) => s.grouped);
  if (!grouped) {
    return (
      <>
        {groups.length > 0 && <h2 className="visually-hidden">All tokens</h2>}
        <div className="token-grid">{groups.flatMap((group) => group.rows.map(card(true)))}</div>
      </>
    );
  }
  return (
    <>
      {groups.map(({ environment, rows }) => (
        <section key={environment.id} className={`token-group${environment.production ? ' production' : ''}`} aria-label={environment.name}>
          <h2 className="token-group-title">
            {environment.name}
            {environment.production && <span className="badge production">PRODUCTION</span>}
          </h2>
          <div className="token-grid">{rows.map(card(false))}</div>
        </section>
      ))}
    </>
  );
}
