/**
 * The selected environment's variables: name, value (secrets masked), secret flag, description and
 * which credentials use each; with adding, editing, revealing, copying and deleting.
 */
import { useState } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { useCredentials } from '../../state/credentials';
import { useSecretsUnavailable } from '../../state/vault';
import { variableUsage } from './usage';
import { VariableForm } from './VariableForm';
import { VariableRow } from './VariableRow';
import './variables.css';

type Editing = { is: 'none' } | { is: 'new' } | { is: 'existing'; name: string };

export function VariablesTable({ environment }: { environment: Environment }) {
  const credentials = useCredentials((s) => s.credentials);
  const vaultProblem = useSecretsUnavailable();
  const [editing, setEditing] = useState<Editing>({ is: 'none' });
  const usage = variableUsage(credentials, environment.id);
  const variables = environment.variables;
  const edited = editing.is === 'existing' ? variables.find((v) => v.name === editing.name) : undefined;

  return (
    <section className="variables" aria-label="Variables">
      <div className="row spread">
        <h2>Variables</h2>
        <button type="button" onClick={() => setEditing({ is: 'new' })} disabled={editing.is === 'new'}>
          Add variable
        </button>
      </div>
      <p className="muted small">
        Recipes use variables as {'{{name}}'}. Secret values live encrypted in the vault: this window only sees a masked hint unless you reveal one.
      </p>
      {vaultProblem && <p className="notice small">{vaultProblem}</p>}
      {editing.is === 'new' && <VariableForm environment={environment} onDone={() => setEditing({ is: 'none' })} />}
      {edited && <VariableForm key={edited.name} environment={environment} variable={edited} onDone={() => setEditing({ is: 'none' })} />}
      {variables.length === 0 ? (
        <p className="muted">No variables yet. Adding a credential from a preset creates the ones it needs.</p>
      ) : (
        <table className="variable-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Secret</th>
              <th scope="col">Description</th>
              <th scope="col">Used by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {variables.map((variable) => (
              <VariableRow
                key={variable.name}
                environment={environment}
                variable={variable}
                usedBy={usage.get(variable.name) ?? []}
                vaultProblem={vaultProblem}
                onEdit={() => setEditing({ is: 'existing', name: variable.name })}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
