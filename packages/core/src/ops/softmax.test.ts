import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '../backend-api/set-backend';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import { tidy } from '../memory/tidy';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, expectValuesClose, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { sizeOf } from '../test-utils/window-padding';
import { registerWindowTestBackends } from '../test-utils/window-test-backends';
import { logSoftmax } from './log-softmax';
import { softmax } from './softmax';
import { tensor } from './tensor';

/** Float64 softmax (or log-softmax) of flat `values` of `shape` along the non-negative `axis`. */
function referenceSoftmax(
  values: ArrayLike<number>,
  shape: readonly number[],
  axis: number,
  log: boolean,
): Float64Array {
  const length = shape[axis];
  const inner = sizeOf(shape.slice(axis + 1));
  const outer = sizeOf(shape.slice(0, axis));
  const result = new Float64Array(values.length);
  for (let outerIndex = 0; outerIndex < outer; outerIndex++) {
    for (let innerIndex = 0; innerIndex < inner; innerIndex++) {
      const at = (position: number) => (outerIndex * length + position) * inner + innerIndex;
      let largest = Number.NEGATIVE_INFINITY;
      for (let position = 0; position < length; position++) largest = Math.max(largest, values[at(position)]);
      let total = 0;
      for (let position = 0; position < length; position++) total += Math.exp(values[at(position)] - largest);
      for (let position = 0; position < length; position++) {
        const shifted = values[at(position)] - largest;
        result[at(position)] = log ? shifted - Math.log(total) : Math.exp(shifted) / total;
      }
    }
  }
  return result;
}

const SHAPES: Array<{ shape: number[]; axis: number }> = [
  { shape: [7], axis: -1 },
  { shape: [3, 5], axis: -1 },
  { shape: [2, 3, 4], axis: 1 },
  { shape: [2, 3, 4], axis: -3 },
  { shape: [2, 1, 3, 4], axis: 3 },
  { shape: [4, 1], axis: 1 },
];

const OPS = [
  { name: 'softmax', op: softmax, tfOp: tf.softmax, log: false },
  { name: 'logSoftmax', op: logSoftmax, tfOp: tf.logSoftmax, log: true },
] as const;

/** tfjs only normalizes along the last axis: move the axis there and back. */
function tfAlong(tfOp: (logits: tf.Tensor) => tf.Tensor, rank: number, axis: number): (logits: tf.Tensor) => tf.Tensor {
  const positive = axis < 0 ? axis + rank : axis;
  if (positive === rank - 1) return (logits) => tfOp(logits);
  const perm = Array.from({ length: rank }, (_, index) => index);
  perm[positive] = rank - 1;
  perm[rank - 1] = positive;
  return (logits) => tf.transpose(tfOp(tf.transpose(logits, perm)), perm);
}

describe.each(['cpu', 'cpu-required-only'])('softmax and logSoftmax on %s', (backendName) => {
  beforeAll(async () => {
    registerWindowTestBackends();
    await setBackend(backendName);
  });
  afterAll(async () => {
    await setBackend('cpu');
  });

  for (const { name, op, tfOp, log } of OPS) {
    SHAPES.forEach(({ shape, axis }, caseIndex) => {
      it(`${name} of ${JSON.stringify(shape)} along axis ${axis}: values match tfjs`, () => {
        const values = randomValues(sizeOf(shape), seededRandom(caseIndex + 1), -4, 4);
        tidy(() => {
          const expected = tfAlong(tfOp, shape.length, axis)(tf.tensor(values, shape));
          expectMatchesTf(op(tensor(values, shape), axis), expected, { rtol: 1e-5, atol: 1e-6 });
          expected.dispose();
        });
      });

      it(`${name} of ${JSON.stringify(shape)} along axis ${axis}: gradients match tf.grads and finite differences`, () => {
        const values = randomValues(sizeOf(shape), seededRandom(caseIndex + 20), -3, 3);
        const positive = axis < 0 ? axis + shape.length : axis;
        checkGradients({
          inputs: [{ values, shape }],
          tessera: (logits) => op(logits, axis),
          tfjs: tfAlong(tfOp, shape.length, axis),
          reference: ([logits]) => referenceSoftmax(logits, shape, positive, log),
        });
      });
    });

    it(`${name} stays finite for large logits`, () => {
      tidy(() => {
        const logits = [1000, 1001, 1002, -1000];
        const actual = op(tensor(logits, [4]));
        expectValuesClose(actual.dataSync(), referenceSoftmax(logits, [4], 0, log), 1e-5, 1e-6);
      });
    });

    it(`${name} keeps zero-size dimensions and converts int32`, () => {
      tidy(() => {
        expect(op(tensor([], [0, 3])).shape).toEqual([0, 3]);
        const fromInt = op(tensor([1, 2, 3], [3], 'int32'));
        expect(fromInt.dtype).toBe('float32');
        expectValuesClose(fromInt.dataSync(), referenceSoftmax([1, 2, 3], [3], 0, log), 1e-5, 1e-6);
      });
    });

    it(`${name} rejects scalars, bad axes and bool`, () => {
      expect(() => op(tensor(3))).toThrow(ShapeError);
      expect(() => op(tensor(3))).toThrow(`${name}: logits must have rank ≥ 1, got a scalar`);
      expect(() => op(tensor([1, 2], [1, 2]), 2)).toThrow(InvalidArgumentError);
      expect(() => op(tensor([1, 2], [1, 2]), 2)).toThrow(
        new RegExp(`${name}: axis must be an integer in \\[-2, 1\\]`),
      );
      expect(() => op(tensor([true, false]))).toThrow(DTypeError);
    });
  }
});
