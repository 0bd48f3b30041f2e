/**
 * The selected environment's parts as tabs: credentials (and their tokens), variables, settings.
 * Arrow keys move between tabs, as in any tab list. Keyed by environment by the parent, so a
 * revealed secret or a half-typed form never carries over to another environment.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { CredentialsPanel } from '../credentials/CredentialsPanel';
import { VariablesTable } from '../variables/VariablesTable';
import { EnvironmentSettings } from './EnvironmentSettings';

const TABS = [
  { id: 'credentials', label: 'Credentials' },
  { id: 'variables', label: 'Variables' },
  { id: 'settings', label: 'Settings' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function EnvironmentTabs({ environment }: { environment: Environment }) {
  const [tab, setTab] = useState<TabId>('credentials');
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + TABS.length) % TABS.length;
    setTab(TABS[next]!.id);
    buttons.current[next]?.focus();
  }

  return (
    <div className="environment-tabs">
      <div role="tablist" aria-label={`${environment.name} sections`} className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'credentials' && <CredentialsPanel environment={environment} />}
        {tab === 'variables' && <VariablesTable environment={environment} />}
        {tab === 'settings' && <EnvironmentSettings environment={environment} />}
      </div>
    </div>
  );
}
