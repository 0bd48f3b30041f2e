/**
 * The tokens, in environment order then credential order, filtered by the search box, as cards
 * in a responsive grid or one line each (list mode), grouped by environment or not (production
 * groups carry a colour band and a label).
 */
import { useMemo, type CSSProperties } from 'react';
import type { Credential } from '../../../../shared/domain/credential';
import type { Environment } from '../../../../shared/domain/environment';
import type { TokenStatus } from '../../../../shared/domain/token';
import { useCredentials } from '../../state/credentials';
import { useEnvironments } from '../../state/environments';
import { tokenId, useDashboard } from './store';
import { sentAs, STATE_LABELS } from './token-rules';
import { TokenCard } from './TokenCard';
import { TokenRow } from './TokenRow';

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

const names = ({ environment, credential }: Row) => ({
  environmentName: environment.name,
  production: environment.production,
  credentialName: credential.name,
  sentAs: sentAs(credential.recipe.use, null),
});

const card = (showEnvironment: boolean) => (row: Row) => <TokenCard key={row.id} id={row.id} {...names(row)} showEnvironment={showEnvironment} />;

function TokenTable({ groups, grouped }: { groups: Group[]; grouped: boolean }) {
  return (
    <table className="token-table" aria-label="Tokens">
      <thead>
        <tr>
          <th scope="col">Environment</th>
          <th scope="col">Credential</th>
          <th scope="col">State</th>
          <th scope="col">Time left</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      {groups.map(({ environment, rows }) => (
        <tbody key={environment.id} className={environment.production ? 'production' : undefined}>
          {rows.map((row, i) => (
            <TokenRow key={row.id} id={row.id} {...names(row)} environmentSpan={!grouped ? 1 : i === 0 ? rows.length : 0} />
          ))}
        </tbody>
      ))}
    </table>
  );
}

export function TokenList({ groups }: { groups: Group[] }) {
  const grouped = useDashboard((s) => s.grouped);
  const layout = useDashboard((s) => s.layout);
  if (layout === 'list') return <TokenTable groups={groups} grouped={grouped} />;
  if (!grouped) {
    return (
      <>
        {groups.length > 0 && <h2 className="visually-hidden">All tokens</h2>}
        <div className="token-grid">{groups.flatMap((group) => group.rows.map(card(true)))}</div>
      </>
    );
  }
  return (
    <div className="token-groups">
      {groups.map(({ environment, rows }) => (
        <section
          key={environment.id}
          className={`token-group${environment.production ? ' production' : ''}`}
          aria-label={environment.name}
          // A group is as wide as its cards need, and groups share a row: no window of one narrow card each.
          style={{ '--cards': rows.length } as CSSProperties}
        >
          <h2 className="token-group-title">
            {environment.name}
            {environment.production && <span className="badge production">PRODUCTION</span>}
          </h2>
          <div className="token-grid">{rows.map(card(false))}</div>
        </section>
      ))}
    </div>
  );
}
