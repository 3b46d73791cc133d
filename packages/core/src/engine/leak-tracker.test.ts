import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { liveTensors, setDebug } from '../memory/set-debug';
import { add } from '../ops/add';
import { gelu } from '../ops/gelu';
import { logSumExp } from '../ops/log-sum-exp';
import { moments } from '../ops/moments';
import { tensor } from '../ops/tensor';
import { variance } from '../ops/variance';
import type { LeakReport } from './leak-tracker';

/**
 * `gc` for this file only: vitest.config.ts is shared, so instead of `--expose-gc` in execArgv the flag is set at
 * run time and `gc` is taken from a fresh context, where V8 installs it once the flag is on.
 */
function exposeGarbageCollector(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const collector = runInNewContext('gc') as unknown;
    return typeof collector === 'function' ? (collector as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const THIS_FILE = 'leak-tracker.test.ts';

afterEach(() => {
  setDebug({ trackLeaks: false, onLeak: undefined });
});

describe('leak tracking', () => {
  it('liveTensors lists a tensor that was not disposed, with a stack naming where it was made', () => {
    setDebug({ trackLeaks: true });
    const leaked = tensor([1, 2, 3], [3]);
    const fromOp = add(leaked, leaked);
    const reports = liveTensors();
    const report = reports.find((entry) => entry.id === leaked.id);
    expect(report).toBeDefined();
    expect(report?.shape).toEqual([3]);
    expect(report?.dtype).toBe('float32');
    expect(report?.stack).toContain(THIS_FILE);
    // The engine's own frames are cut so the first line points into the library op or the caller.
    expect(report?.stack.split('\n')[0]).not.toMatch(/LeakTracker|registerTensor/);
    expect(reports.find((entry) => entry.id === fromOp.id)?.stack).toContain(THIS_FILE);

    leaked.dispose();
    fromOp.dispose();
    expect(liveTensors().some((entry) => entry.id === leaked.id || entry.id === fromOp.id)).toBe(false);
  });

  it('the stack reaches the caller even for ops composed of many others', () => {
    setDebug({ trackLeaks: true });
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    // Each result is made several calls deep inside the library (op → composed ops → runKernel → engine), deeper
    // than V8's default of 10 stack frames.
    const results = {
      logSumExp: logSumExp(x, -1),
      variance: variance(x, -1),
      gelu: gelu(x),
      moments: moments(x, -1).mean,
    };
    const reports = liveTensors();
    const missing = Object.entries(results)
      .filter(([, result]) => !reports.find((entry) => entry.id === result.id)?.stack.includes(THIS_FILE))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('records nothing while tracking is off, and forgets everything when it is turned off', () => {
    const before = tensor([1]);
    setDebug({ trackLeaks: true });
    const during = tensor([2]);
    expect(liveTensors().map((entry) => entry.id)).toContain(during.id);
    expect(liveTensors().map((entry) => entry.id)).not.toContain(before.id);
    setDebug({ trackLeaks: false });
    expect(liveTensors()).toEqual([]);
    before.dispose();
    during.dispose();
  });

  it('reports a tensor that was garbage collected without dispose() through onLeak', async (context) => {
    const collectGarbage = exposeGarbageCollector();
    if (!collectGarbage) {
      console.warn('skipped: this Node does not allow exposing gc at run time');
      context.skip();
      return;
    }
    const leaks: LeakReport[] = [];
    setDebug({ trackLeaks: true, onLeak: (report) => leaks.push(report) });
    let droppedId = -1;
    // In its own function so that no reference to the tensor outlives the call.
    (function makeAndDrop() {
      const dropped = tensor([
        [1, 2],
        [3, 4],
      ]);
      droppedId = dropped.id;
    })();
    const kept = tensor([9]);
    for (let attempt = 0; attempt < 50 && !leaks.some((report) => report.id === droppedId); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      collectGarbage();
    }
    const report = leaks.find((entry) => entry.id === droppedId);
    expect(report).toBeDefined();
    expect(report?.shape).toEqual([2, 2]);
    expect(report?.stack).toContain(THIS_FILE);
    expect(leaks.some((entry) => entry.id === kept.id)).toBe(false);
    kept.dispose();
  });

  it('does not report a tensor that was disposed before it was collected', async (context) => {
    const collectGarbage = exposeGarbageCollector();
    if (!collectGarbage) {
      console.warn('skipped: this Node does not allow exposing gc at run time');
      context.skip();
      return;
    }
    const leaks: LeakReport[] = [];
    setDebug({ trackLeaks: true, onLeak: (report) => leaks.push(report) });
    let disposedId = -1;
    let droppedId = -1;
    (function makeBoth() {
      const disposed = tensor([1]);
      disposedId = disposed.id;
      disposed.dispose();
      droppedId = tensor([2]).id;
    })();
    // The undisposed one is the witness that collection and finalization did run.
    for (let attempt = 0; attempt < 50 && !leaks.some((report) => report.id === droppedId); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      collectGarbage();
    }
    expect(leaks.some((report) => report.id === droppedId)).toBe(true);
    expect(leaks.some((report) => report.id === disposedId)).toBe(false);
  });
});
