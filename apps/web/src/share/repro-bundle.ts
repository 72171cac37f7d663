// The repro bundle as the playground offers it: cors-core's files, with the page and the cURL commands
// pointed at this deployment's echo server (the scenario's answers travel in the URL's wire prefix, so
// the page reproduces the report against any instance of the echo server), and all of them in a .zip.
import { deploymentOrigins, originOf, reproBundle, resolveScenario, type Engine, type Origins, type Scenario } from '@cors-playground/cors-core';
import { toWireUrl } from '@cors-playground/wire';
import { strToU8, zipSync } from 'fflate';
import { payloadOf } from '../runner/starting-cookies';

export const REPRO_ZIP_NAME = 'cors-repro.zip';

/** The bundle's files; URLs on the playground's own origins get the run's wire prefix, others are kept. */
export function reproFilesFor(scenario: Scenario, options: { origins: Origins; browser: Engine; runId: string }): Record<string, string> {
  const { origins, browser, runId } = options;
  const payload = payloadOf(resolveScenario(scenario, origins), origins);
  const own = deploymentOrigins(origins).map((origin) => originOf(origin) ?? origin);
  return reproBundle(scenario, { origins, browser, wireUrl: (url) => toWireUrl(url, { runId, payload }, own) });
}

/** Every file in one .zip (fflate, already the wire protocol's compressor). */
export function zipFiles(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}
