// The policy in a server's own syntax (cors-core exportPolicy), and which exports this project checks by
// running the real software (framework, version, how) and which are generated from documentation only:
// the same data as `pnpm cors export --list`.
import { EXPORT_FRAMEWORKS, exportPolicy, listExports, type CorsPolicy, type ExportFramework } from '@cors-playground/cors-core';
import { useState } from 'react';
import { useAppStore } from '../../store/store';

const EXPORTS = listExports();

export function PolicyExports({ policy }: { policy: CorsPolicy }) {
  const origins = useAppStore((state) => state.origins);
  const chosen = useAppStore((state) => state.scenario.server.framework);
  const [framework, setFramework] = useState<ExportFramework>(chosen && chosen !== 'echo' ? chosen : 'express-cors');
  let made: ReturnType<typeof exportPolicy> | { error: string };
  try {
    made = exportPolicy(policy, framework, { origins });
  } catch (error) {
    made = { error: error instanceof Error ? error.message : String(error) };
  }
  return (
    <div className="policy-exports">
      <h3>Take it home</h3>
      <div className="field">
        <label htmlFor="policy-export">Configuration for</label>
        <select id="policy-export" value={framework} onChange={(event) => setFramework(event.target.value as ExportFramework)}>
          {EXPORT_FRAMEWORKS.map((name) => <option key={name} value={name}>{EXPORTS.find((row) => row.framework === name)?.label}</option>)}
        </select>
      </div>
      {'error' in made ? (
        <p className="issue" role="note">⚠ {made.error}</p>
      ) : (
        <>
          <p className="hint" data-testid="export-checked">
            {made.checked ? `Checked by running the real software: ${made.checked.version}. ${made.checked.how}.` : 'Generated from the documentation only: not run by this project’s tests.'}
          </p>
          <p className="hint">{made.file}. Quirk: {made.quirk}</p>
          {made.notes.map((note, index) => <p key={index} className="hint">⚠ {note}</p>)}
          <pre className="policy-export-text" data-testid="export-text" tabIndex={0} aria-label={`${made.label} configuration`}>{made.text}</pre>
        </>
      )}
      <details>
        <summary>Which exports are checked by running the real software</summary>
        <table className="export-table" data-testid="export-table">
          <thead>
            <tr><th scope="col">Server</th><th scope="col">Checked</th><th scope="col">Version tested</th></tr>
          </thead>
          <tbody>
            {EXPORTS.map((row) => (
              <tr key={row.framework}>
                <td>{row.label}</td>
                <td>{row.checked ? 'yes, run for real' : 'no, from documentation'}</td>
                <td>{row.checked ? row.checked.version : '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
