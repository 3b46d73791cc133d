import {
  add,
  avgPool2d,
  conv2d,
  dropout,
  fill,
  logSoftmax,
  matmul,
  maxPool2d,
  mean,
  memory,
  mul,
  neg,
  randomNormal,
  randomUniform,
  registerBackend,
  relu,
  removeBackend,
  reshape,
  setBackend,
  slice,
  square,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  toBackend,
  transpose,
  valueAndGrads,
} from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebGpuBackend } from './create-webgpu-backend';
import { expectValuesClose } from './test-support/kernel-comparison';
import { randomArray, seededRandom } from './test-support/random-values';
import { createTestBackend, reportSkip } from './test-support/webgpu-test-backend';
import { WebGpuUnavailableError } from './webgpu-unavailable-error';

const { backend, skipReason } = await createTestBackend();
reportSkip('webgpu backend through core', skipReason);

describe('createWebGpuBackend without a usable adapter', () => {
  it('rejects with a typed error that says how to get an adapter', async () => {
    const gpu = { requestAdapter: async () => null } as unknown as GPU;
    const unavailable = createWebGpuBackend({ gpu });
    await expect(unavailable.initialize?.()).rejects.toThrow(WebGpuUnavailableError);
    await expect(unavailable.initialize?.()).rejects.toThrow(/VK_ICD_FILENAMES.*--enable-unsafe-webgpu/s);
  });

  it('says to initialize first when used before setBackend', () => {
    const uninitialized = createWebGpuBackend({ gpu: {} as GPU });
    expect(() => uninitialized.storage.write(new Float32Array(1), 'float32')).toThrow(/setBackend\('webgpu'\)/);
  });
});

const random = seededRandom(3);
const SHAPES = { x: [8, 6], w1: [6, 16], b1: [16], w2: [16, 3], b2: [3] } as const;
const initial = Object.fromEntries(
  Object.entries(SHAPES).map(([name, shape]) => [
    name,
    randomArray(
      random,
      shape.reduce((a, b) => a * b, 1),
      'float32',
      1,
    ),
  ]),
) as Record<keyof typeof SHAPES, number[]>;
const labels = Array.from({ length: 8 * 3 }, (_, index) => (index % 3 === Math.floor(index / 3) % 3 ? 1 : 0));

/** Softmax cross-entropy of a two-layer MLP (matmul, bias, relu, logSoftmax, mean). */
function mlpLoss(x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor): Tensor {
  const hidden = relu(add(matmul(x, w1), b1));
  const logits = add(matmul(hidden, w2), b2);
  return neg(mean(sum(mul(tensor(labels, [8, 3]), logSoftmax(logits)), 1)));
}

async function lossAndGradients(backendName: string): Promise<number[][]> {
  await setBackend(backendName);
  const parameters = (['x', 'w1', 'b1', 'w2', 'b2'] as const).map((name) => tensor(initial[name], [...SHAPES[name]]));
  const { value, grads } = valueAndGrads(mlpLoss)(parameters as [Tensor, Tensor, Tensor, Tensor, Tensor]);
  const results = [
    Array.from(await value.data()),
    ...(await Promise.all(grads.map(async (g) => Array.from(await g.data())))),
  ];
  for (const tensorToDispose of [value, ...grads, ...parameters]) tensorToDispose.dispose();
  return results;
}

describe.skipIf(backend === null)('webgpu backend through core ops', () => {
  beforeAll(async () => {
    registerBackend(backend!);
    await setBackend('webgpu');
  });
  afterAll(async () => {
    await setBackend('cpu');
    removeBackend('webgpu');
  });

  it('computes the loss and gradients of an MLP step like the CPU backend', async () => {
    const expected = await lossAndGradients('cpu');
    const actual = await lossAndGradients('webgpu');
    expected.forEach((values, index) => {
      expectValuesClose(actual[index], values, 'float32', { absolute: 1e-5, relative: 1e-4 }, `output ${index}`);
    });
    await setBackend('webgpu');
  });

  it('computes the gradients of a small CNN (conv2d, pooling, dense) like the CPU backend', async () => {
    const images = randomArray(random, 2 * 8 * 8 * 2, 'float32', 1);
    const filterValues = randomArray(random, 3 * 3 * 2 * 4, 'float32', 1);
    const denseValues = randomArray(random, 2 * 2 * 4 * 3, 'float32', 1);
    const run = async (name: string) => {
      await setBackend(name);
      const inputs = [tensor(images, [2, 8, 8, 2]), tensor(filterValues, [3, 3, 2, 4]), tensor(denseValues, [16, 3])];
      const { value, grads } = valueAndGrads((x: Tensor, filter: Tensor, weights: Tensor) => {
        const features = relu(conv2d(x, filter, { strides: 1, padding: 'same' }));
        const pooled = avgPool2d(maxPool2d(features, { poolSize: 2 }), { poolSize: 2, padding: 'same' });
        return mean(square(matmul(reshape(pooled, [2, 16]), weights)));
      })(inputs as [Tensor, Tensor, Tensor]);
      const results = [value, ...grads].map(async (t) => Array.from(await t.data()));
      const values = await Promise.all(results);
      for (const t of [value, ...grads, ...inputs]) t.dispose();
      return values;
    };
    const expected = await run('cpu');
    const actual = await run('webgpu');
    expected.forEach((values, index) => {
      expectValuesClose(actual[index], values, 'float32', { absolute: 1e-5, relative: 1e-4 }, `cnn output ${index}`);
    });
    await setBackend('webgpu');
  });

  it('keeps memory flat across a training loop and reuses pooled buffers', async () => {
    let parameters = (['x', 'w1', 'b1', 'w2', 'b2'] as const).map((name) => tensor(initial[name], [...SHAPES[name]]));
    const losses: number[] = [];
    const snapshots: Array<{ tensors: number; buffers: number; allocated: number }> = [];
    for (let step = 0; step < 12; step++) {
      const { loss, next } = tidy(() => {
        const { value, grads } = valueAndGrads(mlpLoss)(parameters as [Tensor, Tensor, Tensor, Tensor, Tensor]);
        // x (index 0) is data, not a parameter: it stays as it is.
        return {
          loss: value,
          next: parameters.map((p, index) => (index === 0 ? p.clone() : sub(p, mul(grads[index], 0.5)))),
        };
      });
      for (const old of parameters) old.dispose();
      parameters = next;
      losses.push((await loss.data())[0]);
      loss.dispose();
      const info = memory();
      snapshots.push({
        tensors: info.numTensors,
        buffers: info.backend.numBuffers,
        allocated: backend!.poolStatistics().allocatedBuffers,
      });
    }
    expect(losses[11]).toBeLessThan(losses[0]);
    expect(snapshots[11]).toEqual(snapshots[3]);
    for (const p of parameters) p.dispose();
    const pooled = backend!.poolStatistics();
    expect(pooled.pooledBytes).toBeGreaterThan(0);
    backend!.releaseIdleBuffers();
    expect(backend!.poolStatistics().pooledBytes).toBe(0);
    expect(backend!.poolStatistics().allocatedBuffers).toBeLessThan(pooled.allocatedBuffers);
  });

  it('agrees with core about live buffers and bytes, and frees them on dispose', () => {
    const before = backend!.storage.memory();
    const engineBefore = memory();
    const created = [tensor([1, 2, 3]), tensor([true, false]), tensor([[1, 2]], undefined, 'int32')];
    const after = backend!.storage.memory();
    expect(after.numBuffers - before.numBuffers).toBe(3);
    expect(after.numBytes - before.numBytes).toBe(memory().numBytes - engineBefore.numBytes);
    for (const t of created) t.dispose();
    expect(backend!.storage.memory()).toEqual(before);
  });

  it('names the shape and the sizes when a tensor exceeds the storage-binding limit, and leaks nothing', () => {
    const limit = (backend as NonNullable<typeof backend>).capabilities()?.maxStorageBufferBindingSize as number;
    expect(limit).toBeGreaterThanOrEqual(134217728);
    const before = memory().numTensors;
    const storageBefore = (backend as NonNullable<typeof backend>).storage.memory();
    // One float more than the limit holds; a fill is the first kernel to bind it.
    expect(() => fill([limit / 4 + 1], 1)).toThrow(
      /a float32 tensor of \d+ elements needs \d+ bytes, above this device's maxStorageBufferBindingSize/,
    );
    expect(() => tensor(new Float32Array(limit / 4 + 1))).toThrow(/maxStorageBufferBindingSize/);
    expect(memory().numTensors).toBe(before);
    expect((backend as NonNullable<typeof backend>).storage.memory()).toEqual(storageBefore);
  });

  it('reads only asynchronously: dataSync explains to await data()', async () => {
    const x = tensor([1, 2]);
    expect(() => x.dataSync()).toThrow(/await tensor\.data\(\)/);
    expect(Array.from(await x.data())).toEqual([1, 2]);
    x.dispose();
  });

  it('draws the same uniform numbers and dropout masks as the CPU backend for a seed', async () => {
    const draw = async (name: string) => {
      await setBackend(name);
      const uniform = randomUniform([1001], 0, 1, 'float32', { seed: 42 });
      const masked = dropout(tensor(new Array(64).fill(1)), 0.5, { seed: 7 });
      const normal = randomNormal([33], 0, 1, 'float32', { seed: 9 });
      const values = [
        Array.from(await uniform.data()),
        Array.from(await masked.data()),
        Array.from(await normal.data()),
      ];
      for (const t of [uniform, masked, normal]) t.dispose();
      return values;
    };
    const expected = await draw('cpu');
    const actual = await draw('webgpu');
    expect(actual[0]).toEqual(expected[0]);
    expect(actual[1]).toEqual(expected[1]);
    expectValuesClose(actual[2], expected[2], 'float32', { absolute: 1e-5, relative: 1e-5 }, 'randomNormal');
  });

  it('computes on non-contiguous views (transpose, slice) and moves tensors between backends', async () => {
    const values = randomArray(random, 24, 'float32');
    const compute = async (name: string) => {
      await setBackend(name);
      const x = tensor(values, [2, 3, 4]);
      const result = tidy(() =>
        matmul(transpose(slice(x, [0, 1, 0], [2, 2, 4]), [0, 2, 1]), slice(x, [0, 0, 1], [2, 2, 3])),
      );
      const output = Array.from(await result.data());
      x.dispose();
      result.dispose();
      return output;
    };
    expectValuesClose(
      await compute('webgpu'),
      await compute('cpu'),
      'float32',
      { absolute: 1e-5, relative: 1e-5 },
      'views',
    );
    await setBackend('cpu');
    const onCpu = tensor([1, 2, 3]);
    const onGpu = await toBackend(onCpu, 'webgpu');
    expect(onGpu.backend.name).toBe('webgpu');
    expect(Array.from(await onGpu.data())).toEqual([1, 2, 3]);
    onCpu.dispose();
    onGpu.dispose();
    await setBackend('webgpu');
  });
});
