// Notices: saved state that was reset, a share link that could not be opened, a load that can be undone.
import { undoLoad } from '../../store/scenario-actions';
import { useAppStore } from '../../store/store';

export function Notices() {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <p className="notice-title">
            <span aria-hidden="true">{notice.kind === 'error' ? '✗ ' : notice.kind === 'warning' ? '⚠ ' : 'ℹ '}</span>
            {notice.title}
          </p>
          {notice.lines.length > 0 && (
            <ul>
              {notice.lines.map((line, index) => (
                <li key={index}><code>{line}</code></li>
              ))}
            </ul>
          )}
          <div className="notice-buttons">
            {notice.action === 'undo-load' && <button type="button" onClick={() => undoLoad()}>Undo</button>}
            <button type="button" onClick={() => dismiss(notice.id)}>Dismiss</button>
          </div>
        </div>
      ))}
    </section>
  );
}
