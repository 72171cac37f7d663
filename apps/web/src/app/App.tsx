// The one screen: the request and the server's answers on the left, the results on the right.
import { BugReportPanel } from '../components/BugReportPanel/BugReportPanel';
import { History } from '../components/History/History';
import { Notices } from '../components/Notices/Notices';
import { PresetPicker } from '../components/PresetPicker/PresetPicker';
import { RequestPanel } from '../components/RequestPanel/RequestPanel';
import { Results } from '../components/Results/Results';
import { RunButton } from '../components/RunButton/RunButton';
import { ServerPanel } from '../components/ServerPanel/ServerPanel';
import { SharePanel } from '../components/SharePanel/SharePanel';
import { ThemeToggle } from '../components/ThemeToggle/ThemeToggle';
import { useAppStore } from '../store/store';

function ScenarioTitle() {
  const title = useAppStore((state) => state.scenario.title);
  const notes = useAppStore((state) => state.scenario.notes);
  return (
    <div className="scenario-title">
      <p className="scenario-name" data-testid="scenario-title">{title ?? 'Untitled scenario'}</p>
      {notes && <p className="scenario-notes">{notes}</p>}
    </div>
  );
}

export function App() {
  return (
    <>
      <a className="skip-link" href="#results-title">Skip to the result</a>
      <header className="app-header">
        <h1>CORS Playground</h1>
        <PresetPicker />
        <SharePanel />
        <BugReportPanel />
        <ThemeToggle />
      </header>
      <Notices />
      <main className="layout">
        <div className="column edit-column">
          <ScenarioTitle />
          <RequestPanel />
          <ServerPanel />
        </div>
        <div className="column result-column">
          <RunButton />
          <Results />
          <History />
        </div>
      </main>
    </>
  );
}
