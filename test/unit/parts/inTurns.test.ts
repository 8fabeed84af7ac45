import * as assert from 'assert';
import { Disposable, inTurns } from '../../../src/parts/inTurns';

const registration = (name: string, log: string[]): Disposable => ({ dispose: () => log.push(`dispose ${name}`) });

describe('inTurns (registrations after activate() returns)', () => {
  it('runs no step before activate() has returned, then each step in a turn of its own, in order', async () => {
    const log: string[] = [];
    const keep: Disposable[] = [];
    const done = inTurns([
      () => { log.push('commands'); return [registration('commands', log)]; },
      () => { log.push('tools'); return [registration('tools', log)]; },
    ], keep);
    log.push('activate() returned');
    await Promise.resolve(); // a microtask is not a turn: nothing registered yet
    assert.deepStrictEqual(log, ['activate() returned']);
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(log, ['activate() returned', 'commands'], 'the first turn ran the first step only');
    await done;
    assert.deepStrictEqual(log, ['activate() returned', 'commands', 'tools']);
    assert.strictEqual(keep.length, 2, 'every registration is kept for disposal');
  });

  it('resolves only once every step has registered, keeping each as soon as its step returns', async () => {
    const keep: Disposable[] = [];
    const seen: number[] = [];
    await inTurns([() => [registration('a', []), registration('b', [])], () => { seen.push(keep.length); return []; }, () => [registration('c', [])]], keep);
    assert.deepStrictEqual(seen, [2], 'the second step saw the first step\'s registrations kept');
    assert.strictEqual(keep.length, 3);
  });

  it('rejects with the error of a step that throws, keeps what was registered before it, and runs no step after it', async () => {
    const keep: Disposable[] = [];
    let after = false;
    await assert.rejects(inTurns([() => [registration('a', [])], () => { throw new Error('registration failed'); }, () => { after = true; return []; }], keep), /registration failed/);
    assert.strictEqual(keep.length, 1, 'the registrations before the failure are kept, so deactivation disposes them');
    assert.strictEqual(after, false);
  });
});
