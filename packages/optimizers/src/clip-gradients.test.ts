import { InvalidArgumentError, memory, tensor, tidy, variable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { sgd } from './sgd';

/** One plain SGD step with learning rate 1 exposes the clipped gradient as the weight change. */
async function appliedGradients(options: Parameters<typeof sgd>[0], gradients: number[][]): Promise<number[][]> {
  const optimizer = sgd({ learningRate: 1, ...options });
  const variables = gradients.map((values, index) =>
    tidy(() => variable(tensor(new Array(values.length).fill(0)), { name: `clip_${index}` })),
  );
  const gradientTensors = gradients.map((values) => tensor(values));
  optimizer.step(new Map(variables.map((target, index) => [target, gradientTensors[index]])));
  const result = await Promise.all(variables.map(async (target) => Array.from(await target.data(), (value) => -value)));
  for (const item of [...variables, ...gradientTensors]) item.dispose();
  optimizer.dispose();
  return result;
}

function expectClose(actual: number[][], expected: number[][]): void {
  actual.forEach((row, rowIndex) => {
    row.forEach((value, index) => {
      expect(value).toBeCloseTo(expected[rowIndex][index], 6);
    });
  });
}

describe('gradient clipping', () => {
  it('clipValue clamps each element', async () => {
    expectClose(await appliedGradients({ clipValue: 0.5 }, [[-2, 0.25, 3]]), [[-0.5, 0.25, 0.5]]);
  });

  it('clipNorm rescales each tensor above the norm and leaves the others alone', async () => {
    // [3, 4] has norm 5 -> scaled to norm 1; [0.3, 0.4] has norm 0.5 -> untouched.
    expectClose(
      await appliedGradients({ clipNorm: 1 }, [
        [3, 4],
        [0.3, 0.4],
      ]),
      [
        [0.6, 0.8],
        [0.3, 0.4],
      ],
    );
  });

  it('globalClipNorm rescales all tensors by their joint norm', async () => {
    // Joint norm of [3, 4] and [12] is 13.
    expectClose(await appliedGradients({ globalClipNorm: 1.3 }, [[3, 4], [12]]), [[0.3, 0.4], [1.2]]);
    expectClose(await appliedGradients({ globalClipNorm: 100 }, [[3, 4], [12]]), [[3, 4], [12]]);
  });

  it('allows only one clipping mode and a positive threshold', () => {
    expect(() => sgd({ clipNorm: 1, clipValue: 1 })).toThrow(
      /sgd: only one of clipNorm, clipValue and globalClipNorm may be set, got clipNorm and clipValue/,
    );
    expect(() => sgd({ globalClipNorm: -1 })).toThrow(InvalidArgumentError);
  });

  it('leaks nothing', async () => {
    const before = memory().numTensors;
    await appliedGradients({ globalClipNorm: 1 }, [[3, 4], [12]]);
    expect(memory().numTensors).toBe(before);
  });
});
