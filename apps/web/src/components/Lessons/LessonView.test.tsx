// The lesson screen renders nothing of the answer before the reveal: not the prediction, not the console
// text, not the steps, not the engines, not the scenario's title or notes.
import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DEFAULT_ORIGINS } from '@cors-playground/cors-core';
import { explainScenario } from '../../core/adapter';
import { lessonById, lessonCatalog } from '../../lessons/catalog';
import { appStore, resetAppStore } from '../../store/store';
import { CheatSheet } from './CheatSheet';
import { LessonList } from './LessonList';
import { LessonView } from './LessonView';

const lesson = lessonById(lessonCatalog(), 'what-triggers-a-preflight')!;
const GIVEAWAYS = ['data-testid="prediction"', 'cors-core predicts', 'data-testid="console"', 'Why, step by step', 'data-testid="engines"', 'data-testid="lesson-grade"', 'data-testid="agreement"'];

function render(mode: 'learn' | 'locked' | 'present' = 'learn'): string {
  return renderToStaticMarkup(<LessonView lesson={lesson} mode={mode} />);
}

function finishRun() {
  const prediction = explainScenario(lesson.scenario, 'chromium', DEFAULT_ORIGINS);
  if (!prediction.ok) throw new Error(prediction.reason);
  const state = appStore.getState();
  state.addRun({ id: 1, startedAt: 0, scenario: lesson.scenario, origins: DEFAULT_ORIGINS, browser: state.browser, status: 'done', observation: { ok: true, observation: prediction.explanation.prediction } });
  appStore.getState().recordLessonRun(appStore.getState().runs[0]!);
}

describe('LessonView', () => {
  beforeEach(() => {
    resetAppStore();
    appStore.getState().openLesson(lesson, 'learn');
  });

  it('before the run: the text, the request, the questions; nothing of the answer', () => {
    const html = render();
    expect(html).toContain(lesson.title);
    expect(html).toContain('data-testid="lesson-request"');
    expect(html).toContain(lesson.questions[0]!.prompt.replace(/`/g, '').slice(0, 20));
    for (const giveaway of GIVEAWAYS) expect(html).not.toContain(giveaway);
    if (lesson.scenario.notes) expect(html).not.toContain(lesson.scenario.notes.slice(0, 30));
    if (lesson.scenario.title) expect(html).not.toContain(lesson.scenario.title);
    expect(html).toContain('Answer the question first');
  });

  it('after answering and running, still nothing of the answer until Reveal', () => {
    appStore.getState().answerQuestion('preflight', 'yes');
    appStore.getState().answerQuestion('reaches-server', 'no');
    finishRun();
    const html = render();
    expect(html).toContain('data-testid="browser-verdict"');
    expect(html).toContain('data-testid="reveal"');
    for (const giveaway of GIVEAWAYS) expect(html).not.toContain(giveaway);
    appStore.getState().reveal();
    const revealed = render();
    for (const giveaway of GIVEAWAYS) expect(revealed).toContain(giveaway);
    expect(revealed.match(/data-grade="right"/g)).toHaveLength(2);
  });

  it('an instructor link has no way to another lesson; a learner\'s view does', () => {
    expect(render('locked')).not.toContain('All lessons');
    expect(render('learn')).toContain('All lessons');
    expect(render('learn')).toContain(`href="#/present/${lesson.id}"`);
    expect(render('present')).toContain(`href="#/lessons/${lesson.id}"`);
  });
});

describe('LessonList and CheatSheet', () => {
  beforeEach(resetAppStore);

  it('lists every lesson with its progress and the teacher\'s links', () => {
    appStore.getState().setProgress({ [lesson.id]: { answered: true, right: 2, choices: 2, fixed: true } });
    const html = renderToStaticMarkup(<LessonList />);
    expect(html.match(/data-testid="lesson-entry"/g)).toHaveLength(lessonCatalog().lessons.length);
    expect(html).toContain('2/2 right, fixed');
    expect(html).toContain(`href="#/lessons/${lesson.id}/locked"`);
    expect(html).toContain(`href="#/present/${lesson.id}"`);
    expect(html).not.toContain('data-testid="lan-note"');
  });

  it('in LAN mode says what attendees open', () => {
    appStore.getState().setOrigins({ page: 'http://192.168.1.20:8787', api: 'http://192.168.1.20:8788', other: 'http://192.168.1.20:8789' });
    const html = renderToStaticMarkup(<LessonList />);
    expect(html).toContain('data-testid="lan-note"');
    expect(html).toContain('http://192.168.1.20:8787/#/lessons');
  });

  it('the cheat sheet has every lesson\'s rule lines with their links', () => {
    const html = renderToStaticMarkup(<CheatSheet />);
    const rules = lessonCatalog().lessons.flatMap((entry) => entry.cheatSheet ?? []);
    expect(html.match(/data-testid="cheat-rule"/g) ?? []).toHaveLength(rules.length);
    for (const rule of rules) expect(html).toContain(`href="${rule.link}"`);
  });
});
