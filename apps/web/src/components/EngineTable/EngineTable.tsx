// The prediction with each engine's rules side by side: one row per engine, a value that is not what
// most engines do marked (a "≠" and bold, never colour alone), the engine running this page named.
import { ENGINE_COLUMNS, type EngineColumn, type EngineRow } from '../../store/engine-comparison';
import { selectEngineRows } from '../../store/selectors';
import { useAppStore } from '../../store/store';

const HEADINGS: Record<EngineColumn, string> = { preflight: 'Preflight', outcome: 'Outcome', readable: 'Script can read', console: 'Console' };

/** `rows`: another scenario's rows (a lesson's); by default the scenario being edited. */
export function EngineTable({ rows: given }: { rows?: EngineRow[] } = {}) {
  const edited = useAppStore(selectEngineRows);
  const rows = given ?? edited;
  const differs = rows.some((row) => row.cells && Object.values(row.cells).some((cell) => cell.differs));
  return (
    <div className="engines">
      <h3 id="engines-title">The three engines, side by side</h3>
      <p className="hint">
        {differs ? 'The engines differ here: the marked values (≠) are not what the others do.' : 'All three engines do the same here.'} Only the engine running this page can be checked by a run.
      </p>
      <table className="engine-table" aria-labelledby="engines-title" data-testid="engines">
        <thead>
          <tr>
            <th scope="col">Engine</th>
            {ENGINE_COLUMNS.map((column) => <th key={column} scope="col">{HEADINGS[column]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.engine} className={row.thisBrowser ? 'this-browser' : undefined}>
              <th scope="row">
                {row.label}
                {row.thisBrowser && <span className="this-browser-tag"> (this browser)</span>}
              </th>
              {row.cells ? (
                ENGINE_COLUMNS.map((column) => {
                  const cell = row.cells![column];
                  return (
                    <td key={column} data-differs={cell.differs} data-label={HEADINGS[column]} className={`${cell.differs ? 'differs' : ''} engine-${column}`}>
                      {cell.differs && <span aria-hidden="true">≠ </span>}
                      {cell.differs && <span className="visually-hidden">differs: </span>}
                      {column === 'console' ? <span className="engine-console">{cell.text}</span> : cell.text}
                    </td>
                  );
                })
              ) : (
                <td colSpan={ENGINE_COLUMNS.length} className="hint">No prediction: {row.unavailable}.</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
