import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { appStore, resetAppStore } from '../../store/store';
import { ThemeToggle } from './ThemeToggle';

describe('ThemeToggle', () => {
  beforeEach(resetAppStore);

  it('names the current theme in words', () => {
    appStore.setState({ theme: 'dark' });
    expect(renderToStaticMarkup(<ThemeToggle />)).toContain('Theme: dark');
    appStore.setState({ theme: 'system' });
    expect(renderToStaticMarkup(<ThemeToggle />)).toContain('Theme: system');
  });
});
