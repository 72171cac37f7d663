// Monaco, bundled locally (no CDN): the editor core, the JSON language and their two workers. This
// module is only reached through a dynamic import, so none of it is in the first screen's JavaScript.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { scenarioJsonSchema } from '@cors-playground/cors-core';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

loader.config({ monaco });

export const SCENARIO_MODEL_URI = 'inmemory://cors-playground/scenario.json';

// Completion and inline errors from the scenario format's JSON Schema (exported by cors-core).
jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [{ uri: 'https://cors-playground.invalid/scenario.schema.json', fileMatch: [SCENARIO_MODEL_URI], schema: scenarioJsonSchema() }],
});

export { monaco };
