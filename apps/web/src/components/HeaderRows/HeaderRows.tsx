// Editable header rows: name and value, add, remove, move up and down. Order, case and duplicates are
// the user's: nothing here normalizes them. Problems from validation show inline, next to the field.
import { useId } from 'react';
import type { HeaderList } from '@cors-playground/cors-core';
import { addHeader, moveHeader, removeHeader, setHeader } from '../../store/scenario-edits';

export interface HeaderRowsProps {
  label: string;
  rows: HeaderList;
  onChange: (rows: HeaderList) => void;
  /** Validation path of the list, e.g. `request.headers`: issues at `<path>[i][0]` flag the name field. */
  path: string;
  issues: Map<string, string>;
  suggestions?: string;
}

export function HeaderRows({ label, rows, onChange, path, issues, suggestions }: HeaderRowsProps) {
  const id = useId();
  return (
    <fieldset className="header-rows">
      <legend>{label}</legend>
      {rows.length === 0 && <p className="hint">No headers.</p>}
      <ol className="rows">
        {rows.map(([name, value], index) => {
          const nameIssue = issues.get(`${path}[${index}][0]`) ?? issues.get(`${path}[${index}]`);
          const valueIssue = issues.get(`${path}[${index}][1]`);
          const nameId = `${id}-name-${index}`;
          const valueId = `${id}-value-${index}`;
          return (
            <li key={index} className="row">
              <input
                id={nameId}
                aria-label={`${label}: name of header ${index + 1}`}
                className="header-name"
                value={name}
                title={name || undefined}
                placeholder="Name"
                list={suggestions}
                spellCheck={false}
                aria-invalid={nameIssue ? true : undefined}
                aria-describedby={nameIssue ? `${nameId}-issue` : undefined}
                onChange={(event) => onChange(setHeader(rows, index, 0, event.target.value))}
              />
              <input
                id={valueId}
                aria-label={`${label}: value of header ${index + 1}`}
                className="header-value"
                value={value}
                title={value || undefined}
                placeholder="Value"
                spellCheck={false}
                aria-invalid={valueIssue ? true : undefined}
                aria-describedby={valueIssue ? `${valueId}-issue` : undefined}
                onChange={(event) => onChange(setHeader(rows, index, 1, event.target.value))}
              />
              <span className="row-actions">
                <button type="button" className="icon" aria-label={`Move header ${index + 1} up`} disabled={index === 0} onClick={() => onChange(moveHeader(rows, index, -1))}>↑</button>
                <button type="button" className="icon" aria-label={`Move header ${index + 1} down`} disabled={index === rows.length - 1} onClick={() => onChange(moveHeader(rows, index, 1))}>↓</button>
                <button type="button" className="icon" aria-label={`Remove header ${index + 1}`} onClick={() => onChange(removeHeader(rows, index))}>✕</button>
              </span>
              {nameIssue && <p id={`${nameId}-issue`} className="issue" role="note">⚠ {nameIssue}</p>}
              {valueIssue && <p id={`${valueId}-issue`} className="issue" role="note">⚠ {valueIssue}</p>}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange(addHeader(rows))}>+ Add header</button>
    </fieldset>
  );
}
