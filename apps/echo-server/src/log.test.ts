import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

/** A logger whose output is collected: the chunks as written, and the text of them all. */
function collecting(level: Parameters<typeof createLogger>[0] = 'info') {
  const chunks: string[] = [];
  const logger = createLogger(level, (chunk) => chunks.push(Buffer.from(chunk).toString('utf8')));
  return { logger, chunks, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('createLogger', () => {
  it('writes one JSON line per event: time, level, msg, then the fields in order, undefined ones left out', () => {
    const { logger, lines } = collecting();
    logger.log('info', 'request', { method: 'GET', path: '/x', status: 200, ms: 0.25, runId: undefined, origin: 'http://api.test' });
    logger.flush();
    const [line] = lines();
    expect(Object.keys(JSON.parse(line!))).toEqual(['time', 'level', 'msg', 'method', 'path', 'status', 'ms', 'origin']);
    expect(JSON.parse(line!)).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/x', status: 200, ms: 0.25, origin: 'http://api.test' });
    expect(new Date(JSON.parse(line!).time).toISOString()).toBe(JSON.parse(line!).time);
  });

  it('writes exactly what JSON.stringify would, whatever the fields hold', () => {
    const field = fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string()), fc.dictionary(fc.string(), fc.integer()));
    // (Names that are array indices would come first in an object: the code uses none.)
    const names = fc.string({ minLength: 1 }).filter((name) => !['time', 'level', 'msg', '__proto__'].includes(name) && !/^\d+$/.test(name));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.dictionary(names, field), (message, fields) => {
        const { logger, lines } = collecting();
        logger.log('warn', message, fields);
        logger.flush();
        const [line] = lines();
        const time = (JSON.parse(line!) as { time: string }).time;
        expect(line).toBe(JSON.stringify({ time, level: 'warn', msg: message, ...fields }));
      }),
    );
  });

  it('leaves out events below its level', () => {
    const { logger, lines } = collecting('warn');
    logger.log('info', 'not shown');
    logger.log('debug', 'not shown');
    logger.log('warn', 'shown');
    logger.flush();
    expect(lines().map((line) => JSON.parse(line).msg)).toEqual(['shown']);
    expect(logger.enabled('info')).toBe(false);
    expect(logger.enabled('error')).toBe(true);
  });

  it('writes lines together, later, in order; an error line at once, with everything before it', () => {
    const { logger, chunks, lines } = collecting();
    logger.log('info', 'one');
    logger.log('info', 'two');
    expect(chunks).toEqual([]);
    logger.log('error', 'three');
    expect(chunks).toHaveLength(1);
    expect(lines().map((line) => JSON.parse(line).msg)).toEqual(['one', 'two', 'three']);
  });

  it('writes queued lines by itself shortly after', async () => {
    const { logger, lines } = collecting();
    logger.log('info', 'soon');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines().map((line) => JSON.parse(line).msg)).toEqual(['soon']);
  });

  it('keeps every line whole and in order, long ones and many', () => {
    const { logger, lines } = collecting();
    const long = 'é'.repeat(40_000); // more than the buffer holds once encoded
    for (let i = 0; i < 2_000; i++) logger.log('info', i === 1_000 ? long : `line ${i}`);
    logger.flush();
    const messages = lines().map((line) => JSON.parse(line).msg);
    expect(messages).toHaveLength(2_000);
    expect(messages[1_000]).toBe(long);
    expect(messages.filter((_, i) => i !== 1_000)).toEqual(Array.from({ length: 2_000 }, (_, i) => `line ${i}`).filter((_, i) => i !== 1_000));
  });

  it('writes a request line exactly as the general form would', () => {
    const text = fc.option(fc.string({ unit: 'binary' }), { nil: undefined });
    const number = fc.oneof(fc.double(), fc.integer());
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text, number, number, text, text, fc.constantFrom('info', 'error') as fc.Arbitrary<'info' | 'error'>, (method, path, status, ms, runId, origin, level) => {
        const fast = collecting();
        fast.logger.request(level, { method, path, status, ms, runId, origin });
        fast.logger.flush();
        const general = collecting();
        general.logger.log(level, 'request', { method, path, status, ms, runId, origin });
        general.logger.flush();
        const time = (line: string) => (JSON.parse(line) as { time: string }).time;
        const [fastLine] = fast.lines();
        const [generalLine] = general.lines();
        expect(fastLine!.replace(time(fastLine!), '')).toBe(generalLine!.replace(time(generalLine!), ''));
      }),
    );
  });
});
