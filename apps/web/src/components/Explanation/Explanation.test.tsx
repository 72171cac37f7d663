import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Explanation } from './Explanation';
import { resetAppStore } from '../../store/store';

describe('Explanation', () => {
  beforeEach(resetAppStore);

  it('lists each step with a verdict in words and its spec link', () => {
    const html = renderToStaticMarkup(
      <Explanation runCount={1} steps={[{ run: 0, hop: 0, algorithm: 'CORS check', spec: 'https://fetch.spec.whatwg.org/#cors-check', verdict: 'fail', text: 'No Access-Control-Allow-Origin.' }]} />,
    );
    expect(html).toContain('✗</span> fail');
    expect(html).toContain('href="https://fetch.spec.whatwg.org/#cors-check"');
    expect(html).toContain('No Access-Control-Allow-Origin.');
  });
});
