/**
 * The app's main views, in rail order. Heavy views load lazily so the first screen stays fast.
 * Adding a view = one entry here.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { DashboardView } from '../features/dashboard/DashboardView';
import { EnvironmentsView } from '../features/environments/EnvironmentsView';

export interface View {
  id: string;
  label: string;
  /** Shown as the rail button's tooltip. */
  description: string;
  component: ComponentType | LazyExoticComponent<ComponentType>;
}

export const views: View[] = [
  { id: 'dashboard', label: 'Dashboard', description: 'Every token: state, countdown, renewals and actions', component: DashboardView },
  { id: 'environments', label: 'Environments', description: 'Environments, their variables and credentials', component: EnvironmentsView },
  { id: 'timeline', label: 'Timeline', description: 'Every token request with its redacted exchange', component: lazy(() => import('../features/timeline/TimelineView')) },
  { id: 'runner', label: 'Runner', description: 'Call any endpoint with the right token attached', component: lazy(() => import('../features/runner/RunnerView')) },
];
