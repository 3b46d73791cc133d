import { describe, expect, it } from 'vitest';
import { DisposedTensorError } from './errors';
import { memory } from './memory/memory';
import { add } from './ops/add';
import { reshape } from './ops/reshape';
import { scalar } from './ops/scalar';
import { tensor } from './ops/tensor';
import { zeros } from './ops/zeros';
import { Tensor } from './tensor';

describe('Tensor properties', () => {
  it('reports shape, dtype, size and rank', () => {
    const matrix = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(matrix).toBeInstanceOf(Tensor);
    expect(matrix.shape).toEqual([2, 3]);
    expect(matrix.dtype).toBe('float32');
    expect(matrix.size).toBe(6);
    expect(matrix.rank).toBe(2);

    const single = scalar(3, 'int32');
    expect(single.shape).toEqual([]);
    expect(single.rank).toBe(0);
    expect(single.size).toBe(1);
    expect(single.dtype).toBe('int32');

    const empty = zeros([2, 0, 3]);
    expect(empty.size).toBe(0);
    expect(empty.rank).toBe(3);
    expect(Array.from(empty.dataSync())).toEqual([]);
    expect(empty.arraySync()).toEqual([[], []]);

    expect(tensor([true, false]).dtype).toBe('bool');
  });

  it('has an immutable shape', () => {
    const x = tensor([1, 2, 3, 4], [2, 2]);
    expect(() => {
      (x.shape as number[])[0] = 4;
    }).toThrow(TypeError);
    expect(x.shape).toEqual([2, 2]);
  });

  it('gives every tensor its own id', () => {
    const a = tensor([1]);
    const b = tensor([1]);
    expect(a.id).not.toBe(b.id);
  });
});

describe('reading values', () => {
  it('data, dataSync, array and arraySync return the values in the right typed form', async () => {
    const floats = tensor([
      [1.5, 2],
      [3, 4],
    ]);
    expect(floats.dataSync()).toBeInstanceOf(Float32Array);
    expect(Array.from(await floats.data())).toEqual([1.5, 2, 3, 4]);
    expect(await floats.array()).toEqual([
      [1.5, 2],
      [3, 4],
    ]);
    expect(floats.arraySync()).toEqual([
      [1.5, 2],
      [3, 4],
    ]);

    const integers = tensor([1, 2, 3], [3], 'int32');
    expect(integers.dataSync()).toBeInstanceOf(Int32Array);
    const flags = tensor([true, false, true]);
    expect(flags.dataSync()).toBeInstanceOf(Uint8Array);
    expect(flags.arraySync()).toEqual([true, false, true]);
    expect(scalar(7).arraySync()).toBe(7);
  });

  it('returns copies: changing them does not change the tensor', async () => {
    const x = tensor([1, 2, 3]);
    const syncCopy = x.dataSync();
    syncCopy[0] = 100;
    const asyncCopy = await x.data();
    asyncCopy[1] = 200;
    const nested = x.arraySync() as number[];
    nested[2] = 300;
    const asyncNested = (await x.array()) as number[];
    asyncNested[0] = 400;
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3]);
    // A tensor sharing the buffer (reshape) does not see the changes either.
    expect(Array.from(reshape(x, [3, 1]).dataSync())).toEqual([1, 2, 3]);
  });

  it('copies the typed array it was created from', () => {
    const source = new Float32Array([1, 2, 3]);
    const x = tensor(source);
    source[0] = 99;
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3]);
  });
});

describe('toString', () => {
  it('shows the dtype, the shape and the values', () => {
    const text = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      undefined,
      'int32',
    ).toString();
    expect(text).toContain('int32');
    expect(text).toContain('[2,2]');
    expect(text).toContain('[[1,2],[3,4]]');
    expect(String(tensor([true, false]))).toContain('[true,false]');
  });

  it('says so for a disposed tensor instead of throwing', () => {
    const x = tensor([1]);
    x.dispose();
    expect(x.toString()).toMatch(/disposed/);
  });
});

describe('dispose', () => {
  it('Symbol.dispose disposes the tensor (the method behind `using`)', () => {
    const x = tensor([1, 2]);
    const before = memory().numTensors;
    const disposeMethod = (x as unknown as Record<symbol, () => void>)[Symbol.dispose];
    expect(typeof disposeMethod).toBe('function');
    disposeMethod.call(x);
    expect(x.isDisposed).toBe(true);
    expect(memory().numTensors).toBe(before - 1);
  });

  it('using an op or reading after dispose throws DisposedTensorError naming the op', async () => {
    const x = tensor([1, 2]);
    const y = tensor([3, 4]);
    x.dispose();
    expect(() => add(x, y)).toThrow(DisposedTensorError);
    expect(() => add(x, y)).toThrow(/^add\b.*disposed/);
    expect(() => add(y, x)).toThrow(/add.*'b'.*disposed/);
    expect(() => x.dataSync()).toThrow(/^dataSync: .*disposed/);
    await expect(x.data()).rejects.toThrow(DisposedTensorError);
    await expect(x.data()).rejects.toThrow(/^data: .*disposed/);
    expect(() => x.arraySync()).toThrow(DisposedTensorError);
    expect(() => x.add(y)).toThrow(/add.*disposed/);
  });

  it('the error carries a stable code', () => {
    const x = tensor([1]);
    x.dispose();
    try {
      x.dataSync();
      expect.fail('dataSync on a disposed tensor must throw');
    } catch (error) {
      expect((error as DisposedTensorError).code).toBe('DISPOSED_TENSOR');
    }
  });
});

describe('chainable methods', () => {
  it('forward to the ops', () => {
    const x = tensor([1, -2, 3]);
    expect(Array.from(x.mul(2).add(1).relu().dataSync())).toEqual([3, 0, 7]);
    expect(x.reshape([3, 1]).transpose().shape).toEqual([1, 3]);
    expect(x.sum().dataSync()[0]).toBe(2);
  });
});
