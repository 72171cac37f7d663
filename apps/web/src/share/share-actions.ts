// The side effects of sharing: the clipboard and the file download. The address bar is left alone: a
// `#s=` kept there would reopen the shared version over later edits on the next reload.
import type { Scenario } from '@cors-playground/cors-core';
import type { StoreApi } from 'zustand';
import { appStore, type AppState } from '../store/store';
import { shareUrl } from './share-link';

/** Makes the share link of the scenario (and the engine chosen for the prediction), shows it, and copies it when allowed. */
export async function shareScenario(store: StoreApi<AppState> = appStore, pageUrl = location.href): Promise<void> {
  const { scenario, predictionEngine, setShareLink } = store.getState();
  const url = shareUrl(pageUrl, scenario, predictionEngine ?? undefined);
  setShareLink({ url, copied: false });
  try {
    await navigator.clipboard.writeText(url);
    store.getState().setShareLink({ url, copied: true });
  } catch {
    // no clipboard permission: the link is shown to copy by hand
  }
}

/** The export's file name: the title as a slug ("My orders API" → `my-orders-api.json`), else the id. */
export function exportFileName(scenario: Scenario): string {
  const slug = (scenario.title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // the accents NFKD split off: "Ç" → "C"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || scenario.id || 'scenario'}.json`;
}

export function exportScenario(store: StoreApi<AppState> = appStore): void {
  const { scenario } = store.getState();
  const blob = new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: exportFileName(scenario) });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
