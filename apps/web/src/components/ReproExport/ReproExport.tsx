// "Export repro bundle": the scenario JSON, the cURL commands, a standalone page performing the request
// and the explanation as Markdown, for a bug report. The action builds them; this offers the downloads.
import { closeReproBundle, exportReproBundle } from '../../share/repro-actions';
import { useAppStore } from '../../store/store';

const SIZE = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`);

export function ReproExport() {
  const files = useAppStore((state) => state.reproDownloads);
  return (
    <div className="share-panel">
      <div className="share-buttons">
        <button type="button" onClick={() => void exportReproBundle()} data-testid="repro-export">Export repro bundle</button>
      </div>
      {files && (
        <div className="import-box" role="status" data-testid="repro-files">
          <p>The repro bundle: the page and the cURL commands use this playground&apos;s echo server, so they answer as the scenario says. Open <code>repro.html</code> from the scenario&apos;s page origin and press Run.</p>
          <ul>
            {files.map((file) => (
              <li key={file.name}><a href={file.url} download={file.name} data-testid="repro-file">{file.name}</a> <span className="sub">({SIZE(file.bytes)})</span></li>
            ))}
          </ul>
          <button type="button" onClick={() => closeReproBundle()}>Close</button>
        </div>
      )}
    </div>
  );
}
