// The real middleware backends the echo server runs (from /__pg/config): which frameworks policy mode
// can send to the real software, with their versions. Not persisted: it belongs to the server.
import type { BackendStatus } from '@cors-playground/wire';
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface BackendsSlice {
  /** null until /__pg/config answered; [] when the server runs none. */
  serverBackends: BackendStatus[] | null;
  setServerBackends: (backends: BackendStatus[]) => void;
}

export const createBackendsSlice: StateCreator<AppState, [], [], BackendsSlice> = (set) => ({
  serverBackends: null,
  setServerBackends: (serverBackends) => set({ serverBackends }),
});
