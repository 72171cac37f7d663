// The lesson format (issue 13; /work/shared LESSON-FORMAT.md, packages/cors-core/lessons/README.md): a
// lesson is data that wraps two scenarios, the one the learner predicts and runs and the fix that meets
// a goal, with the text, the questions asked before Run and the rules for the cheat sheet. The scenario
// parts are the scenario schema itself, so a lesson's scenarios are plain corpus scenarios.
import { z } from 'zod';
import { ExpectSchema, ScenarioSchema } from '../scenario/schema';

/** Rows of shared/confusions.md ("What people get wrong about CORS"); every row is covered by some lesson. */
export const CONFUSION_ROWS = 12;

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'an id is kebab-case: lower-case letters, digits and single hyphens' })
  .max(80, { error: 'an id may be at most 80 characters' });

const Text = (max: number) => z.string().trim().min(1, { error: 'the text is empty' }).max(max, { error: `at most ${max} characters` });

export const LessonChoiceSchema = z.object({ id: Id, text: Text(300) }).strict();

const questionFields = {
  id: Id.describe('unique inside the lesson (used in progress)'),
  prompt: Text(300).describe('asked before Run'),
  why: Text(600).describe('shown at the reveal: short and exact'),
};

export const LessonQuestionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...questionFields,
      kind: z.literal('choice'),
      choices: z.array(LessonChoiceSchema).min(2, { error: 'a choice question has at least 2 choices' }).max(6, { error: 'at most 6 choices' }),
      answer: Id.describe('the id of the right choice'),
    })
    .strict(),
  z
    .object({
      ...questionFields,
      kind: z.literal('free'),
      answer: Text(600).describe('the model answer, shown at the reveal'),
    })
    .strict(),
]);

/** One rule line of the printable cheat sheet, with the spec (or MDN/RFC) link that states it. */
export const CheatSheetRuleSchema = z
  .object({
    rule: Text(240).describe('one rule, one line: what the browser does, in the lesson\'s words'),
    link: z.string().regex(/^https:\/\/\S+$/, { error: 'a link is an https:// URL' }).max(500).describe('where the rule is stated (Fetch standard anchor, RFC section, MDN)'),
  })
  .strict();

export const LessonFixSchema = z
  .object({
    task: Text(400).describe('shown after the reveal'),
    hint: Text(400).optional(),
    goal: ExpectSchema.describe('checked against the learner\'s real run: any fields of expect (a subset); placeholders such as {page} allowed'),
    solution: ScenarioSchema.describe('a scenario that meets the goal in all three engines, with its own expect'),
  })
  .strict();

export const LessonSchema = z
  .object({
    $schema: z.string().optional().describe('the JSON Schema of this file, for editors'),
    id: Id.describe('kebab-case, unique, stable: used in links and progress'),
    title: Text(120),
    minutes: z.number().int({ error: 'minutes is a whole number' }).min(1, { error: 'a lesson takes at least 1 minute' }).max(60, { error: 'a lesson takes at most 60 minutes' }),
    confusions: z
      .array(z.number().int().min(1, { error: `a row of shared/confusions.md: 1 to ${CONFUSION_ROWS}` }).max(CONFUSION_ROWS, { error: `a row of shared/confusions.md: 1 to ${CONFUSION_ROWS}` }))
      .max(CONFUSION_ROWS)
      .default([])
      .describe('rows of shared/confusions.md this lesson covers'),
    text: z.array(Text(1200)).min(1, { error: 'a lesson has 1 to 4 paragraphs' }).max(4, { error: 'a lesson has 1 to 4 paragraphs' }).describe('plain text with `code` spans'),
    scenario: ScenarioSchema.describe('what the learner predicts and runs; expect = real Chromium, expectBy where Firefox/WebKit differ'),
    questions: z.array(LessonQuestionSchema).min(1, { error: 'a lesson asks 1 to 3 questions' }).max(3, { error: 'a lesson asks 1 to 3 questions' }),
    fix: LessonFixSchema,
    engines: Text(800).optional().describe('how Chromium, Firefox and WebKit differ for this lesson'),
    lan: Text(800).optional().describe('what changes when the workshop runs on a LAN'),
    cheatSheet: z.array(CheatSheetRuleSchema).min(1).max(3).optional().describe('the rules this lesson teaches, for the printable cheat sheet'),
  })
  .strict()
  .superRefine((lesson, ctx) => {
    const seen = new Set<string>();
    lesson.questions.forEach((question, index) => {
      if (seen.has(question.id)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `the question id "${question.id}" is used twice` });
      seen.add(question.id);
      if (question.kind !== 'choice') return;
      const ids = question.choices.map((choice) => choice.id);
      ids.forEach((id, choice) => {
        if (ids.indexOf(id) !== choice) ctx.addIssue({ code: 'custom', path: ['questions', index, 'choices', choice, 'id'], message: `the choice id "${id}" is used twice` });
      });
      if (!ids.includes(question.answer)) {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'answer'], message: `"${question.answer}" is not one of the choices (${ids.map((id) => `"${id}"`).join(', ')})` });
      }
    });
    if (!lesson.scenario.expect) ctx.addIssue({ code: 'custom', path: ['scenario', 'expect'], message: 'a lesson\'s scenario needs its expect (what real Chromium does)' });
    if (!lesson.fix.solution.expect) ctx.addIssue({ code: 'custom', path: ['fix', 'solution', 'expect'], message: 'the fix solution needs its expect (what real Chromium does)' });
    if (Object.keys(lesson.fix.goal).length === 0) ctx.addIssue({ code: 'custom', path: ['fix', 'goal'], message: 'the goal is empty: name at least one field of expect the fixed run must show' });
    const rows = lesson.confusions;
    rows.forEach((row, index) => {
      if (rows.indexOf(row) !== index) ctx.addIssue({ code: 'custom', path: ['confusions', index], message: `row ${row} is listed twice` });
    });
  });

export type Lesson = z.output<typeof LessonSchema>;
export type LessonInput = z.input<typeof LessonSchema>;
export type LessonQuestion = z.output<typeof LessonQuestionSchema>;
export type LessonChoice = z.output<typeof LessonChoiceSchema>;
export type LessonFix = z.output<typeof LessonFixSchema>;
/** A subset of `expect`: what the learner's fixed run must show. */
export type LessonFixGoal = z.output<typeof ExpectSchema>;
export type CheatSheetRule = z.output<typeof CheatSheetRuleSchema>;

/** The JSON Schema of a lesson file, for editors (like `scenarioJsonSchema`). */
export function lessonJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(LessonSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'CORS playground lesson' };
}
