// The screens of the app, in the URL fragment (so a link opens one and the echo server needs no routes):
//   #/ or nothing          the playground          #/lessons                 the lesson list
//   #/lessons/<id>         a lesson                #/lessons/<id>/locked     an instructor link (no way to another lesson)
//   #/present/<id>         the presenter view      #/cheat-sheet             the printable cheat sheet
// Share links (#s=..., #scenario=...) are not routes: open-share-link.ts reads them, as before.
import type { StoreApi } from 'zustand';
import { lessonById, type LessonCatalog } from '../lessons/catalog';
import type { LessonMode } from '../store/lesson-slice';
import type { AppState } from '../store/store';

export type Route =
  | { kind: 'playground' }
  | { kind: 'lessons' }
  | { kind: 'cheat-sheet' }
  | { kind: 'lesson'; id: string; mode: LessonMode }
  | { kind: 'unknown'; path: string };

export const routeHref = {
  playground: '#/',
  lessons: '#/lessons',
  cheatSheet: '#/cheat-sheet',
  lesson: (id: string) => `#/lessons/${id}`,
  locked: (id: string) => `#/lessons/${id}/locked`,
  present: (id: string) => `#/present/${id}`,
};

const ID = '([a-z0-9]+(?:-[a-z0-9]+)*)';

/** The route a fragment names, or null when it is not a route (a share link, or nothing). */
export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { kind: 'playground' };
  if (!path.startsWith('/')) return null;
  const clean = path.replace(/\/+$/, '');
  if (clean === '/lessons') return { kind: 'lessons' };
  if (clean === '/cheat-sheet') return { kind: 'cheat-sheet' };
  let match = new RegExp(`^/lessons/${ID}(/locked)?$`).exec(clean);
  if (match) return { kind: 'lesson', id: match[1]!, mode: match[2] ? 'locked' : 'learn' };
  match = new RegExp(`^/present/${ID}$`).exec(clean);
  if (match) return { kind: 'lesson', id: match[1]!, mode: 'present' };
  return { kind: 'unknown', path: path.slice(0, 100) };
}

/**
 * Shows the screen the fragment names; false when it names none (the caller then tries a share link).
 * `catalog` is called only for a lesson route (the playground never validates the lessons).
 */
export function applyRoute(store: StoreApi<AppState>, hash: string, catalog: () => LessonCatalog): boolean {
  const route = parseRoute(hash);
  if (!route) return false;
  const state = store.getState();
  if (route.kind === 'lesson') {
    const lesson = lessonById(catalog(), route.id);
    if (lesson) state.openLesson(lesson, route.mode);
    else {
      state.showView({ kind: 'lessons' });
      state.addNotice({ kind: 'error', title: `There is no lesson "${route.id}": here is the list of lessons.`, lines: [] });
    }
    return true;
  }
  if (route.kind === 'unknown') {
    state.showView({ kind: 'playground' });
    state.addNotice({ kind: 'error', title: `This link names no screen of the playground (${route.path}); the playground is shown.`, lines: [] });
    return true;
  }
  if (state.view.kind !== route.kind || state.lesson) state.showView({ kind: route.kind });
  return true;
}
