import { describe, expect, it } from 'vitest';
import {
  BackendError,
  BackendNotFoundError,
  DisposedTensorError,
  DTypeError,
  InvalidArgumentError,
  KernelNotFoundError,
  ShapeError,
  TesseraError,
} from './errors';
import { add } from './ops/add';
import { concat } from './ops/concat';
import { fill } from './ops/fill';
import { gather } from './ops/gather';
import { logicalAnd } from './ops/logical-and';
import { matmul } from './ops/matmul';
import { reshape } from './ops/reshape';
import { sum } from './ops/sum';
import { tensor } from './ops/tensor';
import { zeros } from './ops/zeros';

/** Runs `body`, expects it to throw an instance of `errorClass`, and returns the error for further checks. */
function thrownBy<E extends TesseraError>(body: () => unknown, errorClass: abstract new (...args: never[]) => E): E {
  try {
    body();
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return error as E;
  }
  return expect.fail(`expected ${errorClass.name} to be thrown`);
}

describe('shape mismatches', () => {
  it('matmul names both shapes exactly', () => {
    const error = thrownBy(() => matmul(zeros([2, 3]), zeros([4, 5])), ShapeError);
    expect(error.message).toBe('matmul: inner dimensions must match, got a=[2,3] b=[4,5]');
    expect(error.code).toBe('SHAPE_MISMATCH');
    expect(error.name).toBe('ShapeError');
  });

  it('add with shapes that do not broadcast names the op and both shapes', () => {
    const error = thrownBy(() => add(zeros([2, 3]), zeros([4])), ShapeError);
    expect(error.message).toMatch(/^add: /);
    expect(error.message).toContain('[2,3]');
    expect(error.message).toContain('[4]');
    expect(error.message).toMatch(/broadcast/);
  });

  it('values whose count does not match the shape', () => {
    const error = thrownBy(() => tensor([1, 2, 3], [2, 2]), ShapeError);
    expect(error.message).toMatch(/^tensor: /);
    expect(error.message).toContain('3');
    expect(error.message).toContain('[2,2]');
    expect(error.message).toContain('4');
  });

  it('ragged nested arrays', () => {
    const error = thrownBy(() => tensor([[1, 2], [3]]), ShapeError);
    expect(error.message).toMatch(/^tensor: .*rectangular/);
  });

  it('reshape to a different number of elements', () => {
    const error = thrownBy(() => reshape(zeros([2, 3]), [4, 2]), ShapeError);
    expect(error.message).toMatch(/^reshape: /);
    expect(error.message).toContain('[2,3]');
    expect(error.message).toContain('[4,2]');
  });

  it('concat with mismatched dimensions', () => {
    const error = thrownBy(() => concat([zeros([2, 3]), zeros([2, 4])], 0), ShapeError);
    expect(error.message).toMatch(/^concat: /);
    expect(error.message).toContain('[2,3]');
    expect(error.message).toContain('[2,4]');
  });
});

describe('wrong dtypes', () => {
  it('matmul of int32 and float32', () => {
    const error = thrownBy(() => matmul(tensor([[1, 2]], [1, 2], 'int32'), zeros([2, 1])), DTypeError);
    expect(error.message).toMatch(/^matmul: /);
    expect(error.message).toContain('int32');
    expect(error.message).toContain('float32');
    expect(error.code).toBe('DTYPE_MISMATCH');
  });

  it('logicalAnd on float tensors', () => {
    const error = thrownBy(() => logicalAnd(zeros([2]), zeros([2])), DTypeError);
    expect(error.message).toMatch(/^logicalAnd: /);
    expect(error.message).toContain('bool');
    expect(error.message).toContain('float32');
  });

  it('gather with float indices', () => {
    const error = thrownBy(() => gather(zeros([3, 2]), tensor([0.5, 1])), DTypeError);
    expect(error.message).toMatch(/^gather: /);
    expect(error.message).toContain('int32');
    expect(error.message).toContain('float32');
  });

  it('int32 values that are not integers', () => {
    const error = thrownBy(() => tensor([1.5], [1], 'int32'), DTypeError);
    expect(error.message).toMatch(/^tensor: .*int32.*1\.5/);
  });

  it('an unknown dtype', () => {
    const error = thrownBy(() => zeros([2], 'float64' as never), DTypeError);
    expect(error.message).toContain('float64');
  });
});

describe('invalid dimensions', () => {
  const badShapes: Array<[string, number[]]> = [
    ['negative', [2, -1]],
    ['fractional', [1.5, 2]],
    ['NaN', [Number.NaN]],
    ['infinite', [Number.POSITIVE_INFINITY]],
  ];

  for (const [label, shape] of badShapes) {
    it(`${label} dimensions are rejected by tensor, zeros, fill and reshape`, () => {
      for (const [opName, body] of [
        ['tensor', () => tensor([1], shape)],
        ['zeros', () => zeros(shape)],
        ['fill', () => fill(shape, 1)],
      ] as const) {
        const error = thrownBy(body, InvalidArgumentError);
        expect(error.message.startsWith(`${opName}: `)).toBe(true);
        expect(error.message).toContain(String(shape[shape.length - 1]));
      }
      if (label !== 'negative') {
        const error = thrownBy(() => reshape(zeros([2]), shape), InvalidArgumentError);
        expect(error.message).toMatch(/^reshape: /);
      }
    });
  }

  it('reshape rejects negative dimensions other than a single -1', () => {
    expect(() => reshape(zeros([4]), [-2, -2])).toThrow(InvalidArgumentError);
    expect(() => reshape(zeros([4]), [-1, -1])).toThrow(/^reshape: /);
    expect(reshape(zeros([4]), [-1, 2]).shape).toEqual([2, 2]);
  });
});

describe('axes out of range', () => {
  it('sum', () => {
    const error = thrownBy(() => sum(zeros([2, 3]), 2), InvalidArgumentError);
    expect(error.message).toMatch(/^sum: /);
    expect(error.message).toContain('axis');
    expect(error.message).toContain('2');
    expect(() => sum(zeros([2, 3]), -3)).toThrow(InvalidArgumentError);
  });

  it('concat', () => {
    const error = thrownBy(() => concat([zeros([2, 3]), zeros([2, 3])], 5), InvalidArgumentError);
    expect(error.message).toMatch(/^concat: .*axis.*5/);
  });

  it('gather axis and gather index', () => {
    const axisError = thrownBy(() => gather(zeros([3, 2]), tensor([0], [1], 'int32'), 2), InvalidArgumentError);
    expect(axisError.message).toMatch(/^gather: .*axis.*2/);
    const indexError = thrownBy(() => gather(zeros([3, 2]), tensor([3], [1], 'int32')), InvalidArgumentError);
    expect(indexError.message).toMatch(/^gather: .*3/);
  });
});

describe('disposed tensors', () => {
  it('an op on a disposed tensor names the op', () => {
    const x = zeros([2]);
    x.dispose();
    const error = thrownBy(() => add(x, 1), DisposedTensorError);
    expect(error.message).toMatch(/^add\b/);
    expect(error.code).toBe('DISPOSED_TENSOR');
  });
});

describe('error classes', () => {
  it('every class has a stable code and its own name', () => {
    const cases: Array<[TesseraError, string, string]> = [
      [new ShapeError('m'), 'SHAPE_MISMATCH', 'ShapeError'],
      [new InvalidArgumentError('m'), 'INVALID_ARGUMENT', 'InvalidArgumentError'],
      [new DTypeError('m'), 'DTYPE_MISMATCH', 'DTypeError'],
      [new DisposedTensorError('m'), 'DISPOSED_TENSOR', 'DisposedTensorError'],
      [new KernelNotFoundError('m'), 'KERNEL_NOT_FOUND', 'KernelNotFoundError'],
      [new BackendError('m'), 'BACKEND_ERROR', 'BackendError'],
      [new BackendNotFoundError('m'), 'BACKEND_NOT_FOUND', 'BackendNotFoundError'],
    ];
    for (const [error, code, name] of cases) {
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(TesseraError);
      expect(error.message).toBe('m');
      expect(String(error)).toBe(`${name}: m`);
    }
  });

  it('instanceof distinguishes the classes', () => {
    const error = new ShapeError('m');
    expect(error instanceof ShapeError).toBe(true);
    expect(error instanceof InvalidArgumentError).toBe(false);
    expect(error instanceof DTypeError).toBe(false);
    expect(new Error('plain') instanceof TesseraError).toBe(false);
    expect((null as unknown as object) instanceof ShapeError).toBe(false);
    expect(('SHAPE_MISMATCH' as unknown as object) instanceof ShapeError).toBe(false);
  });

  it('instanceof works across a duplicate install through the Symbol.for marker and code', () => {
    // What an error thrown by a second copy of @tessera/core looks like to this copy: same marker, same code,
    // different class identity.
    class ForeignError extends Error {
      readonly code: string;
      constructor(code: string, message: string) {
        super(message);
        this.code = code;
        (this as unknown as Record<symbol, boolean>)[Symbol.for('tessera.error')] = true;
      }
    }
    const foreignShape = new ForeignError('SHAPE_MISMATCH', 'matmul: inner dimensions must match, got a=[2,3] b=[4,5]');
    expect(foreignShape instanceof ShapeError).toBe(true);
    expect(foreignShape instanceof TesseraError).toBe(true);
    expect(foreignShape instanceof DTypeError).toBe(false);
    const plainObject = { [Symbol.for('tessera.error')]: true, code: 'DISPOSED_TENSOR' };
    expect(plainObject instanceof DisposedTensorError).toBe(true);
    expect(plainObject instanceof ShapeError).toBe(false);
    // Without the marker the code alone does not match.
    expect({ code: 'SHAPE_MISMATCH' } instanceof ShapeError).toBe(false);
    expect({ [Symbol.for('tessera.error')]: 'yes', code: 'SHAPE_MISMATCH' } instanceof ShapeError).toBe(false);
  });
});
