import { describe, expect, it } from 'vitest';
import { memory } from '../memory/memory';
import type { Tensor } from '../tensor';
import { batchNorm } from './batch-norm';
import { broadcastTo } from './broadcast-to';
import { cast } from './cast';
import { concat } from './concat';
import { expandDims } from './expand-dims';
import { flatten } from './flatten';
import { gather } from './gather';
import { logSoftmax } from './log-softmax';
import { logicalAnd } from './logical-and';
import { onesLike } from './ones-like';
import { pad } from './pad';
import { reshape } from './reshape';
import { scatterAdd } from './scatter-add';
import { slice } from './slice';
import { softmax } from './softmax';
import { squeeze } from './squeeze';
import { transpose } from './transpose';
import { zerosLike } from './zeros-like';

// Ops called outside any tidy with plain arrays convert them to tensors; those conversions are the op's to free.
const cases: Array<[string, () => Tensor]> = [
  [
    'gather',
    () =>
      gather(
        [
          [1, 2],
          [3, 4],
        ],
        [1, 0],
      ),
  ],
  ['concat', () => concat([[1, 2], [3]])],
  ['pad', () => pad([1, 2], [[1, 1]])],
  ['slice', () => slice([1, 2, 3], [1], [2])],
  ['reshape', () => reshape([1, 2, 3, 4], [2, 2])],
  [
    'transpose',
    () =>
      transpose([
        [1, 2],
        [3, 4],
      ]),
  ],
  ['cast', () => cast([1.5, 2.5], 'int32')],
  ['broadcastTo', () => broadcastTo([1, 2], [3, 2])],
  ['expandDims', () => expandDims([1, 2], 0)],
  ['squeeze', () => squeeze([[1, 2]])],
  [
    'flatten',
    () =>
      flatten([
        [1, 2],
        [3, 4],
      ]),
  ],
  ['softmax', () => softmax([1, 2, 3])],
  ['logSoftmax', () => logSoftmax([1, 2, 3])],
  ['logicalAnd', () => logicalAnd([true, false], [true, true])],
  ['scatterAdd', () => scatterAdd([1, 2], [0, 0], 3)],
  [
    'batchNorm',
    () =>
      batchNorm(
        [
          [1, 2],
          [3, 4],
        ],
        [1, 1],
        [1, 1],
      ),
  ],
  ['onesLike', () => onesLike([1, 2])],
  ['zerosLike', () => zerosLike([1, 2])],
];

describe('ops with plain-array inputs outside a tidy', () => {
  it.each(cases)('%s leaves only its result behind', (_name, run) => {
    const before = memory();
    const result = run();
    const after = memory();
    expect(after.numTensors).toBe(before.numTensors + 1);
    result.dispose();
    expect(memory().numTensors).toBe(before.numTensors);
    expect(memory().numBytes).toBe(before.numBytes);
  });
});
