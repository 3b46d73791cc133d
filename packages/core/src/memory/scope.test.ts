import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { add } from '../ops/add';
import { mul } from '../ops/mul';
import { square } from '../ops/square';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { keep } from './keep';
import { memory } from './memory';
import { scope } from './scope';
import { tidy } from './tidy';

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

describe('scope', () => {
  it('frees what it created across several awaits and keeps the result', async () => {
    const before = memory().numTensors;
    const created: Tensor[] = [];
    const result = await scope(async () => {
      const a = tensor([1, 2]);
      created.push(a);
      await Promise.resolve();
      const b = square(a);
      created.push(b);
      await sleep(5);
      const c = add(b, a);
      created.push(c);
      await new Promise<void>((resolve) => setImmediate(resolve));
      return mul(c, 2);
    });
    expect(created.every((value) => value.isDisposed)).toBe(true);
    expect(Array.from(result.dataSync())).toEqual([4, 12]);
    expect(memory().numTensors).toBe(before + 1);
    result.dispose();
  });

  it('keeps kept tensors and tensors returned inside objects', async () => {
    const before = memory().numTensors;
    let kept: Tensor | undefined;
    const result = await scope(async () => {
      kept = keep(tensor([1]));
      await sleep(1);
      tensor([2]);
      return { value: tensor([3]), list: [tensor([4])] };
    });
    expect(kept?.isDisposed).toBe(false);
    expect(result.value.isDisposed).toBe(false);
    expect(result.list[0].isDisposed).toBe(false);
    expect(memory().numTensors).toBe(before + 3);
    kept?.dispose();
    result.value.dispose();
    result.list[0].dispose();
  });

  it('two scopes running at the same time each free only their own tensors', async () => {
    const before = memory().numTensors;
    const events: string[] = [];
    let firstTensor: Tensor | undefined;
    let secondTensor: Tensor | undefined;
    let firstLate: Tensor | undefined;
    let releaseSecond: () => void = () => {};
    const secondMayFinish = new Promise<void>((resolve) => {
      releaseSecond = resolve;
    });

    // The second scope starts first, so that a plain stack of scopes would have the first one on top while the
    // second makes its tensors (and would hand them to the wrong scope).
    const second = scope(async () => {
      await sleep(1);
      secondTensor = tensor([2]);
      await sleep(5);
      tensor([22]);
      await secondMayFinish;
      events.push('second resumed after first closed');
      return add(secondTensor, 1);
    });

    const first = scope(async () => {
      firstTensor = tensor([1]);
      await sleep(2);
      events.push('first made a tensor after an await');
      firstLate = tensor([11]);
      await sleep(10);
      // The second scope is alive and must not lose its tensor when this one closes.
      return 'first';
    });
    expect(await first).toBe('first');
    expect(firstTensor?.isDisposed).toBe(true);
    expect(firstLate?.isDisposed).toBe(true);
    expect(secondTensor?.isDisposed).toBe(false);
    releaseSecond();
    const secondResult = await second;
    expect(secondTensor?.isDisposed).toBe(true);
    expect(secondResult.dataSync()[0]).toBe(3);
    expect(events).toEqual(['first made a tensor after an await', 'second resumed after first closed']);
    expect(memory().numTensors).toBe(before + 1);
    secondResult.dispose();
  });

  it('many interleaved scopes running with Promise.all leak nothing', async () => {
    const before = memory().numTensors;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        scope(async () => {
          let value = tensor([index]);
          for (let round = 0; round < 4; round++) {
            await sleep((index * 7 + round * 3) % 5);
            value = add(value, 1);
          }
          return value;
        }),
      ),
    );
    expect(results.map((value) => value.dataSync()[0])).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(memory().numTensors).toBe(before + 8);
    for (const value of results) value.dispose();
  });

  it('moves the result of an inner scope to the enclosing scope', async () => {
    const before = memory().numTensors;
    let innerResult: Tensor | undefined;
    const outerResult = await scope(async () => {
      innerResult = await scope(async () => {
        tensor([0]);
        await sleep(1);
        return tensor([5]);
      });
      expect(innerResult.isDisposed).toBe(false);
      await sleep(1);
      return add(innerResult, 1);
    });
    // Not returned from the outer scope, so the outer scope frees it.
    expect(innerResult?.isDisposed).toBe(true);
    expect(outerResult.dataSync()[0]).toBe(6);
    expect(memory().numTensors).toBe(before + 1);
    outerResult.dispose();
  });

  it('owns the result of a tidy run inside it', async () => {
    const before = memory().numTensors;
    let fromTidy: Tensor | undefined;
    await scope(async () => {
      await sleep(1);
      fromTidy = tidy(() => square(tensor([3])));
      await sleep(1);
    });
    expect(fromTidy?.isDisposed).toBe(true);
    expect(memory().numTensors).toBe(before);
  });

  it('frees its tensors and rejects when the body throws after an await', async () => {
    const before = memory().numTensors;
    let made: Tensor | undefined;
    await expect(
      scope(async () => {
        made = tensor([1, 2, 3]);
        await sleep(1);
        tensor([4]);
        throw new Error('failed inside');
      }),
    ).rejects.toThrow('failed inside');
    expect(made?.isDisposed).toBe(true);
    expect(memory().numTensors).toBe(before);
  });

  it('frees tensors created after an error was caught inside it', async () => {
    const before = memory().numTensors;
    const result = await scope(async () => {
      try {
        await sleep(1);
        throw new Error('recoverable');
      } catch {
        tensor([1]);
        await sleep(1);
        tensor([2]);
      }
      return 'recovered';
    });
    expect(result).toBe('recovered');
    expect(memory().numTensors).toBe(before);
  });

  it('gives tensors made by work that outlives an inner scope to the nearest open scope', async () => {
    const before = memory().numTensors;
    let late: Tensor | undefined;
    await scope(async () => {
      await scope(async () => {
        setTimeout(() => {
          late = tensor([7]);
        }, 5);
      });
      await sleep(20);
      expect(late?.isDisposed).toBe(false);
    });
    expect(late?.isDisposed).toBe(true);
    expect(memory().numTensors).toBe(before);
  });

  it('accepts a name and rejects a non-function', async () => {
    const result = await scope('named', async () => 42);
    expect(result).toBe(42);
    await expect(scope(undefined as unknown as () => Promise<void>)).rejects.toThrow(InvalidArgumentError);
    await expect(scope('only a name')).rejects.toThrow(/scope: expected a function/);
  });

  it('accepts a synchronous body', async () => {
    const before = memory().numTensors;
    const result = await scope(() => {
      tensor([1]);
      return tensor([2]);
    });
    expect(result.dataSync()[0]).toBe(2);
    expect(memory().numTensors).toBe(before + 1);
    result.dispose();
  });
});
