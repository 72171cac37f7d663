// One lesson: its text and scenario on the left; the questions, Run and the result on the right, so the
// request and the result are on screen together (at 150% zoom of a 1280×720 projector too). The answer
// is rendered only from the reveal on (selectAnswerShown); before that nothing of it is in the page.
// Modes: `learn` (links to the other lessons), `locked` (an instructor link: none), `present` (large type).
import type { Lesson } from '@cors-playground/cors-core';
import { routeHref } from '../../app/route';
import { lessonCatalog } from '../../lessons/catalog';
import { selectAnswerShown, type LessonMode } from '../../store/lesson-slice';
import { useAppStore } from '../../store/store';
import { InlineCode } from '../InlineCode/InlineCode';
import { Notices } from '../Notices/Notices';
import { ThemeToggle } from '../ThemeToggle/ThemeToggle';
import { LessonFixResult, LessonFixTask } from './LessonFix';
import { LessonQuestions } from './LessonQuestions';
import { LessonReveal } from './LessonReveal';
import { LessonRealResult, LessonRunBar } from './LessonRun';
import { ScenarioSummary } from './ScenarioSummary';

function LessonNav({ lesson, mode }: { lesson: Lesson; mode: LessonMode }) {
  if (mode === 'locked') return null;
  const index = lessonCatalog().lessons.findIndex((entry) => entry.id === lesson.id);
  const href = mode === 'present' ? routeHref.present : routeHref.lesson;
  const previous = lessonCatalog().lessons[index - 1];
  const next = lessonCatalog().lessons[index + 1];
  return (
    <nav className="lesson-nav" aria-label="Lessons">
      <a href={routeHref.lessons}>All lessons</a>
      {previous && <a href={href(previous.id)} rel="prev">← {index}. {previous.title}</a>}
      {next && <a href={href(next.id)} rel="next" data-testid="next-lesson">{index + 2}. {next.title} →</a>}
      {mode === 'present' ? <a href={routeHref.lesson(lesson.id)}>Leave the presenter view</a> : <a href={routeHref.present(lesson.id)} data-testid="present-toggle">Presenter view</a>}
    </nav>
  );
}

export function LessonView({ lesson, mode }: { lesson: Lesson; mode: LessonMode }) {
  const phase = useAppStore((state) => state.phase);
  const shown = useAppStore(selectAnswerShown);
  const startFix = useAppStore((state) => state.startFix);
  const scenario = useAppStore((state) => state.scenario);
  const number = lessonCatalog().lessons.findIndex((entry) => entry.id === lesson.id) + 1;
  const fixing = phase === 'fixing' || phase === 'fixed';
  const present = mode === 'present';
  const text = (
    <section className="panel lesson-text" aria-label="The lesson">
      {lesson.text.map((paragraph, index) => <p key={index}><InlineCode text={paragraph} /></p>)}
    </section>
  );
  return (
    <div className={`workshop lesson-view mode-${mode}`} data-testid="lesson-view" data-phase={phase} data-mode={mode}>
      <header className="app-header lesson-header">
        <p className="lesson-kicker">Lesson {number > 0 ? number : ''} · {lesson.minutes} min{mode === 'locked' ? ' · instructor link' : ''}</p>
        <h1 data-testid="lesson-title">{lesson.title}</h1>
        <LessonNav lesson={lesson} mode={mode} />
        {mode !== 'present' && <ThemeToggle />}
      </header>
      <Notices />
      <main className="layout lesson-layout">
        <div className="column">
          {!present && text}
          {fixing ? <LessonFixTask lesson={lesson} /> : <ScenarioSummary scenario={scenario} />}
          {present && text}
        </div>
        <div className="column">
          {/* On the projector the result comes first, beside the request; the answers follow. */}
          {!(present && phase !== 'predict') && <LessonQuestions lesson={lesson} />}
          <LessonRunBar />
          <LessonRealResult />
          {shown && <LessonReveal lesson={lesson} />}
          {phase === 'revealed' && (
            <button type="button" className="run" onClick={startFix} data-testid="start-fix">Now fix it</button>
          )}
          {fixing && <LessonFixResult />}
          {present && phase !== 'predict' && <LessonQuestions lesson={lesson} />}
        </div>
      </main>
    </div>
  );
}
