// The one screen: the request and the server's answers on the left, the results on the right.
import { useEffect } from 'react';
import { BugReportPanel } from '../components/BugReportPanel/BugReportPanel';
import { Fixes } from '../components/Fixes/Fixes';
import { History } from '../components/History/History';
import { Notices } from '../components/Notices/Notices';
import { PolicyPanel } from '../components/PolicyPanel/PolicyPanel';
import { PresetPicker } from '../components/PresetPicker/PresetPicker';
import { ReproExport } from '../components/ReproExport/ReproExport';
import { RequestPanel } from '../components/RequestPanel/RequestPanel';
import { Results } from '../components/Results/Results';
import { RunButton } from '../components/RunButton/RunButton';
import { ScenarioMeta } from '../components/ScenarioMeta/ScenarioMeta';
import { ServerPanel } from '../components/ServerPanel/ServerPanel';
import { ShareBoxes, SharePanel } from '../components/SharePanel/SharePanel';
import { ThemeToggle } from '../components/ThemeToggle/ThemeToggle';
import { Workshop } from '../components/Lessons/Workshop';
import { useAppStore } from '../store/store';
import { routeHref } from './route';
import { listenForRunShortcut } from './run-shortcut';

export function App() {
  useEffect(() => listenForRunShortcut(), []);
  const workshop = useAppStore((state) => state.view.kind !== 'playground');
  if (workshop) return <Workshop />;
  return (
    <>
      <a className="skip-link" href="#results-title">Skip to the result</a>
      <header className="app-header">
        <h1>CORS Playground</h1>
        <PresetPicker />
        <SharePanel />
        <BugReportPanel />
        <ReproExport />
        <a href={routeHref.lessons} className="workshop-link">Lessons</a>
        <ThemeToggle />
      </header>
      <ShareBoxes />
      <Notices />
      <main className="layout">
        <div className="column edit-column">
          <ScenarioMeta />
          <RequestPanel />
          <ServerPanel />
          <PolicyPanel />
        </div>
        <div className="column result-column">
          <RunButton />
          <Results />
          <Fixes />
          <History />
        </div>
      </main>
    </>
  );
}
