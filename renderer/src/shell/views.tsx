/**
 * The app's main views, in rail order. Heavy views load lazily so the first screen stays fast.
 * Adding a view = one entry here.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { EnvironmentsView } from '../features/environments/EnvironmentsView';

export interface View {
  id: string;
  label: string;
  /** Shown as the rail button's tooltip. */
  description: string;
  component: ComponentType | LazyExoticComponent<ComponentType>;
}

export const views: View[] = [
  { id: 'environments', label: 'Environments', description: 'Environments, their variables and credentials', component: EnvironmentsView },
];

// Keeps `lazy` in use for views that register lazily (the runner, for example).
export const lazyView = (load: () => Promise<{ default: ComponentType }>) => lazy(load);
