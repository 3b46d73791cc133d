import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend, BackendStorage, KernelMap } from '../backend/backend-definition';
import { defineBackend } from '../backend/define-backend';
import { REQUIRED_KERNELS } from '../backend/kernel-specs';
import { createCpuBackend } from '../backends/cpu/create-cpu-backend';
import { BackendError, BackendNotFoundError } from '../errors';
import { memory } from '../memory/memory';
import { add } from '../ops/add';
import { tensor } from '../ops/tensor';
import { listBackends } from './list-backends';
import { registerBackend } from './register-backend';
import { removeBackend } from './remove-backend';
import { setBackend } from './set-backend';
import { toBackend } from './to-backend';

/** A copy of the CPU backend; with `asynchronousOnly` its storage cannot read synchronously, like a GPU's. */
function cpuCopy(name: string, asynchronousOnly = false): Backend {
  const cpu = createCpuBackend();
  const kernels = Object.fromEntries(
    REQUIRED_KERNELS.map((kernel) => [kernel, cpu.kernels[kernel]]),
  ) as unknown as KernelMap;
  const source = cpu.storage;
  const storage: BackendStorage = asynchronousOnly
    ? {
        write: (values, dtype) => source.write(values, dtype),
        read: (dataId) => source.read(dataId),
        dispose: (dataId) => source.dispose(dataId),
        memory: () => source.memory(),
      }
    : source;
  return defineBackend({ specVersion: 1, name, storage, kernels });
}

beforeEach(async () => {
  // A low priority, so that registering them does not make either the default backend.
  registerBackend(cpuCopy('other'), { priority: -1 });
  registerBackend(cpuCopy('device', true), { priority: -1 });
  await setBackend('cpu');
});

afterEach(async () => {
  await setBackend('cpu');
  for (const name of listBackends()) if (name !== 'cpu') removeBackend(name);
});

describe('toBackend', () => {
  it('copies a tensor to another backend, leaving the original where it was', async () => {
    const original = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      undefined,
      'int32',
    );
    const copy = await toBackend(original, 'other');
    expect(copy).not.toBe(original);
    expect(copy.backend.name).toBe('other');
    expect(original.backend.name).toBe('cpu');
    expect(copy.shape).toEqual([2, 2]);
    expect(copy.dtype).toBe('int32');
    expect(copy.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    original.dispose();
    expect(copy.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('copies from a backend that can only read asynchronously', async () => {
    await setBackend('device');
    const onDevice = tensor([1.5, 2.5]);
    expect(onDevice.backend.name).toBe('device');
    expect(() => onDevice.dataSync()).toThrow(BackendError);
    expect(() => onDevice.dataSync()).toThrow(
      /dataSync: backend 'device' cannot read synchronously; use await tensor.data\(\)/,
    );
    const back = await toBackend(onDevice, 'cpu');
    expect(Array.from(back.dataSync())).toEqual([1.5, 2.5]);
    expect(back.toString()).toContain('[1.5,2.5]');
    expect(onDevice.toString()).toMatch(/values on device/);
  });

  it('rejects an unknown backend name', async () => {
    await expect(toBackend(tensor([1]), 'nowhere')).rejects.toThrow(BackendNotFoundError);
    await expect(toBackend(tensor([1]), 'nowhere')).rejects.toThrow(/toBackend: no backend named 'nowhere'/);
  });
});

describe('tensors from another backend as op inputs', () => {
  it('are copied automatically when the source can read synchronously', async () => {
    const fromCpu = tensor([1, 2, 3]);
    await setBackend('other');
    const before = memory();
    const result = add(fromCpu, tensor([10, 20, 30]));
    expect(result.backend.name).toBe('other');
    expect(Array.from(result.dataSync())).toEqual([11, 22, 33]);
    // The input moved with its values intact, and it is not counted twice.
    expect(fromCpu.backend.name).toBe('other');
    expect(Array.from(fromCpu.dataSync())).toEqual([1, 2, 3]);
    expect(memory().numTensors).toBe(before.numTensors + 2);
    expect(memory().numDataBuffers).toBe(before.numDataBuffers + 2);
  });

  it('are refused with a hint to use toBackend when the source can only read asynchronously', async () => {
    await setBackend('device');
    const onDevice = tensor([1, 2]);
    await setBackend('cpu');
    expect(() => add(onDevice, tensor([1, 1]))).toThrow(BackendError);
    expect(() => add(onDevice, tensor([1, 1]))).toThrow(/add.*'device'.*toBackend/);
    const moved = await toBackend(onDevice, 'cpu');
    expect(Array.from(add(moved, tensor([1, 1])).dataSync())).toEqual([2, 3]);
  });
});
