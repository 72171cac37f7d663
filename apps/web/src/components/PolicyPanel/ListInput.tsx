// A list typed as text (comma- or line-separated). The text is kept as typed while the store holds the
// parsed entries, so a half-typed entry or a trailing comma is never rewritten under the cursor.
import { useState } from 'react';
import { parseList } from '../../store/policy-edits';

export function ListInput({ label, values, onChange, multiline = false, placeholder }: { label: string; values: readonly string[]; onChange: (values: string[]) => void; multiline?: boolean; placeholder?: string }) {
  const joined = values.join(multiline ? '\n' : ', ');
  const [draft, setDraft] = useState(joined);
  const [seen, setSeen] = useState(joined);
  if (seen !== joined) {
    setSeen(joined);
    if (parseList(draft).join('\n') !== values.join('\n')) setDraft(joined);
  }
  const change = (text: string) => {
    setDraft(text);
    onChange(parseList(text));
  };
  return multiline ? (
    <textarea aria-label={label} rows={Math.min(6, Math.max(2, values.length + 1))} value={draft} placeholder={placeholder} spellCheck={false} onChange={(event) => change(event.target.value)} />
  ) : (
    <input aria-label={label} value={draft} placeholder={placeholder} spellCheck={false} onChange={(event) => change(event.target.value)} />
  );
}
