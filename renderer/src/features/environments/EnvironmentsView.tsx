/**
 * Environments: the list on the left, the selected one (header and tabs) on the right. The tabs
 * other features show (credentials, variables) and the list's actions come from the shell.
 */
import { useEffect, type ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useCredentials } from '../../state/credentials';
import { useEnvironments, useSelectedEnvironment } from '../../state/environments';
import { EnvironmentHeader } from './EnvironmentHeader';
import { EnvironmentList } from './EnvironmentList';
import { EnvironmentTabs, type EnvironmentPanel } from './EnvironmentTabs';
import { NewEnvironmentForm } from './NewEnvironmentForm';
import './environments.css';

interface EnvironmentsViewProps {
  panels: EnvironmentPanel[];
  /** Shown under the list of environments. */
  listActions: ReactNode;
}

export function EnvironmentsView({ panels, listActions }: EnvironmentsViewProps) {
  const count = useEnvironments((s) => s.environments.length);
  const selected = useSelectedEnvironment();
  const loadCredentials = useCredentials((s) => s.load);

  useEffect(() => {
    // Variables show which credentials use them, so both lists are needed from the start.
    void loadCredentials();
  }, [loadCredentials]);

  return (
    <div className="split">
      <EnvironmentList actions={listActions} />
      <div className="content">
        {selected ? (
          <>
            <EnvironmentHeader key={`${selected.id}:${selected.name}`} environment={selected} />
            <EnvironmentTabs key={selected.id} environment={selected} panels={panels} />
          </>
        ) : count === 0 ? (
          <EmptyState level={1} title="Create your first environment">
            An environment holds the variables and secrets for one place you connect to, such as “Lemonway sandbox” or “Landax prod”.
            <NewEnvironmentForm />
          </EmptyState>
        ) : (
          <EmptyState level={1} title="Pick an environment">Choose an environment on the left to see its credentials and tokens.</EmptyState>
        )}
      </div>
    </div>
  );
}
