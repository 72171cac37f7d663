// Light, dark, or the system's preference (prefers-color-scheme). The choice is applied to <html>.
import { useEffect } from 'react';
import { useAppStore } from '../../store/store';
import type { Theme } from '../../store/ui-slice';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

export function ThemeToggle() {
  const theme = useAppStore((state) => state.theme);
  const setTheme = useAppStore((state) => state.setTheme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <button type="button" className="theme-toggle" onClick={() => setTheme(NEXT[theme])} title="Switch between system, light and dark themes" data-testid="theme">
      <span aria-hidden="true">{theme === 'dark' ? '☾ ' : theme === 'light' ? '☀ ' : '◐ '}</span>
      {LABEL[theme]}
    </button>
  );
}
