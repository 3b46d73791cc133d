import { describe, expect, it } from 'vitest';
import { grad } from '../autograd/grad';
import type { DType } from '../dtype';
import { DTypeError } from '../errors';
import { tidy } from '../memory/tidy';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, pair, randomIntegers, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { cast } from './cast';
import { mul } from './mul';
import { tensor } from './tensor';

const DTYPES: DType[] = ['float32', 'int32', 'bool'];

describe('cast', () => {
  it('matches tfjs between every pair of dtypes on random values', () => {
    const random = seededRandom(231);
    const sources: Record<DType, number[]> = {
      float32: randomValues(24, random, -5, 5),
      int32: randomIntegers(24, random, -5, 5),
      bool: randomIntegers(24, random, 0, 2),
    };
    for (const from of DTYPES) {
      for (const to of DTYPES) {
        tidy(() => {
          const [x, tfX] = pair(sources[from], [2, 3, 4], from);
          const tfResult = tf.cast(tfX, to);
          expectMatchesTf(cast(x, to), tfResult, { rtol: 0, atol: 0 });
          tf.dispose([tfX, tfResult]);
        });
      }
    }
  });

  it('truncates floats toward zero, sends NaN to 0 (int32) and to true (bool), as tfjs', () => {
    const values = [1.7, -1.7, 0.5, -0.5, 2.999, -2.999, NaN, 0, -0, 1e-30];
    tidy(() => {
      const [x, tfX] = pair(values, [values.length]);
      const toInt = tf.cast(tfX, 'int32');
      const toBool = tf.cast(tfX, 'bool');
      expectMatchesTf(cast(x, 'int32'), toInt, { rtol: 0, atol: 0 });
      expectMatchesTf(cast(x, 'bool'), toBool, { rtol: 0, atol: 0 });
      expect(Array.from(cast(x, 'int32').dataSync())).toEqual([1, -1, 0, 0, 2, -2, 0, 0, 0, 0]);
      expect(Array.from(cast(x, 'bool').dataSync())).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 1]);
      tf.dispose([tfX, toInt, toBool]);
    });
  });

  it('keeps zero-size and scalar shapes', () => {
    tidy(() => {
      expect(cast(tensor([], [0, 3]), 'int32').shape).toEqual([0, 3]);
      expect(Array.from(cast(tensor(true), 'float32').dataSync())).toEqual([1]);
    });
  });

  it('float32 to float32 passes the gradient through, as tf.grad and finite differences', () => {
    checkGradients({
      inputs: [{ values: randomValues(6, seededRandom(232)), shape: [2, 3] }],
      tessera: (x) => mul(cast(x, 'float32'), x),
      tfjs: (x) => tf.mul(tf.cast(x, 'float32'), x),
      reference: ([x]) => x.map((value) => value * value),
    });
  });

  it('a round trip through int32 is piecewise constant, so its gradient is zero (tfjs passes 1 through instead)', () => {
    const values = randomValues(6, seededRandom(233)).map((value) => value + 0.37);
    checkGradients({
      inputs: [{ values, shape: [6] }],
      tessera: (x) => cast(cast(x, 'int32'), 'float32'),
      reference: ([x]) => x.map(Math.trunc),
    });
    tidy(() => {
      const gradient = grad((x) => cast(cast(x, 'int32'), 'float32'))(tensor(values));
      expect(Array.from(gradient.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
    });
  });

  it('rejects unknown dtypes', () => {
    tidy(() => {
      expect(() => cast(tensor([1]), 'float64' as DType)).toThrow(DTypeError);
      expect(() => cast(tensor([1]), 'float64' as DType)).toThrow(
        "cast: dtype must be 'float32', 'int32' or 'bool', got float64",
      );
    });
  });
});
