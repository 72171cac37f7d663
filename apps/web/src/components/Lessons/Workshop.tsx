// The workshop's screens (everything but the playground), chosen by the store's `view`.
import { selectShownLesson } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { CheatSheet } from './CheatSheet';
import { LessonList } from './LessonList';
import { LessonView } from './LessonView';

export function Workshop() {
  const view = useAppStore((state) => state.view);
  const lesson = useAppStore(selectShownLesson);
  if (view.kind === 'lesson' && lesson) return <LessonView lesson={lesson} mode={view.mode} />;
  if (view.kind === 'cheat-sheet') return <CheatSheet />;
  return <LessonList />;
}
