// The scenario as JSON in Monaco. The text lives in the store (so invalid JSON survives reloads and tab
// switches); the editor instance lives in a ref.
import Editor, { type OnMount } from '@monaco-editor/react';
import { useRef } from 'react';
import { useAppStore } from '../../store/store';
import { SCENARIO_MODEL_URI } from './monaco-setup';
import { useDarkTheme } from './use-dark-theme';

type EditorInstance = Parameters<OnMount>[0];

export default function MonacoJson({ label }: { label: string }) {
  const text = useAppStore((state) => state.jsonText);
  const setText = useAppStore((state) => state.setJsonText);
  const dark = useDarkTheme();
  const editorRef = useRef<EditorInstance | null>(null);
  return (
    <div className="monaco-host" data-testid="monaco">
      <Editor
        path={SCENARIO_MODEL_URI}
        language="json"
        value={text}
        theme={dark ? 'vs-dark' : 'vs'}
        height="420px"
        onMount={(editor) => {
          editorRef.current = editor;
        }}
        onChange={(value) => setText(value ?? '')}
        options={{ minimap: { enabled: false }, fontSize: 13, tabSize: 2, scrollBeyondLastLine: false, automaticLayout: true, ariaLabel: label }}
        loading={<p className="hint">Loading the editor…</p>}
      />
    </div>
  );
}
