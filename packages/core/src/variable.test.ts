import { describe, expect, it } from 'vitest';
import { DisposedTensorError, DTypeError, InvalidArgumentError, ShapeError } from './errors';
import { memory } from './memory/memory';
import { tidy } from './memory/tidy';
import { add } from './ops/add';
import { mul } from './ops/mul';
import { tensor } from './ops/tensor';
import { variable } from './ops/variable';
import { Tensor } from './tensor';
import { registeredVariables, Variable } from './variable';

describe('variable', () => {
  it('is a trainable Tensor holding a copy of the initial value', () => {
    const initial = tensor([
      [1, 2],
      [3, 4],
    ]);
    const v = variable(initial, { name: 'holds-value' });
    expect(v).toBeInstanceOf(Variable);
    expect(v).toBeInstanceOf(Tensor);
    expect(v.trainable).toBe(true);
    expect(v.name).toBe('holds-value');
    expect(v.shape).toEqual([2, 2]);
    expect(v.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    initial.dispose();
    expect(v.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    v.dispose();
  });

  it('takes trainable, dtype and array values', () => {
    const v = variable([1, 2, 3], { trainable: false, dtype: 'int32', name: 'options' });
    expect(v.trainable).toBe(false);
    expect(v.dtype).toBe('int32');
    expect(Array.from(v.dataSync())).toEqual([1, 2, 3]);
    v.dispose();
  });

  it('made from an array or cast, it leaves no temporary tensor behind', () => {
    const before = memory();
    const fromArray = variable([1, 2, 3], { name: 'no-temporary-1' });
    const casted = variable(tensor([1, 2], [2], 'int32'), { name: 'no-temporary-2', dtype: 'float32' });
    fromArray.dispose();
    casted.dispose();
    const after = memory();
    // Only the int32 tensor passed in by the caller is left.
    expect(after.numTensors).toBe(before.numTensors + 1);
    expect(after.numBytes).toBe(before.numBytes + 8);
  });

  it('generates unique names and rejects a duplicate', () => {
    const a = variable([1]);
    const b = variable([2]);
    expect(a.name).not.toBe(b.name);
    const named = variable([3], { name: 'taken' });
    expect(() => variable([4], { name: 'taken' })).toThrow(InvalidArgumentError);
    expect(() => variable([4], { name: 'taken' })).toThrow(/variable.*'taken'.*already exists/);
    // The name is free again once the variable is disposed.
    named.dispose();
    const again = variable([5], { name: 'taken' });
    expect(again.dataSync()[0]).toBe(5);
    expect(registeredVariables()).toContain(again);
    expect(registeredVariables()).not.toContain(named);
    for (const value of [a, b, again]) value.dispose();
  });

  it('a rejected duplicate leaves the counts unchanged', () => {
    const original = variable([1], { name: 'duplicate-counts' });
    const before = memory();
    expect(() => variable(tensor([2]), { name: 'duplicate-counts' })).toThrow(InvalidArgumentError);
    const after = memory();
    // Only the tensor made for the argument itself is new.
    expect(after.numTensors).toBe(before.numTensors + 1);
    original.dispose();
  });

  it('survives tidy even when created inside it', () => {
    const before = memory().numTensors;
    let inside: Variable | undefined;
    tidy(() => {
      inside = variable(add(tensor([1, 2]), 1), { name: 'survivor' });
    });
    expect(inside?.isDisposed).toBe(false);
    expect(Array.from(inside?.dataSync() ?? [])).toEqual([2, 3]);
    expect(memory().numTensors).toBe(before + 1);
    inside?.dispose();
    expect(memory().numTensors).toBe(before);
  });
});

describe('Variable.assign', () => {
  it('replaces the value; the assigned tensor may be disposed afterwards', () => {
    const v = variable([1, 2, 3], { name: 'assign-basic' });
    const value = tensor([4, 5, 6]);
    v.assign(value);
    value.dispose();
    expect(Array.from(v.dataSync())).toEqual([4, 5, 6]);
    v.dispose();
  });

  it('inside tidy, keeps the new value and frees the old one', () => {
    const initial = tensor([1, 2]);
    const v = variable(initial, { name: 'assign-tidy' });
    initial.dispose();
    const before = memory();
    tidy(() => {
      v.assign(mul(v, 10));
    });
    const after = memory();
    expect(Array.from(v.dataSync())).toEqual([10, 20]);
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
    expect(after.numBytes).toBe(before.numBytes);
    v.dispose();
  });

  it('rejects another shape or dtype, naming the variable and both sides', () => {
    const v = variable(tensor([1, 2, 3]), { name: 'strict' });
    expect(() => v.assign(tensor([1, 2]))).toThrow(ShapeError);
    expect(() => v.assign(tensor([1, 2]))).toThrow(
      /assign: variable 'strict' has shape \[3\], got a value of shape \[2\]/,
    );
    expect(() => v.assign(tensor([1, 2, 3], [3], 'int32'))).toThrow(DTypeError);
    expect(() => v.assign(tensor([1, 2, 3], [3], 'int32'))).toThrow(
      /assign: variable 'strict' is float32, got a int32 value/,
    );
    expect(Array.from(v.dataSync())).toEqual([1, 2, 3]);
    v.dispose();
  });

  it('rejects use after dispose', () => {
    const v = variable([1], { name: 'assign-after-dispose' });
    const value = tensor([2]);
    v.dispose();
    expect(() => v.assign(value)).toThrow(DisposedTensorError);
    const live = variable([1], { name: 'assign-disposed-value' });
    value.dispose();
    expect(() => live.assign(value)).toThrow(/assign \(value\).*disposed/);
    live.dispose();
  });

  it('other tensors do not see later assignments', () => {
    const v = variable([1, 2], { name: 'snapshot' });
    const snapshot = mul(v, 1);
    v.assign(tensor([5, 6]));
    expect(Array.from(snapshot.dataSync())).toEqual([1, 2]);
    v.dispose();
  });
});
