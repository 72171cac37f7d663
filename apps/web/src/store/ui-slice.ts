// What the person is looking at: theme, the engine whose rules the prediction uses, the selected run and hop, notices.
import type { Engine } from '@cors-playground/cors-core';
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export type Theme = 'system' | 'light' | 'dark';

export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  title: string;
  lines: string[];
  /** `undo-load`: the notice offers Undo, which puts back the scenario a load replaced. */
  action?: 'undo-load';
}

/** The share link last made, shown below the header until the next one. */
export interface ShareLinkState {
  url: string;
  /** It went to the clipboard; false when the browser refused (the user copies it by hand). */
  copied: boolean;
}

export interface HopRef {
  run: number;
  hop: number;
}

export interface UiSlice {
  theme: Theme;
  /** The engine whose rules the prediction uses; null = the engine running this page. */
  predictionEngine: Engine | null;
  selectedRunId: number | null;
  selectedHop: HopRef | null;
  serverTab: 'form' | 'json';
  notices: Notice[];
  shareLink: ShareLinkState | null;
  importOpen: boolean;
  /** The title and notes are open for editing. */
  metaEditing: boolean;
  setTheme: (theme: Theme) => void;
  setPredictionEngine: (engine: Engine | null) => void;
  selectRun: (id: number | null) => void;
  selectHop: (hop: HopRef | null) => void;
  setServerTab: (tab: 'form' | 'json') => void;
  addNotice: (notice: Omit<Notice, 'id'>) => void;
  dismissNotice: (id: number) => void;
  setShareLink: (link: ShareLinkState | null) => void;
  setImportOpen: (open: boolean) => void;
  setMetaEditing: (editing: boolean) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  predictionEngine: null,
  selectedRunId: null,
  selectedHop: null,
  serverTab: 'form',
  notices: [],
  shareLink: null,
  importOpen: false,
  metaEditing: false,
  setTheme: (theme) => set({ theme }),
  setPredictionEngine: (predictionEngine) => set({ predictionEngine }),
  selectRun: (id) => set({ selectedRunId: id, selectedHop: null }),
  selectHop: (hop) => set({ selectedHop: hop }),
  setServerTab: (serverTab) => set({ serverTab }),
  addNotice: (notice) => set((state) => ({ notices: [...state.notices, { ...notice, id: nextNoticeId++ }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  setShareLink: (shareLink) => set({ shareLink }),
  setImportOpen: (importOpen) => set({ importOpen }),
  setMetaEditing: (metaEditing) => set({ metaEditing }),
});
