/** Whether the "From example" dialog is open, and for which environment: any view may open it. */
import { create } from 'zustand';

interface FromExampleState {
  environmentId: string | null;
  open(environmentId: string): void;
  close(): void;
}

export const useFromExample = create<FromExampleState>((set) => ({
  environmentId: null,
  open: (environmentId) => set({ environmentId }),
  close: () => set({ environmentId: null }),
}));
