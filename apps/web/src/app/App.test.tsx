import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { App } from './App';
import { resetAppStore } from '../store/store';

describe('App', () => {
  beforeEach(resetAppStore);

  it('renders the whole first screen, with the four automation hooks', () => {
    const html = renderToStaticMarkup(<App />);
    for (const hook of ['run', 'browser-verdict', 'prediction', 'agreement']) expect(html).toContain(`data-testid="${hook}"`);
    expect(html).toContain('<h1>CORS Playground</h1>');
    expect(html).toContain('Simple GET, allowed');
  });
});
