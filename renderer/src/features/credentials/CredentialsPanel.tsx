/**
 * The credentials used in the selected environment: the list with each one's kind, adding one
 * (from a preset or from scratch), and the editor for the one picked.
 */
import { useState } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { findPreset } from '../../../../shared/recipe';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { focusWhenShown } from '../../lib/focus';
import { useCredentials, useEnvironmentCredentials } from '../../state/credentials';
import { useFromExample } from '../../state/from-example';
import { AddCredential } from './AddCredential';
import { CredentialEditor } from './CredentialEditor';
import { KIND_LABELS } from './recipe-defaults';
import './credentials.css';

const ADD_CREDENTIAL_ID = 'add-credential';
const itemId = (credentialId: string) => `credential-item-${credentialId}`;

type Mode = { is: 'list' } | { is: 'adding' } | { is: 'editing'; credentialId: string };

export function CredentialsPanel({ environment }: { environment: Environment }) {
  const error = useCredentials((s) => s.error);
  const credentials = useEnvironmentCredentials(environment.id);
  const [mode, setMode] = useState<Mode>({ is: 'list' });
  const openFromExample = useFromExample((s) => s.open);
  const addButtons = (
    <div className="row">
      <button type="button" id={ADD_CREDENTIAL_ID} className="primary" onClick={() => setMode({ is: 'adding' })}>
        Add credential
      </button>
      <button type="button" onClick={() => openFromExample(environment.id)}>
        From example…
      </button>
    </div>
  );

  if (error) return <ErrorMessage error={error} />;

  if (mode.is === 'adding') {
    const cancel = () => {
      setMode({ is: 'list' });
      focusWhenShown(() => document.getElementById(ADD_CREDENTIAL_ID));
    };
    return <AddCredential environment={environment} onCancel={cancel} onCreated={(c) => setMode({ is: 'editing', credentialId: c.id })} />;
  }

  const editing = mode.is === 'editing' ? credentials.find((c) => c.id === mode.credentialId) : undefined;
  if (editing) {
    const backToList = () => {
      setMode({ is: 'list' });
      focusWhenShown(() => document.getElementById(itemId(editing.id)));
    };
    return <CredentialEditor key={editing.id} credential={editing} environment={environment} onClose={backToList} />;
  }

  if (credentials.length === 0) {
    return (
      <EmptyState title="No credentials yet" action={addButtons}>
        A credential says how to get a token from an auth service and how to use it. Pick your vendor’s preset and type only your own keys.
      </EmptyState>
    );
  }

  return (
    <section className="credential-list" aria-label="Credentials">
      <div className="row spread">
        <h2>Credentials</h2>
        {addButtons}
      </div>
      <ul>
        {credentials.map((credential) => (
          <li key={credential.id}>
            <button type="button" id={itemId(credential.id)} className="credential-item" onClick={() => setMode({ is: 'editing', credentialId: credential.id })}>
              <span className="credential-name">{credential.name}</span>
              <span className="muted small">
                {(credential.presetId && findPreset(credential.presetId)?.name) ?? KIND_LABELS[credential.recipe.kind]}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
