import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { appStore, resetAppStore } from '../../store/store';
import { SequenceDiagram } from './SequenceDiagram';
import type { Hop } from './hops';

const hop: Hop = {
  run: 0, hop: 0, kind: 'preflight', method: 'OPTIONS', url: 'http://api.localhost:8787/items', status: 204,
  requestHeaders: [['Origin', 'http://web.localhost:8787'], ['User-Agent', 'x']],
  responseHeaders: [['Access-Control-Allow-Origin', 'http://web.localhost:8787'], ['Date', 'today']],
};

describe('SequenceDiagram', () => {
  beforeEach(resetAppStore);

  it('draws each hop with method, URL, status and the key headers only', () => {
    appStore.setState({ selectedHop: null });
    const html = renderToStaticMarkup(<SequenceDiagram title="Wire" runs={[[hop]]} browserLabel="browser" selectable />);
    expect(html).toContain('<strong class="method">OPTIONS</strong>');
    expect(html).toContain('<strong class="status">204</strong>');
    expect(html).toContain('Access-Control-Allow-Origin: http://web.localhost:8787');
    expect(html).not.toContain('User-Agent');
    expect(html).toContain('aria-expanded="false"');
  });

  it('shows every raw header of the selected hop', () => {
    appStore.setState({ selectedHop: { run: 0, hop: 0 } });
    const html = renderToStaticMarkup(<SequenceDiagram title="Wire" runs={[[hop]]} browserLabel="browser" selectable />);
    expect(html).toContain('User-Agent: x');
    expect(html).toContain('Date: today');
    appStore.setState({ selectedHop: null });
  });

  it('says when nothing reached the server', () => {
    expect(renderToStaticMarkup(<SequenceDiagram title="Wire" runs={[[]]} browserLabel="browser" selectable />)).toContain('Nothing reached the server.');
  });
});
