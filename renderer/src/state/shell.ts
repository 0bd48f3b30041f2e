/** Which main view is showing. */
import { create } from 'zustand';

interface ShellState {
  viewId: string;
  show(viewId: string): void;
}

export const useShell = create<ShellState>((set) => ({
  viewId: 'dashboard',
  show: (viewId) => set({ viewId }),
}));
