import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { App } from './App';

describe('App', () => {
  it('renders the whole first screen, with the four automation hooks', () => {
    const html = renderToStaticMarkup(<App />);
    for (const hook of ['run', 'browser-verdict', 'prediction', 'agreement']) expect(html).toContain(`data-testid="${hook}"`);
    expect(html).toContain('<h1>CORS Playground</h1>');
    expect(html).toContain('Simple GET, allowed');
  });
});
