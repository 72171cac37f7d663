import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { appStore, resetAppStore } from '../../store/store';
import { Notices } from './Notices';

describe('Notices', () => {
  beforeEach(resetAppStore);

  it('shows a reset notice with its reasons, announced as an alert for errors', () => {
    appStore.setState({ notices: [{ id: 1, kind: 'error', title: 'This link could not be opened.', lines: ['request.mode: Invalid option'] }] });
    const html = renderToStaticMarkup(<Notices />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('This link could not be opened.');
    expect(html).toContain('<code>request.mode: Invalid option</code>');
    appStore.setState({ notices: [] });
    expect(renderToStaticMarkup(<Notices />)).toBe('');
  });
});
