import { describe, expect, it } from 'vitest';
import { lessonCatalog } from '../lessons/catalog';
import { createAppStore } from '../store/store';
import { applyRoute, parseRoute, routeHref } from './route';

describe('routes in the fragment', () => {
  it('names the workshop screens', () => {
    expect(parseRoute('')).toEqual({ kind: 'playground' });
    expect(parseRoute('#/')).toEqual({ kind: 'playground' });
    expect(parseRoute('#/lessons')).toEqual({ kind: 'lessons' });
    expect(parseRoute('#/lessons/')).toEqual({ kind: 'lessons' });
    expect(parseRoute('#/cheat-sheet')).toEqual({ kind: 'cheat-sheet' });
    expect(parseRoute('#/lessons/simple-requests')).toEqual({ kind: 'lesson', id: 'simple-requests', mode: 'learn' });
    expect(parseRoute('#/lessons/simple-requests/locked')).toEqual({ kind: 'lesson', id: 'simple-requests', mode: 'locked' });
    expect(parseRoute('#/present/simple-requests')).toEqual({ kind: 'lesson', id: 'simple-requests', mode: 'present' });
    expect(parseRoute('#/lessons/Bad_Id')).toEqual({ kind: 'unknown', path: '/lessons/Bad_Id' });
  });

  it('leaves share links to open-share-link (they are not routes)', () => {
    expect(parseRoute('#s=abc')).toBeNull();
    expect(parseRoute('#scenario=abc&p=firefox')).toBeNull();
  });

  it('the links the UI writes are the routes it reads', () => {
    expect(parseRoute(routeHref.locked('a-b'))).toEqual({ kind: 'lesson', id: 'a-b', mode: 'locked' });
    expect(parseRoute(routeHref.present('a-b'))).toEqual({ kind: 'lesson', id: 'a-b', mode: 'present' });
  });

  it('a link to a lesson that does not exist shows the list and says so', () => {
    const store = createAppStore();
    expect(applyRoute(store, '#/lessons/no-such-lesson', lessonCatalog)).toBe(true);
    expect(store.getState().view).toEqual({ kind: 'lessons' });
    expect(store.getState().notices.at(-1)?.title).toMatch(/no lesson "no-such-lesson"/);
  });

  it('opens a lesson, and the playground again', () => {
    const store = createAppStore();
    const id = lessonCatalog().lessons[0]!.id;
    applyRoute(store, routeHref.locked(id), lessonCatalog);
    expect(store.getState().view).toEqual({ kind: 'lesson', id, mode: 'locked' });
    applyRoute(store, '#/', lessonCatalog);
    expect(store.getState().view).toEqual({ kind: 'playground' });
    expect(store.getState().lesson).toBeNull();
  });
});
