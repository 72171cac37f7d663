import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../presets/presets';
import { importFile, importText } from './import-text';

describe('import', () => {
  it('reads one scenario or a file of several', () => {
    expect(importText(JSON.stringify(PRESETS[0]))).toMatchObject({ ok: true, scenarios: [{ id: 'simple-get' }] });
    const several = importText(JSON.stringify(PRESETS.slice(0, 3)));
    expect(several.ok && several.scenarios.map((s) => s.id)).toEqual(['simple-get', 'simple-get-no-acao', 'json-body-preflight']);
  });

  it('names what is wrong and where', () => {
    expect(importText('[{"request":{"url":"x","mode":"?"}}]')).toEqual({ ok: false, errors: [expect.stringMatching(/^\[0\]\.request\.mode: /) as string] });
    expect(importText('')).toEqual({ ok: false, errors: ['nothing to import: the text is empty'] });
    expect(importText('[]')).toMatchObject({ ok: false });
  });

  it('refuses files that are too large before reading them', async () => {
    expect(await importFile(new Blob(['x'.repeat(2_000_001)]))).toMatchObject({ ok: false, errors: [expect.stringContaining('larger than') as string] });
  });
});
