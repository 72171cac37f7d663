import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { InlineCode } from './InlineCode';
import { resetAppStore } from '../../store/store';

describe('InlineCode', () => {
  beforeEach(resetAppStore);

  it('shows the exact header values as code, without the backticks', () => {
    const html = renderToStaticMarkup(<InlineCode text="`Access-Control-Allow-Origin` is `http://a.test/`: the trailing slash makes them differ" />);
    expect(html).toBe('<code>Access-Control-Allow-Origin</code> is <code>http://a.test/</code>: the trailing slash makes them differ');
  });
  it('leaves a sentence with an unclosed backtick as it is', () => {
    expect(renderToStaticMarkup(<InlineCode text="a ` b" />)).toBe('a ` b');
  });
  it('escapes markup in values, since they come from the scenario', () => {
    expect(renderToStaticMarkup(<InlineCode text="`<img src=x>`" />)).toBe('<code>&lt;img src=x&gt;</code>');
  });
});
