/**
 * Which main view is showing. The views' ids are named here, below the features, so a feature
 * can send the user to another view ("see it in the timeline") without importing that view;
 * shell/views.tsx gives each id its component.
 */
import { create } from 'zustand';

export const VIEW_IDS = ['dashboard', 'environments', 'timeline', 'runner'] as const;

export type ViewId = (typeof VIEW_IDS)[number];

interface ShellState {
  viewId: ViewId;
  show(viewId: ViewId): void;
}

export const useShell = create<ShellState>((set) => ({
  viewId: 'dashboard',
  show: (viewId) => set({ viewId }),
}));
