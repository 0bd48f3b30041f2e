/**
 * The app's main views, in rail order, each composed from the features it shows. A view that
 * shows another feature's part (the dashboard's token inspector, the environments' credentials and
 * variables tabs) gets it here, so features never import each other. Heavy parts load lazily so
 * the first screen stays fast. Adding a view = its id in state/shell.ts and one entry here.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { CredentialsPanel } from '../features/credentials/CredentialsPanel';
import { DashboardView } from '../features/dashboard/DashboardView';
import type { EnvironmentPanel } from '../features/environments/EnvironmentTabs';
import { EnvironmentsView } from '../features/environments/EnvironmentsView';
import { PortabilityButtons } from '../features/portability/PortabilityButtons';
import { VariablesTable } from '../features/variables/VariablesTable';
import { VIEW_IDS, type ViewId } from '../state/shell';

export interface View {
  id: ViewId;
  label: string;
  /** Shown as the rail button's tooltip. */
  description: string;
  component: ComponentType | LazyExoticComponent<ComponentType>;
}

const InspectorDialog = lazy(() => import('../features/inspector/InspectorDialog'));

const environmentPanels: EnvironmentPanel[] = [
  { id: 'credentials', label: 'Credentials', render: (environment) => <CredentialsPanel environment={environment} /> },
  { id: 'variables', label: 'Variables', render: (environment) => <VariablesTable environment={environment} /> },
];

function Dashboard() {
  return <DashboardView inspector={InspectorDialog} />;
}

function Environments() {
  return <EnvironmentsView panels={environmentPanels} listActions={<PortabilityButtons />} />;
}

const byId: Record<ViewId, Omit<View, 'id'>> = {
  dashboard: { label: 'Dashboard', description: 'Every token: state, countdown, renewals and actions', component: Dashboard },
  environments: { label: 'Environments', description: 'Environments, their variables and credentials', component: Environments },
  timeline: { label: 'Timeline', description: 'Every token request with its redacted exchange', component: lazy(() => import('../features/timeline/TimelineView')) },
  runner: { label: 'Runner', description: 'Call any endpoint with the right token attached', component: lazy(() => import('../features/runner/RunnerView')) },
};

export const views: View[] = VIEW_IDS.map((id) => ({ id, ...byId[id] }));
