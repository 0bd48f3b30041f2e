/** Environments: the list on the left, the selected one on the right. */
import { EmptyState } from '../../components/EmptyState';
import { EnvironmentHeader } from './EnvironmentHeader';
import { EnvironmentList } from './EnvironmentList';
import { NewEnvironmentForm } from './NewEnvironmentForm';
import { useEnvironments, useSelectedEnvironment } from './store';

export function EnvironmentsView() {
  const count = useEnvironments((s) => s.environments.length);
  const selected = useSelectedEnvironment();

  return (
    <div className="split">
      <EnvironmentList />
      <div className="content">
        {selected ? (
          <EnvironmentHeader key={`${selected.id}:${selected.name}`} environment={selected} />
        ) : count === 0 ? (
          <EmptyState title="Create your first environment">
            An environment holds the variables and secrets for one place you connect to, such as “Lemonway sandbox” or “Landax prod”.
            <NewEnvironmentForm />
          </EmptyState>
        ) : (
          <EmptyState title="Pick an environment">Choose an environment on the left to see its credentials and tokens.</EmptyState>
        )}
      </div>
    </div>
  );
}
