import { afterEach, describe, expect, it } from 'vitest';
import type { KernelMap } from '../backend/backend-definition';
import { defineBackend } from '../backend/define-backend';
import { registerBackend } from '../backend-api/register-backend';
import { removeBackend } from '../backend-api/remove-backend';
import { setBackend } from '../backend-api/set-backend';
import { createCpuBackend } from '../backends/cpu/create-cpu-backend';
import { conv2d } from '../ops/conv2d';
import { matmul } from '../ops/matmul';
import { randomNormal } from '../ops/random-normal';
import { sum } from '../ops/sum';
import { grads } from './grads';

/** The CPU backend with a count of kernel calls by name. */
async function useCountingBackend(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const cpu = createCpuBackend();
  const kernels = Object.fromEntries(
    Object.entries(cpu.kernels).map(([name, kernel]) => [
      name,
      (...parameters: unknown[]) => {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return (kernel as (...values: unknown[]) => unknown)(...parameters);
      },
    ]),
  ) as unknown as KernelMap;
  registerBackend(defineBackend({ specVersion: 1, name: 'counting', storage: cpu.storage, kernels }), {
    priority: -1,
  });
  await setBackend('counting');
  return counts;
}

afterEach(async () => {
  await setBackend('cpu');
  removeBackend('counting');
});

describe('gradients nobody asked for', () => {
  it('are not computed for a matmul operand that leads to no source', async () => {
    const counts = await useCountingBackend();
    const data = randomNormal([8, 5]);
    const weights = randomNormal([5, 3]);
    counts.clear();
    // Only the weights are sources: a·w needs wᵀ's partner aᵀ·dy, not dy·wᵀ.
    const [weightGradient] = grads((w) => sum(matmul(data, w)))([weights]);
    expect(counts.get('matmul')).toBe(2);
    counts.clear();
    const [dataGradient, bothWeightGradient] = grads((x, w) => sum(matmul(x, w)))([data, weights]);
    expect(counts.get('matmul')).toBe(3);
    expect(weightGradient.dataSync()).toEqual(bothWeightGradient.dataSync());
    expect(dataGradient.shape).toEqual([8, 5]);
  });

  it('are not computed for a convolution input that leads to no source', async () => {
    const counts = await useCountingBackend();
    const images = randomNormal([2, 6, 6, 3]);
    const filter = randomNormal([3, 3, 3, 4]);
    counts.clear();
    grads((f) => sum(conv2d(images, f, { padding: 'same' })))([filter]);
    expect(counts.get('conv2dBackpropInput')).toBeUndefined();
    expect(counts.get('conv2dBackpropFilter')).toBe(1);
    counts.clear();
    grads((x, f) => sum(conv2d(x, f, { padding: 'same' })))([images, filter]);
    expect(counts.get('conv2dBackpropInput')).toBe(1);
  });
});
