import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { generate, indexOf } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  pair,
  randomIntegers,
  randomPair,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { randomShape } from '../test-utils/random-shapes';
import { sizeFromShape } from '../util/shape';
import { pad } from './pad';
import { tensor } from './tensor';

describe('pad', () => {
  it('matches tfjs for random paddings and constants on ranks 0 to 4, float32 and int32, zero-size included', () => {
    const random = seededRandom(171);
    for (let trial = 0; trial < 30; trial++) {
      // tfjs cannot pad a scalar; that case is checked on its own below.
      const rank = 1 + (trial % 4);
      const shape = randomShape(random, rank, trial % 6 === 0 ? 0 : 1, 3);
      const paddings = shape.map(() => [Math.floor(random() * 3), Math.floor(random() * 3)] as [number, number]);
      const constant = trial % 2 === 0 ? 0 : Math.round(random() * 10) - 5;
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(pad(x, paddings, constant), tf.pad(tfX, paddings, constant));
        const [integers, tfIntegers] = pair(randomIntegers(sizeFromShape(shape), random, -9, 9), shape, 'int32');
        expectMatchesTf(pad(integers, paddings, constant), tf.pad(tfIntegers, paddings, constant));
        tf.dispose([tfX, tfIntegers]);
      });
    }
  });

  it('returns a scalar unchanged (no axes to pad)', () => {
    tidy(() => expect(Array.from(pad(tensor(2.5), []).dataSync())).toEqual([2.5]));
  });

  it('pads with a fractional constant', () => {
    tidy(() => {
      const [x, tfX] = randomPair([2, 2], seededRandom(3));
      expectMatchesTf(
        pad(
          x,
          [
            [1, 0],
            [0, 2],
          ],
          0.25,
        ),
        tf.pad(
          tfX,
          [
            [1, 0],
            [0, 2],
          ],
          0.25,
        ),
      );
      tfX.dispose();
    });
  });

  it('passes the gradient of the inner block back, as tf.grad and finite differences', () => {
    const shape = [2, 3];
    const paddings: Array<[number, number]> = [
      [1, 2],
      [0, 1],
    ];
    checkGradients({
      inputs: [{ values: randomValues(6, seededRandom(172)), shape }],
      tessera: (x) => pad(x, paddings, 1.5),
      tfjs: (x) => tf.pad(x, paddings, 1.5),
      reference: ([x]) =>
        generate([5, 4], ([row, column]) => {
          const sourceRow = row - 1;
          return sourceRow >= 0 && sourceRow < 2 && column < 3 ? x[indexOf([sourceRow, column], shape)] : 1.5;
        }),
    });
  });

  it('needs one [before, after] pair of non-negative integers per axis', () => {
    tidy(() => {
      const x = tensor([1, 2, 3, 4], [2, 2]);
      expect(() => pad(x, [[1, 1]])).toThrow(InvalidArgumentError);
      expect(() => pad(x, [[1, 1]])).toThrow(
        'pad: paddings must be 2 pairs of non-negative integers [before, after], got [[1,1]]',
      );
      expect(() =>
        pad(x, [
          [1, 1],
          [-1, 0],
        ]),
      ).toThrow(InvalidArgumentError);
      expect(() =>
        pad(x, [
          [1, 1],
          [0.5, 0],
        ]),
      ).toThrow(InvalidArgumentError);
    });
  });
});
