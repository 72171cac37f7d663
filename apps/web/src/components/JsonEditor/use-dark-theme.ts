import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/store';

const query = typeof matchMedia === 'undefined' ? undefined : matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** Whether the page is dark: the chosen theme, or the system's preference. */
export function useDarkTheme(): boolean {
  const theme = useAppStore((state) => state.theme);
  const systemDark = useSyncExternalStore(subscribe, () => query?.matches ?? false, () => false);
  return theme === 'dark' || (theme === 'system' && systemDark);
}
