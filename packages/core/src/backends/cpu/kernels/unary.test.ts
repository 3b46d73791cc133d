import { describe, expect, it } from 'vitest';
import type { UnaryOp } from '../../../backend/kernel-specs';
import { erf } from './erf';
import { createKernelHarness, seededRandom } from './kernel-test-harness';

const harness = createKernelHarness();

function runUnary(
  op: UnaryOp,
  values: number[],
  shape: number[] = [values.length],
  dtype: 'float32' | 'int32' | 'bool' = 'float32',
) {
  const output = harness.run('unary', { x: harness.input(values, shape, dtype) }, { op });
  return { values: harness.read(output), info: output };
}

/** erf in float64 to ~1e-15: Maclaurin series below 2, continued fraction for erfc above. */
function referenceErf(x: number): number {
  const magnitude = Math.abs(x);
  let result: number;
  if (magnitude < 2) {
    let term = magnitude;
    let total = magnitude;
    for (let n = 1; n < 200; n++) {
      term *= (-magnitude * magnitude) / n;
      total += term / (2 * n + 1);
    }
    result = (2 / Math.sqrt(Math.PI)) * total;
  } else {
    let fraction = magnitude;
    for (let n = 200; n >= 1; n--) fraction = magnitude + n / 2 / fraction;
    result = 1 - Math.exp(-magnitude * magnitude) / Math.sqrt(Math.PI) / fraction;
  }
  return x < 0 ? -result : result;
}

const FLOAT_REFERENCES: Array<[UnaryOp, (x: number) => number]> = [
  ['neg', (x) => -x],
  ['abs', Math.abs],
  ['exp', Math.exp],
  ['log', Math.log],
  ['log1p', Math.log1p],
  ['expm1', Math.expm1],
  ['sqrt', Math.sqrt],
  ['rsqrt', (x) => 1 / Math.sqrt(x)],
  ['square', (x) => x * x],
  ['reciprocal', (x) => 1 / x],
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['tanh', Math.tanh],
  ['sigmoid', (x) => 1 / (1 + Math.exp(-x))],
  ['relu', (x) => Math.max(0, x)],
  ['sign', Math.sign],
  ['floor', Math.floor],
  ['ceil', Math.ceil],
];

describe('unary kernel', () => {
  const random = seededRandom(1);
  const inputs = Array.from({ length: 200 }, () => Math.fround((random() - 0.5) * 20));
  inputs.push(0, -0, 0.5, -0.5, 1, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN);

  it.each(FLOAT_REFERENCES)('%s matches the float64 math rounded to float32', (op, reference) => {
    const { values, info } = runUnary(op, inputs);
    expect(info.dtype).toBe('float32');
    expect(values).toEqual(inputs.map((x) => Math.fround(reference(x))));
  });

  it('rounds half to even', () => {
    const { values } = runUnary('round', [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6, 3, 8388607.5, Number.NaN]);
    expect(values).toEqual([0, 2, 2, -0, -2, -2, 2, 3, -3, 3, 8388608, Number.NaN]);
  });

  it('erf is accurate to 1e-6 relative everywhere (float32 result)', () => {
    const grid = Array.from({ length: 4001 }, (_, index) => Math.fround(-6 + index * 0.003));
    grid.push(1e-30, -1e-7, 0.9999999, 1, 3.9999, 4, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
    const { values } = runUnary('erf', grid);
    grid.forEach((x, index) => {
      const expected = referenceErf(x);
      const error = Math.abs(values[index] - expected) / Math.max(Math.abs(expected), 1e-300);
      if (error > 1e-6) throw new Error(`erf(${x}) = ${values[index]}, expected ${expected}`);
    });
    expect(runUnary('erf', [Number.NaN]).values).toEqual([Number.NaN]);
  });

  it('erf in float64 stays within 2e-8 of the reference (the float32 rounding is the only visible error)', () => {
    for (let x = -5; x <= 5; x += 0.00123) {
      expect(Math.abs(erf(x) - referenceErf(x))).toBeLessThan(2e-8);
    }
  });

  it('sigmoid saturates without NaN for large |x|', () => {
    const { values } = runUnary('sigmoid', [-1000, -100, 0, 100, 1000]);
    expect(values).toEqual([0, Math.fround(1 / (1 + Math.exp(100))), 0.5, 1, 1]);
  });

  it('relu keeps NaN and turns -0 into +0; sign keeps NaN', () => {
    expect(runUnary('relu', [Number.NaN, -0, -3, 2]).values).toEqual([Number.NaN, 0, 0, 2]);
    expect(Object.is(runUnary('relu', [-0]).values[0], 0)).toBe(true);
    expect(runUnary('sign', [Number.NaN, -2, 0, 5]).values).toEqual([Number.NaN, -1, 0, 1]);
  });

  it('isNaN, isFinite and logicalNot give bool', () => {
    const special = [0, Number.NaN, Number.POSITIVE_INFINITY, -1];
    const nanMask = runUnary('isNaN', special);
    expect(nanMask.info.dtype).toBe('bool');
    expect(nanMask.values).toEqual([0, 1, 0, 0]);
    expect(runUnary('isFinite', special).values).toEqual([1, 0, 0, 1]);
    const not = runUnary('logicalNot', [1, 0, 0, 1], [2, 2], 'bool');
    expect(not.info).toMatchObject({ dtype: 'bool', shape: [2, 2] });
    expect(not.values).toEqual([0, 1, 1, 0]);
  });

  it('int32 neg/abs/sign/square/relu stay int32 and wrap like int32', () => {
    const values = [-2147483648, -65536, -7, 0, 7, 46341, 65536, 2147483647];
    const neg = runUnary('neg', values, [8], 'int32');
    expect(neg.info.dtype).toBe('int32');
    expect(neg.values).toEqual(values.map((x) => -x | 0));
    expect(runUnary('abs', values, [8], 'int32').values).toEqual(values.map((x) => Math.abs(x) | 0));
    expect(runUnary('sign', values, [8], 'int32').values).toEqual(values.map(Math.sign));
    expect(runUnary('square', values, [8], 'int32').values).toEqual(values.map((x) => Math.imul(x, x)));
    expect(runUnary('relu', values, [8], 'int32').values).toEqual(values.map((x) => Math.max(0, x)));
  });

  it('handles rank 0 and zero-size tensors', () => {
    const scalar = runUnary('exp', [1], []);
    expect(scalar.info.shape).toEqual([]);
    expect(scalar.values).toEqual([Math.fround(Math.E)]);
    const empty = runUnary('exp', [], [3, 0]);
    expect(empty.info.shape).toEqual([3, 0]);
    expect(empty.values).toEqual([]);
  });
});

describe('cast kernel', () => {
  function cast(values: number[], from: 'float32' | 'int32' | 'bool', to: 'float32' | 'int32' | 'bool') {
    const output = harness.run('cast', { x: harness.input(values, [values.length], from) }, { dtype: to });
    expect(output.dtype).toBe(to);
    return harness.read(output);
  }

  it('float32 to int32 truncates toward zero and maps NaN and infinities to 0', () => {
    expect(cast([1.9, -1.9, 0.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e9], 'float32', 'int32')).toEqual([
      1, -1, 0, 0, 0, 0, 1e9,
    ]);
  });

  it('anything to bool is value !== 0 (NaN is true)', () => {
    expect(cast([0, -0, 0.1, -3, Number.NaN], 'float32', 'bool')).toEqual([0, 0, 1, 1, 1]);
    expect(cast([0, 5, -5], 'int32', 'bool')).toEqual([0, 1, 1]);
  });

  it('bool and int32 to numbers', () => {
    expect(cast([0, 1, 1], 'bool', 'float32')).toEqual([0, 1, 1]);
    expect(cast([0, 1], 'bool', 'int32')).toEqual([0, 1]);
    expect(cast([16777217, -3], 'int32', 'float32')).toEqual([16777216, -3]);
  });

  it('same dtype is a copy into a new buffer', () => {
    const x = harness.input([1, 2], [2], 'int32');
    const output = harness.run('cast', { x }, { dtype: 'int32' });
    expect(output.dataId).not.toBe(x.dataId);
    expect(harness.read(output)).toEqual([1, 2]);
  });
});
