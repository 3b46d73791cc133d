import { describe, expect, it } from 'vitest';
import { grads } from '../autograd/grads';
import { DTypeError, ShapeError } from '../errors';
import { SPECIAL_VALUES, valuesAvoiding } from '../test-utils/activation-inputs';
import {
  BINARY_CASES,
  type BinaryCase,
  BROADCAST_SHAPES,
  COMPARE_CASES,
  LOGICAL_CASES,
  UNARY_CASES,
} from '../test-utils/elementwise-cases';
import { broadcastRead, generate } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  lossWeights,
  numericGradients,
  pair,
  randomIntegers,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { broadcastShapes, shapesEqual, sizeFromShape } from '../util/shape';
import { floorDiv } from './floor-div';
import { logicalNot } from './logical-not';
import { mod } from './mod';
import { mul } from './mul';
import { pow } from './pow';
import { sum } from './sum';
import { tensor } from './tensor';

const UNARY_SHAPES = [[6], [2, 3, 4], [], [0], [3, 0, 2]];
const TOLERANCE = { rtol: 1e-5, atol: 1e-6 };

/** Random values in [low, high) with every divisor at least 0.25 away from 0 when asked. */
function operandValues(size: number, random: () => number, [low, high]: [number, number], nonZero = false): number[] {
  return nonZero ? valuesAvoiding(size, random, low, high, [0], 0.25) : randomValues(size, random, low, high);
}

describe.each(UNARY_CASES)('$name', ({ name, op, tfOp, low, high, keepsInt32, gradient }) => {
  it.each(UNARY_SHAPES.map((shape) => ({ shape })))('matches tfjs on float32 of shape $shape', ({ shape }) => {
    const values = randomValues(sizeFromShape(shape), seededRandom(name.length * 7 + shape.length), low, high);
    const [x, tfX] = pair(values, shape);
    expectMatchesTf(op(x), tfOp(tfX), TOLERANCE);
  });

  it('matches tfjs on NaN, ±Inf, signed zeros, halves and extremes', () => {
    const [x, tfX] = pair(SPECIAL_VALUES.concat([1.5, 2.5, -1.5, -2.5, 0.49999997]), [SPECIAL_VALUES.length + 5]);
    expectMatchesTf(op(x), tfOp(tfX), TOLERANCE);
  });

  it(keepsInt32 ? 'keeps int32 as tfjs does' : 'computes int32 input in float32', () => {
    const values = randomIntegers(12, seededRandom(name.length), -6, 7);
    const [x, tfX] = pair(values, [3, 4], 'int32');
    const result = op(x);
    if (keepsInt32 || name === 'isNaN' || name === 'isFinite') {
      expectMatchesTf(result, tfOp(tfX));
    } else {
      expect(result.dtype).toBe('float32');
      expectMatchesTf(result, tfOp(tf.cast(tfX, 'float32')), TOLERANCE);
    }
  });

  it('refuses bool input', () => {
    expect(() => op(tensor([true, false]))).toThrow(DTypeError);
    expect(() => op(tensor([true, false]))).toThrow(new RegExp(`^${name}: `));
  });

  if (gradient) {
    it('has the gradient of tf.grad and of finite differences', () => {
      const values = valuesAvoiding(
        24,
        seededRandom(name.length + 100),
        gradient.low,
        gradient.high,
        gradient.kinks ?? [],
        gradient.margin,
      );
      checkGradients({
        inputs: [{ values, shape: [2, 3, 4] }],
        tessera: op,
        tfjs: tfOp,
        reference: ([x]) => x.map(gradient.reference),
      });
    });
  }
});

describe('logicalNot', () => {
  it('matches tfjs on bool tensors, zero-size included', () => {
    for (const shape of [[5], [2, 3], [], [0, 2]]) {
      const [x, tfX] = pair(randomIntegers(sizeFromShape(shape), seededRandom(shape.length), 0, 2), shape, 'bool');
      expectMatchesTf(logicalNot(x), tf.logicalNot(tfX));
    }
  });

  it('refuses float32 and int32 input', () => {
    expect(() => logicalNot(tensor([1, 0]))).toThrow(/logicalNot: expected a bool tensor, got float32/);
    expect(() => logicalNot(tensor([1, 0], [2], 'int32'))).toThrow(DTypeError);
  });
});

/**
 * tfjs's floorDiv answers int32 even for float32 inputs, which cannot hold NaN, ±Inf or large quotients; Tessera's
 * stays float32 (as NumPy and PyTorch). Its values are compared with tfjs's cast back to float32.
 */
function expectedFloat(name: string, expected: tf.Tensor): tf.Tensor {
  return name === 'floorDiv' ? tf.cast(expected, 'float32') : expected;
}

/** The float64 result of a broadcasting binary op, flat and row-major. */
function broadcastReference(testCase: BinaryCase, aShape: number[], bShape: number[]) {
  const outShape = broadcastShapes(aShape, bShape, testCase.name);
  const reference = testCase.reference as (a: number, b: number) => number;
  return ([a, b]: Float64Array[]) =>
    generate(outShape, (coordinates) =>
      reference(broadcastRead(a, aShape, coordinates), broadcastRead(b, bShape, coordinates)),
    );
}

describe.each(BINARY_CASES)('$name', (testCase) => {
  const { name, op, tfOp, nonZeroB } = testCase;

  it.each(BROADCAST_SHAPES)('matches tfjs on float32 $aShape with $bShape', ({ aShape, bShape }) => {
    const random = seededRandom(name.length * 13 + aShape.length * 3 + bShape.length);
    const [a, tfA] = pair(operandValues(sizeFromShape(aShape), random, testCase.a), aShape);
    const [b, tfB] = pair(operandValues(sizeFromShape(bShape), random, testCase.b, nonZeroB), bShape);
    expectMatchesTf(op(a, b), expectedFloat(name, tfOp(tfA, tfB)), TOLERANCE);
  });

  it.each(BROADCAST_SHAPES)('matches tfjs on int32 $aShape with $bShape', ({ aShape, bShape }) => {
    const random = seededRandom(name.length * 17 + aShape.length * 3 + bShape.length);
    const bValues = randomIntegers(sizeFromShape(bShape), random, ...testCase.intB).map((value) =>
      nonZeroB && value === 0 ? 1 : value,
    );
    const [a, tfA] = pair(randomIntegers(sizeFromShape(aShape), random, ...testCase.intA), aShape, 'int32');
    const [b, tfB] = pair(bValues, bShape, 'int32');
    expectMatchesTf(op(a, b), tfOp(tfA, tfB));
  });

  it('matches tfjs on NaN, ±Inf and signed zeros', () => {
    const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1, -1, 2.5, -3];
    // mod by an infinite divisor is checked on its own below.
    const divisors =
      name === 'mod' ? special.filter((value) => Number.isFinite(value) || Number.isNaN(value)) : special;
    const aValues = special.flatMap((value) => divisors.map(() => value));
    const bValues = special.flatMap(() => divisors);
    const [a, tfA] = pair(aValues, [aValues.length]);
    const [b, tfB] = pair(bValues, [bValues.length]);
    // floorDiv's int32 answer in tfjs cannot hold these; floor(a / b) in float32 is what it should match.
    const expected = name === 'floorDiv' ? tf.floor(tf.div(tfA, tfB)) : tfOp(tfA, tfB);
    expectMatchesTf(op(a, b), expected, TOLERANCE);
  });

  it('upcasts int32 with float32 to float32, and a number operand follows the tensor dtype', () => {
    const [a, tfA] = pair([1, 2, -3, 4], [4], 'int32');
    const [b, tfB] = pair([1.5, -2, 0.5, 3], [4]);
    const mixed = op(a, b);
    expect(mixed.dtype).toBe('float32');
    expectMatchesTf(mixed, tf.cast(tfOp(tf.cast(tfA, 'float32'), tfB), 'float32'), TOLERANCE);
    expect(op(a, 2).dtype).toBe('int32');
    expect(op(a, 2.5).dtype).toBe('float32');
  });

  it('treats bool operands as int32', () => {
    const [a, tfA] = pair([1, 1, 0, 0], [4], 'bool');
    const [b, tfB] = pair([1, 0, 1, 1], [4], 'bool');
    const result = op(a, b);
    expect(result.dtype).toBe('int32');
    const cast = (value: tf.Tensor) => tf.cast(value, 'int32');
    const expected = tfOp(cast(tfA), cast(tfB));
    // int32 division by zero is not defined the same way everywhere; only the pairs with b = 1 are compared there.
    const keep = nonZeroB ? [0, 2, 3] : [0, 1, 2, 3];
    const actualValues = result.dataSync();
    const expectedValues = expected.dataSync();
    expect(keep.map((index) => actualValues[index])).toEqual(keep.map((index) => expectedValues[index]));
  });

  it('rejects shapes that do not broadcast, naming the op', () => {
    expect(() => op(tensor([1, 2, 3]), tensor([1, 2]))).toThrow(ShapeError);
    expect(() => op(tensor([1, 2, 3]), tensor([1, 2]))).toThrow(
      new RegExp(`^${name}: shapes \\[3\\] and \\[2\\] cannot be broadcast`),
    );
  });

  if (testCase.reference && name !== 'mod') {
    it.each(BROADCAST_SHAPES.slice(0, 6))(
      'has the gradient of tf.grads and of finite differences for $aShape with $bShape',
      ({ aShape, bShape }) => {
        const random = seededRandom(name.length * 19 + aShape.length * 3 + bShape.length);
        checkGradients({
          inputs: [
            { values: operandValues(sizeFromShape(aShape), random, testCase.a), shape: aShape },
            { values: operandValues(sizeFromShape(bShape), random, testCase.b, nonZeroB), shape: bShape },
          ],
          tessera: op,
          // tfjs 4.22's Maximum/Minimum gradients do not sum back over broadcast axes and throw a shape error.
          tfjs: (name === 'maximum' || name === 'minimum') && !shapesEqual(aShape, bShape) ? undefined : tfOp,
          reference: broadcastReference(testCase, aShape, bShape),
        });
      },
    );
  }
});

describe('binary gradients at the edges', () => {
  it('mod: dy for a and −floor(a / b)·dy for b, as tf.grads and finite differences (away from the jumps)', () => {
    const random = seededRandom(301);
    const bValues = [0.7, -1.3, 1.9];
    // Each a is placed so that a / b stays at least 0.05 from an integer for every b it meets.
    const aValues: number[] = [];
    while (aValues.length < 6) {
      const candidate = Math.fround(-5 + 10 * random());
      const clearOfJumps = bValues.every((b) => {
        const ratio = candidate / b;
        return Math.abs(ratio - Math.round(ratio)) > 0.05;
      });
      if (clearOfJumps) aValues.push(candidate);
    }
    const modCase = BINARY_CASES.find((testCase) => testCase.name === 'mod') as BinaryCase;
    checkGradients({
      inputs: [
        { values: aValues, shape: [2, 3] },
        { values: bValues, shape: [3] },
      ],
      tessera: modCase.op,
      tfjs: tf.mod,
      reference: broadcastReference(modCase, [2, 3], [3]),
    });
  });

  it('pow: a negative base with integer exponents differentiates in a, and gets 0 in b as tfjs', () => {
    const powCase = BINARY_CASES.find((testCase) => testCase.name === 'pow') as BinaryCase;
    const aValues = [-2.5, -1.2, -0.7, 1.5];
    const bValues = [2, 3, -1, 2];
    const [a, tfA] = pair(aValues, [4]);
    const [b, tfB] = pair(bValues, [4]);
    const actual = grads((left, right) => sum(mul(pow(left, right), tensor(lossWeights(4)))))([a, b]);
    const expected = tf.grads((left: tf.Tensor, right: tf.Tensor) =>
      tf.sum(tf.mul(tf.pow(left, right), tf.tensor(lossWeights(4)))),
    )([tfA, tfB]);
    expectMatchesTf(actual[0], expected[0], { rtol: 1e-5, atol: 1e-5 });
    expectMatchesTf(actual[1], expected[1], { rtol: 1e-5, atol: 1e-5 });
    expect(powCase.reference?.(-2, 3)).toBe(-8);
  });

  it.each(['maximum', 'minimum'])('%s: ties send the gradient to a only, as tfjs', (name) => {
    const testCase = BINARY_CASES.find((candidate) => candidate.name === name) as BinaryCase;
    const [a, tfA] = pair([1, 2, 3, -1], [4]);
    const [b, tfB] = pair([1, 2.5, 3, -2], [4]);
    const weights = lossWeights(4);
    const actual = grads((left, right) => sum(mul(testCase.op(left, right), tensor(weights))))([a, b]);
    const expected = tf.grads((left: tf.Tensor, right: tf.Tensor) =>
      tf.sum(tf.mul(testCase.tfOp(left, right), tf.tensor(weights))),
    )([tfA, tfB]);
    expectMatchesTf(actual[0], expected[0]);
    expectMatchesTf(actual[1], expected[1]);
  });

  it('floorDiv: the gradient is 0, which finite differences confirm (tfjs returns the gradient of div instead)', () => {
    const values = [2.3, -1.7, 4.1, 0.6];
    const divisors = [1.1, 0.9, -2.2, 0.45];
    const [a] = pair(values, [4]);
    const [b] = pair(divisors, [4]);
    const [gradientA, gradientB] = grads((left, right) => sum(floorDiv(left, right)))([a, b]);
    expect(Array.from(gradientA.dataSync())).toEqual([0, 0, 0, 0]);
    expect(Array.from(gradientB.dataSync())).toEqual([0, 0, 0, 0]);
    const [numericA, numericB] = numericGradients(
      ([left, right]) => left.reduce((total, value, index) => total + Math.floor(value / right[index]), 0),
      [values, divisors],
    );
    expect(Array.from(numericA)).toEqual([0, 0, 0, 0]);
    expect(Array.from(numericB)).toEqual([0, 0, 0, 0]);
  });
});

describe('int32 division', () => {
  it.each(['div', 'floorDiv', 'mod'])('%s floors toward −∞ and takes the sign of the divisor, as tfjs', (name) => {
    const testCase = BINARY_CASES.find((candidate) => candidate.name === name) as BinaryCase;
    const [a, tfA] = pair([7, -7, 7, -7, 6, -6, 0, 1], [8], 'int32');
    const [b, tfB] = pair([2, 2, -2, -2, 3, 3, 5, -1], [8], 'int32');
    expectMatchesTf(testCase.op(a, b), testCase.tfOp(tfA, tfB));
  });

  it.each(['div', 'floorDiv', 'mod'])('%s by zero gives 0 in int32, as tfjs', (name) => {
    const testCase = BINARY_CASES.find((candidate) => candidate.name === name) as BinaryCase;
    const [a, tfA] = pair([5, -5, 0], [3], 'int32');
    const [b, tfB] = pair([0, 0, 0], [3], 'int32');
    expectMatchesTf(testCase.op(a, b), testCase.tfOp(tfA, tfB));
  });
});

describe.each(COMPARE_CASES)('$name', ({ name, op, tfOp }) => {
  it.each(BROADCAST_SHAPES)('matches tfjs on float32 $aShape with $bShape, ties included', ({ aShape, bShape }) => {
    const random = seededRandom(name.length * 23 + aShape.length * 3 + bShape.length);
    // Small integers as floats make equal pairs common.
    const [a, tfA] = pair(randomIntegers(sizeFromShape(aShape), random, -2, 3), aShape);
    const [b, tfB] = pair(randomIntegers(sizeFromShape(bShape), random, -2, 3), bShape);
    const result = op(a, b);
    expect(result.dtype).toBe('bool');
    expectMatchesTf(result, tfOp(tfA, tfB));
  });

  it('matches tfjs on int32, bool, mixed int32/float32 and NaN/±Inf', () => {
    const [ia, tfIa] = pair([1, 2, 3, -4], [4], 'int32');
    const [ib, tfIb] = pair([1, 3, 2, -4], [4], 'int32');
    expectMatchesTf(op(ia, ib), tfOp(tfIa, tfIb));
    const [ba, tfBa] = pair([1, 1, 0, 0], [4], 'bool');
    const [bb, tfBb] = pair([1, 0, 1, 0], [4], 'bool');
    expectMatchesTf(op(ba, bb), tfOp(tfBa, tfBb));
    const [fb, tfFb] = pair([1.5, 2, 2.5, -4], [4]);
    expectMatchesTf(op(ia, fb), tfOp(tfIa, tfFb));
    const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1];
    const [sa, tfSa] = pair(
      special.flatMap((value) => special.map(() => value)),
      [36],
    );
    const [sb, tfSb] = pair(
      special.flatMap(() => special),
      [36],
    );
    expectMatchesTf(op(sa, sb), tfOp(tfSa, tfSb));
  });
});

describe.each(LOGICAL_CASES)('$name', ({ name, op, tfOp }) => {
  it.each(BROADCAST_SHAPES)('matches tfjs on bool $aShape with $bShape', ({ aShape, bShape }) => {
    const random = seededRandom(name.length * 29 + aShape.length * 3 + bShape.length);
    const [a, tfA] = pair(randomIntegers(sizeFromShape(aShape), random, 0, 2), aShape, 'bool');
    const [b, tfB] = pair(randomIntegers(sizeFromShape(bShape), random, 0, 2), bShape, 'bool');
    expectMatchesTf(op(a, b), tfOp(tfA, tfB));
  });

  it('refuses non-bool operands', () => {
    expect(() => op(tensor([1, 0]), tensor([true, false]))).toThrow(DTypeError);
    expect(() => op(tensor([1, 0], [2], 'int32'), tensor([1, 0], [2], 'int32'))).toThrow(
      new RegExp(`^${name}: expected two bool tensors, got a=int32 b=int32`),
    );
  });
});

describe('known differences from tfjs', () => {
  it('floorDiv of float32 stays float32 where tfjs answers int32', () => {
    const result = floorDiv(tensor([7.5, -7.5, 1]), tensor([2, 2, 0]));
    expect(result.dtype).toBe('float32');
    expect(Array.from(result.dataSync())).toEqual([3, -4, Number.POSITIVE_INFINITY]);
    expect(tf.floorDiv(tf.tensor([7.5]), tf.tensor([2])).dtype).toBe('int32');
  });

  // Reported to the lead: tfjs answers NaN when the divisor is infinite with the other sign (its formula adds b
  // before the second %); the kernel answers ±Inf (Python's float % gives -inf for 1 % -inf too).
  it.fails('mod by an infinite divisor of the other sign gives NaN, as tfjs', () => {
    const [a, tfA] = pair([1, -1, 2.5, -3, 0], [5]);
    const [b, tfB] = pair(
      [
        Number.NEGATIVE_INFINITY,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
      ],
      [5],
    );
    expectMatchesTf(mod(a, b), tf.mod(tfA, tfB));
  });
});
