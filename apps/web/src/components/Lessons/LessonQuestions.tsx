// The questions asked before Run: radio choices or a free answer. Editable only in the predict phase; at
// the reveal each says right or wrong (a free answer is set beside the model answer) and why.
import type { Lesson, LessonQuestion } from '@cors-playground/cors-core';
import { gradeAnswer, selectAnswerShown } from '../../store/lesson-slice';
import { useAppStore } from '../../store/store';
import { InlineCode } from '../InlineCode/InlineCode';

function Grade({ question, given }: { question: LessonQuestion; given: string | undefined }) {
  const grade = gradeAnswer(question, given);
  const right = question.kind === 'choice' ? question.choices.find((choice) => choice.id === question.answer)?.text : question.answer;
  return (
    <div className={`grade grade-${grade === null ? 'free' : grade ? 'right' : 'wrong'}`} data-testid="lesson-grade" data-grade={grade === null ? 'free' : grade ? 'right' : 'wrong'}>
      <p className="grade-headline">
        {grade === null ? 'Compare with the answer:' : grade ? <><span aria-hidden="true">✓ </span>Right.</> : <><span aria-hidden="true">✗ </span>Not quite. The answer:</>}{' '}
        {grade !== true && <strong><InlineCode text={right ?? ''} /></strong>}
      </p>
      <p className="grade-why"><InlineCode text={question.why} /></p>
    </div>
  );
}

function Question({ question, index }: { question: LessonQuestion; index: number }) {
  const given = useAppStore((state) => state.answers[question.id]);
  const editable = useAppStore((state) => state.phase === 'predict');
  const shown = useAppStore(selectAnswerShown);
  const answer = useAppStore((state) => state.answerQuestion);
  const name = `lesson-q-${question.id}`;
  return (
    <fieldset className="lesson-question" data-testid="lesson-question" disabled={!editable}>
      <legend><span className="visually-hidden">Question {index + 1}: </span><InlineCode text={question.prompt} /></legend>
      {question.kind === 'choice' ? (
        <div className="choices">
          {question.choices.map((choice) => (
            <label key={choice.id} className={shown && choice.id === question.answer ? 'choice choice-answer' : 'choice'}>
              <input type="radio" name={name} value={choice.id} checked={given === choice.id} onChange={() => answer(question.id, choice.id)} data-testid={`choice-${question.id}-${choice.id}`} />
              <InlineCode text={choice.text} />
            </label>
          ))}
        </div>
      ) : (
        <textarea aria-label="Your answer" rows={2} value={given ?? ''} onChange={(event) => answer(question.id, event.target.value)} data-testid={`free-${question.id}`} />
      )}
      {shown && <Grade question={question} given={given} />}
    </fieldset>
  );
}

export function LessonQuestions({ lesson }: { lesson: Lesson }) {
  const phase = useAppStore((state) => state.phase);
  return (
    <section className="panel lesson-questions" aria-labelledby="lesson-questions-title">
      <h2 id="lesson-questions-title">{phase === 'predict' ? 'Before you run: what will happen?' : 'Your answers'}</h2>
      {lesson.questions.map((question, index) => <Question key={question.id} question={question} index={index} />)}
    </section>
  );
}
