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

/** One file of the last repro bundle, offered as a download. */
export interface ReproDownload {
  name: string;
  /** A blob: URL (revoked when the bundle is closed or replaced). */
  url: string;
  bytes: number;
}

/** "Probe a real server" (only when the echo server has a --probe-allow list). */
export interface ProbeState {
  /** The origins the echo server may probe; null = not asked yet, [] = probing is off. */
  allow: string[] | null;
  busy: boolean;
  error: string | null;
  result: { pass: boolean; verdict: string; sent: { kind: string; method: string; url: string }[]; scenario: unknown } | null;
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
  /** The last repro bundle's files (the .zip first); null when none is offered. */
  reproDownloads: ReproDownload[] | null;
  probe: ProbeState;
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
  setReproDownloads: (files: ReproDownload[] | null) => void;
  setProbe: (patch: Partial<ProbeState>) => void;
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
  reproDownloads: null,
  probe: { allow: null, busy: false, error: null, result: null },
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
  setReproDownloads: (reproDownloads) => set({ reproDownloads }),
  setProbe: (patch) => set((state) => ({ probe: { ...state.probe, ...patch } })),
});
