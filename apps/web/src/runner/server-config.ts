// The deployment's origins as the echo server that served this page knows them (`/__pg/config`): the
// one fetcher, used by the runner (which parent origins to obey) and by the playground (where to run).
import type { Origins } from '@cors-playground/cors-core';
import { paths, type BackendStatus } from '@cors-playground/wire';
import { isOrigins } from './messages';

/** Rejects with a message naming the endpoint when the server does not answer with three origins. */
export async function fetchServerOrigins(): Promise<Origins> {
  return (await fetchServerConfig()).origins;
}

/** The origins and the real middleware backends the server runs ([] when none, or a server that predates them). */
export async function fetchServerConfig(): Promise<{ origins: Origins; backends: BackendStatus[] }> {
  const response = await fetch(paths.config, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${paths.config} answered ${response.status}`);
  const config = (await response.json()) as { origins?: unknown; backends?: unknown };
  if (!isOrigins(config.origins)) throw new Error(`${paths.config} did not name the page, api and other origins`);
  return { origins: config.origins, backends: Array.isArray(config.backends) ? (config.backends as BackendStatus[]) : [] };
}
