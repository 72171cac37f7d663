import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { HeaderRows } from './HeaderRows';
import { resetAppStore } from '../../store/store';

describe('HeaderRows', () => {
  beforeEach(resetAppStore);

  it('shows each row with its name and value, as written', () => {
    const html = renderToStaticMarkup(<HeaderRows label="Request headers" rows={[['X-Api-Key', 'abc'], ['x-api-key', 'def']]} onChange={() => {}} path="request.headers" issues={new Map()} />);
    expect(html).toContain('value="X-Api-Key"');
    expect(html).toContain('value="x-api-key"');
    expect(html).toContain('aria-label="Move header 2 down" disabled=""');
  });

  it('flags an invalid name inline, tied to its field', () => {
    const issues = new Map([['request.headers[0][0]', '"X Bad" is not a valid header name']]);
    const html = renderToStaticMarkup(<HeaderRows label="Request headers" rows={[['X Bad', '1']]} onChange={() => {}} path="request.headers" issues={issues} />);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/class="issue" role="note">⚠ &quot;X Bad&quot; is not a valid header name/);
  });
});
