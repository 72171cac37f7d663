// "Export repro bundle": builds the files, and offers each and the .zip as downloads (blob URLs kept in
// the store until the next export or Close, then revoked).
import { validateScenario } from '@cors-playground/cors-core';
import { newRunKey } from '@cors-playground/wire';
import type { StoreApi } from 'zustand';
import { selectPredictionEngine } from '../store/selectors';
import { appStore, type AppState } from '../store/store';
import type { ReproDownload } from '../store/ui-slice';
import { REPRO_ZIP_NAME, reproFilesFor, zipFiles } from './repro-bundle';

const TYPES: Record<string, string> = { json: 'application/json', sh: 'text/x-shellscript', html: 'text/html', md: 'text/markdown', zip: 'application/zip' };

function download(name: string, data: string | Uint8Array): ReproDownload {
  const type = TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
  return { name, url: URL.createObjectURL(blob), bytes: blob.size };
}

export function closeReproBundle(store: StoreApi<AppState> = appStore): void {
  for (const file of store.getState().reproDownloads ?? []) URL.revokeObjectURL(file.url);
  store.getState().setReproDownloads(null);
}

export async function exportReproBundle(store: StoreApi<AppState> = appStore): Promise<void> {
  const state = store.getState();
  const validation = validateScenario(state.scenario);
  if (!validation.ok) {
    state.addNotice({ kind: 'error', title: 'The scenario has errors: fix them to export a repro bundle.', lines: [] });
    return;
  }
  try {
    const { runId } = await newRunKey();
    const files = reproFilesFor(validation.scenario, { origins: state.origins, browser: selectPredictionEngine(state), runId });
    closeReproBundle(store);
    store.getState().setReproDownloads([download(REPRO_ZIP_NAME, zipFiles(files)), ...Object.entries(files).map(([name, text]) => download(name, text))]);
  } catch (error) {
    state.addNotice({ kind: 'error', title: 'Could not build the repro bundle.', lines: [error instanceof Error ? error.message : String(error)] });
  }
}
