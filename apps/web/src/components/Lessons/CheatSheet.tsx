// One printable page of the rules the lessons teach (each lesson's `cheatSheet` lines) with the links that
// state them. The print CSS (styles.css, @media print) drops the chrome and fits it on one page.
import { routeHref } from '../../app/route';
import { lessonCatalog } from '../../lessons/catalog';
import { InlineCode } from '../InlineCode/InlineCode';

export function CheatSheet() {
  const lessons = lessonCatalog().lessons.filter((lesson) => lesson.cheatSheet?.length);
  return (
    <div className="workshop cheat-sheet-view">
      <nav className="lesson-nav no-print" aria-label="Workshop">
        <a href={routeHref.lessons}>All lessons</a>
        <button type="button" onClick={() => window.print()}>Print</button>
      </nav>
      <main className="cheat-sheet" data-testid="cheat-sheet">
        <h1>CORS cheat sheet</h1>
        <p className="hint">What the browser does, rule by rule, with where each rule is written down. From the CORS Playground workshop.</p>
        <ol className="cheat-rules">
          {lessons.map((lesson) => (
            <li key={lesson.id}>
              <h2>{lesson.title}</h2>
              <ul>
                {lesson.cheatSheet!.map((line, index) => (
                  <li key={index} data-testid="cheat-rule">
                    <InlineCode text={line.rule} /> <a href={line.link} className="cheat-link">{line.link.replace(/^https:\/\/(www\.)?/, '')}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        {lessons.length === 0 && <p>No lesson has cheat sheet lines yet.</p>}
      </main>
    </div>
  );
}
