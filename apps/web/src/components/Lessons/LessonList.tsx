// The workshop's lessons in order, each with the learner's progress and the links a teacher hands out
// (instructor link, presenter view); in LAN mode, the address attendees open and the lessons a LAN changes.
import { routeHref } from '../../app/route';
import { lessonCatalog } from '../../lessons/catalog';
import { selectLanPage } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { InlineCode } from '../InlineCode/InlineCode';
import { Notices } from '../Notices/Notices';
import { ThemeToggle } from '../ThemeToggle/ThemeToggle';

function progressText(progress: { answered: boolean; right: number; choices: number; fixed: boolean } | undefined): string {
  if (!progress) return 'not started';
  if (!progress.answered) return progress.fixed ? 'fixed' : 'not started';
  return `${progress.choices ? `${progress.right}/${progress.choices} right` : 'answered'}${progress.fixed ? ', fixed' : ', not fixed yet'}`;
}

function LanNote({ page }: { page: string }) {
  const differing = lessonCatalog().lessons.filter((lesson) => lesson.lan);
  return (
    <section className="panel lan-note" aria-labelledby="lan-title" data-testid="lan-note">
      <h2 id="lan-title">Workshop on this network</h2>
      <p>Attendees open <a href={`${page}/${routeHref.lessons}`}><code className="lan-url">{page}/{routeHref.lessons}</code></a> in their browser.</p>
      <p className="hint">On a LAN the playground's origins share one address (one port each): they are different origins but the same site, so cookies and SameSite behave as between sites of one owner.</p>
      {differing.length > 0 && (
        <>
          <p>These lessons behave differently on a LAN:</p>
          <ul>{differing.map((lesson) => <li key={lesson.id}><strong>{lesson.title}</strong>: <InlineCode text={lesson.lan!} /></li>)}</ul>
        </>
      )}
    </section>
  );
}

export function LessonList() {
  const progress = useAppStore((state) => state.progress);
  const lan = useAppStore(selectLanPage);
  const total = lessonCatalog().lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
  const done = lessonCatalog().lessons.filter((lesson) => progress[lesson.id]?.fixed).length;
  return (
    <div className="workshop lesson-list-view">
      <header className="app-header">
        <h1>CORS workshop</h1>
        <nav className="lesson-nav" aria-label="Workshop">
          <a href={routeHref.playground}>The playground</a>
          <a href={routeHref.cheatSheet}>Cheat sheet</a>
        </nav>
        <ThemeToggle />
      </header>
      <Notices />
      <main className="lesson-list-main">
        {lan && <LanNote page={lan} />}
        <section className="panel" aria-labelledby="lessons-title">
          <h2 id="lessons-title">Lessons <span className="sub">{lessonCatalog().lessons.length} lessons, {total} minutes; {done} fixed</span></h2>
          <p className="hint">In each lesson you answer first, then run the request for real, then see why, then fix the server. Your progress stays in this browser.</p>
          <ol className="lesson-list" data-testid="lesson-list">
            {lessonCatalog().lessons.map((lesson) => (
              <li key={lesson.id} className="lesson-entry" data-testid="lesson-entry" data-lesson={lesson.id}>
                <a href={routeHref.lesson(lesson.id)} data-testid="lesson-link" className="lesson-link">{lesson.title}</a>{' '}
                <span className="sub">{lesson.minutes} min</span>{' '}
                <span className={`lesson-progress${progress[lesson.id]?.fixed ? ' lesson-progress-done' : ''}`} data-testid="lesson-progress">
                  {progress[lesson.id]?.fixed && <span aria-hidden="true">✓ </span>}
                  {progressText(progress[lesson.id])}
                </span>
                <span className="lesson-teacher-links">
                  <a href={routeHref.locked(lesson.id)} aria-label={`Instructor link: ${lesson.title}`}>instructor link</a>
                  <a href={routeHref.present(lesson.id)} aria-label={`Presenter view: ${lesson.title}`}>presenter view</a>
                </span>
              </li>
            ))}
          </ol>
        </section>
        {lessonCatalog().broken.length > 0 && (
          <section className="panel issue-box" aria-labelledby="broken-title" data-testid="broken-lessons">
            <h2 id="broken-title">Lesson files with errors (not shown above)</h2>
            <ul>
              {lessonCatalog().broken.map((broken) => (
                <li key={broken.file}>
                  <code>{broken.file}</code>
                  <ul>{broken.problems.map((problem, index) => <li key={index}>{problem}</li>)}</ul>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
