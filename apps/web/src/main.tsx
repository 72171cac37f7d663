// Start-up: restore saved work (or say why not), open a share link if there is one (never running it),
// ask the server for its origins, load the runner ahead of the first click, and render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openShareLink } from './app/open-share-link';
import { applyRoute } from './app/route';
import { lessonCatalog } from './lessons/catalog';
import { loadOrigins, warmUpRunner } from './run/run-action';
import { appStore, connectStorage } from './store/store';
import './styles.css';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

connectStorage(appStore, storage());

/** A workshop screen (#/lessons...) or a share link; a share link opens in the playground and leaves the URL. */
function openLinkInHash(): void {
  if (applyRoute(appStore, location.hash, lessonCatalog)) return;
  if (appStore.getState().view.kind !== 'playground' || appStore.getState().lesson) appStore.getState().showView({ kind: 'playground' });
  if (openShareLink(appStore, location.hash) !== 'none') history.replaceState(null, '', location.pathname + location.search);
}
openLinkInHash();
window.addEventListener('hashchange', openLinkInHash);

void loadOrigins().then(() => warmUpRunner());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
