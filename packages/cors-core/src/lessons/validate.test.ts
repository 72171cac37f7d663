// The lesson format: validation names the path and the problem, never throws on any input; the lesson's
// scenarios come out as corpus scenarios; the fix check is the expect comparison.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { DEFAULT_ORIGINS } from '../scenario/placeholders';
import { formatIssue } from '../scenario/validate';
import { lessonJsonSchema, type LessonInput } from './schema';
import { fixGoalMet, lessonScenarios, validateLesson, validateLessonText } from './validate';

const blocked = {
  request: { url: '{api}/r' },
  server: { routes: { '/r': { actual: { status: 200, headers: [] as [string, string][] } } } },
  expect: { outcome: 'network-error' as const },
};
const allowed = {
  request: { url: '{api}/r' },
  server: { routes: { '/r': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']] as [string, string][] } } } },
  expect: { outcome: 'ok' as const, status: 200 },
};

function minimal(): LessonInput {
  return {
    id: 'a-lesson',
    title: 'A lesson',
    minutes: 5,
    confusions: [1],
    text: ['One paragraph.'],
    scenario: blocked,
    questions: [
      { id: 'q', prompt: 'Readable?', kind: 'choice', choices: [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }], answer: 'no', why: 'No ACAO.' },
      { id: 'q2', prompt: 'Why?', kind: 'free', answer: 'No ACAO.', why: 'The CORS check.' },
    ],
    fix: { task: 'Fix it.', goal: { outcome: 'ok' }, solution: allowed },
  };
}

const errorsOf = (input: unknown) => {
  const result = validateLesson(input);
  return result.ok ? [] : result.errors.map(formatIssue);
};

describe('validateLesson', () => {
  it('accepts a minimal lesson and fills the scenario defaults', () => {
    const result = validateLesson(minimal());
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.lesson.scenario.page).toBe('{page}');
    expect(result.lesson.scenario.request.method).toBe('GET');
    expect(result.lesson.fix.solution.request.credentials).toBe('same-origin');
  });

  it.each([
    ['an id that is not kebab-case', (l: LessonInput) => ({ ...l, id: 'Not Kebab' }), 'id: an id is kebab-case'],
    ['minutes over 60', (l: LessonInput) => ({ ...l, minutes: 90 }), 'minutes: a lesson takes at most 60 minutes'],
    ['a confusion row that does not exist', (l: LessonInput) => ({ ...l, confusions: [13] }), 'confusions[0]: a row of shared/confusions.md: 1 to 12'],
    ['a confusion row listed twice', (l: LessonInput) => ({ ...l, confusions: [2, 2] }), 'confusions[1]: row 2 is listed twice'],
    ['five paragraphs', (l: LessonInput) => ({ ...l, text: ['a', 'b', 'c', 'd', 'e'] }), 'text: a lesson has 1 to 4 paragraphs'],
    ['no question', (l: LessonInput) => ({ ...l, questions: [] }), 'questions: a lesson asks 1 to 3 questions'],
    ['an answer that is not a choice', (l: LessonInput) => ({ ...l, questions: [{ ...l.questions[0]!, answer: 'maybe' }] }), 'questions[0].answer: "maybe" is not one of the choices ("yes", "no")'],
    ['two questions with one id', (l: LessonInput) => ({ ...l, questions: [l.questions[0]!, { ...l.questions[1]!, id: 'q' }] }), 'questions[1].id: the question id "q" is used twice'],
    ['a choice id used twice', (l: LessonInput) => ({ ...l, questions: [{ ...l.questions[0]!, choices: [{ id: 'no', text: 'a' }, { id: 'no', text: 'b' }] }] }), 'questions[0].choices[1].id: the choice id "no" is used twice'],
    ['an unknown question kind', (l: LessonInput) => ({ ...l, questions: [{ ...l.questions[1]!, kind: 'essay' }] }), 'questions[0].kind'],
    ['a scenario without expect', (l: LessonInput) => ({ ...l, scenario: { ...blocked, expect: undefined } }), "scenario.expect: a lesson's scenario needs its expect"],
    ['a solution without expect', (l: LessonInput) => ({ ...l, fix: { ...l.fix, solution: { ...allowed, expect: undefined } } }), 'fix.solution.expect: the fix solution needs its expect'],
    ['a goal field expect does not have', (l: LessonInput) => ({ ...l, fix: { ...l.fix, goal: { outcome: 'ok', happy: true } } }), 'fix.goal'],
    ['an empty goal', (l: LessonInput) => ({ ...l, fix: { ...l.fix, goal: {} } }), 'fix.goal: the goal is empty'],
    ['a bad response header in the scenario', (l: LessonInput) => ({ ...l, scenario: { ...blocked, server: { routes: { '/r': { actual: { headers: [['Bad Name', 'x']] } } } } } }), 'scenario.server.routes["/r"].actual.headers[0][0]: "Bad Name" is not a valid header name'],
    ['a cheat-sheet link that is not https', (l: LessonInput) => ({ ...l, cheatSheet: [{ rule: 'A rule.', link: 'javascript:alert(1)' }] }), 'cheatSheet[0].link: a link is an https:// URL'],
    ['an unknown field', (l: LessonInput) => ({ ...l, answer: 'x' }), 'answer'],
  ])('refuses %s, naming where', (_what, change, message) => {
    const errors = errorsOf(change(minimal()));
    expect(errors.join('\n')).toContain(message);
  });

  it('reports a request the browser will refuse as a warning at its lesson path', () => {
    const result = validateLesson({ ...minimal(), scenario: { ...blocked, request: { url: '{api}/r', headers: [['X Bad', '1']] } } });
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatIssue)).toEqual(['scenario.request.headers[0][0]: "X Bad" is not a valid header name: the browser throws a TypeError before sending']);
  });
});

describe('validateLessonText', () => {
  it('names the line and column of a JSON syntax error', () => {
    const result = validateLessonText('{\n  "id": "x",\n  oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toMatch(/^line 3, column \d+$/);
  });

  it('refuses an array: one lesson per file', () => {
    const result = validateLessonText(JSON.stringify([minimal()]));
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual(['a lesson file holds one lesson (an object), not an array']);
  });

  it('never throws, whatever the JSON or text (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value) ?? ''), fc.string()), (text) => {
      const result = validateLessonText(text);
      if (!result.ok) for (const issue of result.errors) expect(typeof issue.message).toBe('string');
    }), { numRuns: 300 });
  });

  it('never throws on a lesson with any field replaced by any JSON value, and names the field it refuses (property)', () => {
    const keys = Object.keys(minimal());
    fc.assert(fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
      const result = validateLesson({ ...minimal(), [key]: value });
      if (!result.ok) expect(result.errors.some((issue) => issue.path.startsWith(key) || issue.path === '')).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('lessonScenarios', () => {
  it('gives the scenario and the fix the ids lesson-<id> and lesson-<id>-fix, tagged lesson', () => {
    const result = validateLesson(minimal());
    if (!result.ok) throw new Error('invalid');
    const [scenario, fix] = lessonScenarios(result.lesson);
    expect([scenario.id, fix.id]).toEqual(['lesson-a-lesson', 'lesson-a-lesson-fix']);
    expect(scenario.tags).toEqual(['lesson']);
    expect([scenario.title, fix.title]).toEqual(['A lesson', 'A lesson: fixed']);
    expect(fix.server).toEqual(result.lesson.fix.solution.server);
  });
});

describe('fixGoalMet', () => {
  const predict = (input: typeof blocked | typeof allowed) => {
    const result = validateLesson({ ...minimal(), scenario: input });
    if (!result.ok) throw new Error('invalid');
    return explain(result.lesson.scenario, { origins: DEFAULT_ORIGINS }).prediction;
  };

  it('is met by a run that shows every field of the goal, and lists what a run misses', () => {
    expect(fixGoalMet({ outcome: 'ok', status: 200 }, predict(allowed))).toEqual({ met: true, misses: [], differences: [] });
    const missed = fixGoalMet({ outcome: 'ok', status: 200 }, predict(blocked));
    expect(missed.met).toBe(false);
    expect(missed.misses).toEqual(['outcome: expected "ok", got "network-error"', 'status: expected 200, got 0']);
  });

  it('resolves placeholders in the goal when given the origins of a real run', () => {
    const goal = { receivedHeaders: { origin: '{page}' } };
    const observed = predict(allowed);
    expect(fixGoalMet(goal, observed).met).toBe(false);
    expect(fixGoalMet(goal, observed, DEFAULT_ORIGINS).met).toBe(true);
  });

  it('checks each run of a repeated scenario against the goal`s runs', () => {
    const run = { preflight: false, preflightHeaders: {}, preflightCount: 0, actualSent: true, receivedHeaders: {}, outcome: 'ok' as const, status: 200, readable: {}, console: null };
    const observed = { ...run, runs: [run, { ...run, preflight: true }] };
    expect(fixGoalMet({ runs: [{}, { preflight: false }] }, observed).misses).toEqual(['runs[1].preflight: expected false, got true']);
  });
});

describe('lessonJsonSchema', () => {
  it('describes the lesson fields and reuses the scenario schema', () => {
    const schema = lessonJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'title', 'minutes', 'confusions', 'text', 'scenario', 'questions', 'fix', 'engines', 'lan', 'cheatSheet']));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'minutes', 'text', 'scenario', 'questions', 'fix']));
    expect(Object.keys(schema.properties.scenario?.properties ?? {})).toEqual(expect.arrayContaining(['page', 'request', 'server', 'expect', 'expectBy']));
  });
});
