// Ctrl+Enter (⌘+Enter on a Mac) runs the scenario from anywhere on the page, the JSON editor included.
import { runForView } from '../lessons/lesson-run';

export const RUN_SHORTCUT = { keys: 'Control+Enter Meta+Enter', label: 'Ctrl+Enter, or ⌘+Enter on a Mac' } as const;

export function isRunShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** Listens on the window (capture phase, so an editor's own Ctrl+Enter does not swallow it). Returns the remover. */
export function listenForRunShortcut(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!isRunShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    void runForView();
  };
  target.addEventListener('keydown', onKey, true);
  return () => target.removeEventListener('keydown', onKey, true);
}
