/**
 * The selected environment's parts as tabs: the panels other features contribute (credentials and
 * their tokens, variables), then its settings. Arrow keys move between tabs, as in any tab list.
 * Keyed by environment by the parent, so a revealed secret or a half-typed form never carries
 * over to another environment.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { EnvironmentSettings } from './EnvironmentSettings';

/** One tab of an environment, shown by another feature; the shell decides which and in what order. */
export interface EnvironmentPanel {
  id: string;
  label: string;
  render(environment: Environment): ReactNode;
}

const SETTINGS: EnvironmentPanel = { id: 'settings', label: 'Settings', render: (environment) => <EnvironmentSettings environment={environment} /> };

export function EnvironmentTabs({ environment, panels }: { environment: Environment; panels: EnvironmentPanel[] }) {
  const tabs = [...panels, SETTINGS];
  const [tab, setTab] = useState(tabs[0]!.id);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const current = tabs.find((t) => t.id === tab) ?? SETTINGS;

  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + tabs.length) % tabs.length;
    setTab(tabs[next]!.id);
    buttons.current[next]?.focus();
  }

  return (
    <div className="environment-tabs">
      <div role="tablist" aria-label={`${environment.name} sections`} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((t, i) => (
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
        {current.render(environment)}
      </div>
    </div>
  );
}
