import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { add } from '../ops/add';
import { mul } from '../ops/mul';
import { square } from '../ops/square';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { dispose } from './dispose';
import { keep } from './keep';
import { memory } from './memory';
import { tidy } from './tidy';

describe('tidy', () => {
  it('disposes intermediates and keeps the returned tensor', () => {
    const x = tensor([1, 2, 3]);
    const before = memory().numTensors;
    let intermediate: Tensor | undefined;
    const result = tidy(() => {
      intermediate = square(x);
      return add(intermediate, 1);
    });
    expect(intermediate?.isDisposed).toBe(true);
    expect(result.isDisposed).toBe(false);
    expect(x.isDisposed).toBe(false);
    expect(Array.from(result.dataSync())).toEqual([2, 5, 10]);
    expect(memory().numTensors).toBe(before + 1);
  });

  it('keeps tensors returned in arrays, plain objects and maps, nested', () => {
    const before = memory().numTensors;
    const result = tidy(() => {
      const a = tensor([1]);
      const b = tensor([2]);
      const c = tensor([3]);
      const d = tensor([4]);
      tensor([5]);
      return { list: [a, { inner: b }], pair: [c] as const, lookup: new Map([['d', d]]) };
    });
    expect(memory().numTensors).toBe(before + 4);
    const tensors = [
      result.list[0] as Tensor,
      (result.list[1] as { inner: Tensor }).inner,
      result.pair[0],
      result.lookup.get('d') as Tensor,
    ];
    expect(tensors.map((value) => value.dataSync()[0])).toEqual([1, 2, 3, 4]);
    dispose(result);
    expect(memory().numTensors).toBe(before);
  });

  it('returns non-tensor results as they are and disposes everything', () => {
    const before = memory().numTensors;
    const result = tidy(() => {
      const value = square(tensor([3]));
      return value.dataSync()[0];
    });
    expect(result).toBe(9);
    expect(memory().numTensors).toBe(before);
  });

  it('lets keep() survive', () => {
    const before = memory().numTensors;
    let kept: Tensor | undefined;
    let dropped: Tensor | undefined;
    tidy(() => {
      kept = keep(tensor([1, 2]));
      dropped = tensor([3]);
    });
    expect(kept?.isDisposed).toBe(false);
    expect(dropped?.isDisposed).toBe(true);
    expect(memory().numTensors).toBe(before + 1);
    kept?.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('nests: the inner result moves to the outer tidy', () => {
    const before = memory().numTensors;
    let innerResult: Tensor | undefined;
    let innerTemporary: Tensor | undefined;
    const outerResult = tidy(() => {
      innerResult = tidy(() => {
        innerTemporary = tensor([1]);
        return mul(innerTemporary, 2);
      });
      expect(innerTemporary?.isDisposed).toBe(true);
      expect(innerResult.isDisposed).toBe(false);
      return add(innerResult, 1);
    });
    // The inner result was not returned by the outer tidy, so it goes with the outer one.
    expect(innerResult?.isDisposed).toBe(true);
    expect(outerResult.dataSync()[0]).toBe(3);
    expect(memory().numTensors).toBe(before + 1);
  });

  it('leaves tensors created before it alone, even when it returns them', () => {
    const outside = tensor([1]);
    const result = tidy(() => {
      square(outside);
      return outside;
    });
    expect(result).toBe(outside);
    expect(outside.isDisposed).toBe(false);
  });

  it('accepts a name', () => {
    const before = memory().numTensors;
    const result = tidy('named', () => {
      tensor([1]);
      return tensor([2]);
    });
    expect(result.dataSync()[0]).toBe(2);
    expect(memory().numTensors).toBe(before + 1);
  });

  it('frees everything and rethrows when the function throws', () => {
    const before = memory().numTensors;
    expect(() =>
      tidy(() => {
        tensor([1, 2, 3]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(memory().numTensors).toBe(before);
    // The scope stack is intact afterwards.
    const result = tidy(() => tensor([1]));
    expect(result.isDisposed).toBe(false);
    expect(memory().numTensors).toBe(before + 1);
  });

  it('throws on an async function and frees what it created synchronously', async () => {
    const before = memory().numTensors;
    let promise: Promise<unknown> | undefined;
    expect(() =>
      tidy(() => {
        tensor([1]);
        promise = (async () => tensor([2]))();
        return promise;
      }),
    ).toThrow(InvalidArgumentError);
    await promise;
    expect(() => tidy((async () => undefined) as unknown as () => void)).toThrow(/tidy.*Promise.*scope/);
    // The tensor made after the first await is not owned by the tidy any more; dispose it by hand.
    dispose(await promise);
    expect(memory().numTensors).toBe(before);
  });

  it('rejects a non-function', () => {
    expect(() => tidy(3 as unknown as () => void)).toThrow(InvalidArgumentError);
    expect(() => tidy('name', undefined as unknown as () => void)).toThrow(/tidy: expected a function/);
  });
});

describe('dispose and keep', () => {
  it('dispose accepts tensors, arrays, nested objects, and ignores other values', () => {
    const a = tensor([1]);
    const b = tensor([2]);
    const c = tensor([3]);
    const before = memory().numTensors;
    dispose({ first: a, rest: [b, { deeper: c }], label: 'text', count: 3, nothing: null });
    expect([a, b, c].every((value) => value.isDisposed)).toBe(true);
    expect(memory().numTensors).toBe(before - 3);
    expect(() => dispose(undefined)).not.toThrow();
  });

  it('disposing twice is harmless and counts once', () => {
    const a = tensor([1, 2]);
    const before = memory();
    a.dispose();
    a.dispose();
    dispose([a, a]);
    const after = memory();
    expect(after.numTensors).toBe(before.numTensors - 1);
    expect(after.numBytes).toBe(before.numBytes - 8);
  });

  it('keep returns the same tensor', () => {
    const a = tensor([1]);
    expect(keep(a)).toBe(a);
  });
});
