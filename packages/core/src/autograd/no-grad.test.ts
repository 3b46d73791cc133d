import { describe, expect, it } from 'vitest';
import { ENGINE } from '../engine/engine';
import { add } from '../ops/add';
import { mul } from '../ops/mul';
import { square } from '../ops/square';
import { sum } from '../ops/sum';
import { tensor } from '../ops/tensor';
import { grad } from './grad';
import { grads } from './grads';
import { noGrad } from './no-grad';

describe('noGrad', () => {
  it('returns the body result', () => {
    const result = noGrad(() => add(tensor([1, 2]), tensor([3, 4])));
    expect(Array.from(result.dataSync())).toEqual([4, 6]);
  });

  it('records nothing on an active tape', () => {
    const tape = ENGINE.startTape();
    try {
      const x = tensor([1, 2, 3]);
      noGrad(() => sum(square(mul(x, 2))));
      expect(tape.nodes).toHaveLength(0);
      square(x);
      expect(tape.nodes).toHaveLength(1);
    } finally {
      ENGINE.stopTape(tape);
    }
  });

  it('cuts the gradient of what it computes', () => {
    const x = tensor([1, 2, 3]);
    // Only the outer x contributes: d/dx [x * stop(x^2)] = x^2.
    const gradient = grad((input) =>
      sum(
        mul(
          input,
          noGrad(() => square(input)),
        ),
      ),
    )(x);
    expect(Array.from(gradient.dataSync())).toEqual([1, 4, 9]);
    const [onlyInside] = grads((input) => noGrad(() => sum(square(input))))([x]);
    expect(Array.from(onlyInside.dataSync())).toEqual([0, 0, 0]);
  });

  it('resumes recording after the body throws', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    const gradient = grad((input) => sum(square(input)))(tensor([3]));
    expect(Array.from(gradient.dataSync())).toEqual([6]);
  });
});
