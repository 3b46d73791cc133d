/**
 * Backends for checking the conv/pool kernels three ways: 'cpu' (whatever it implements natively),
 * 'cpu-required-only' (only the required kernels, so every optional kernel runs core's composite), and
 * 'cpu-reference-windows' (the required kernels plus float64 loop implementations of the window kernels, so
 * the gradient rules of the optional kernels run even where the CPU backend has no native ones yet).
 */
import type { Backend, KernelMap } from '../backend/backend-definition';
import { defineBackend } from '../backend/define-backend';
import { REQUIRED_KERNELS, type TensorInfo } from '../backend/kernel-specs';
import { listBackends } from '../backend-api/list-backends';
import { registerBackend } from '../backend-api/register-backend';
import { setBackend } from '../backend-api/set-backend';
import { createCpuBackend } from '../backends/cpu/create-cpu-backend';
import { expectValuesClose } from './oracle';
import {
  referenceAvgPool2d,
  referenceAvgPool2dBackward,
  referenceMaxPool2d,
  referenceMaxPool2dBackward,
} from './pool-references';
import {
  type ReferenceResult,
  referenceConv2d,
  referenceConv2dBackpropFilter,
  referenceConv2dBackpropInput,
} from './window-references';

export const WINDOW_TEST_BACKENDS = ['cpu', 'cpu-required-only', 'cpu-reference-windows'] as const;

function requiredOnly(cpu: Backend): Backend {
  const kernels = Object.fromEntries(
    REQUIRED_KERNELS.map((name) => [name, (cpu.kernels as Record<string, unknown>)[name]]),
  ) as unknown as KernelMap;
  return defineBackend({ specVersion: 1, name: 'cpu-required-only', storage: cpu.storage, kernels });
}

function withReferenceWindowKernels(cpu: Backend): Backend {
  const storage = cpu.storage;
  const read = (info: TensorInfo) => (storage.readSync as NonNullable<typeof storage.readSync>)(info.dataId);
  const output = (result: ReferenceResult): TensorInfo => ({
    dataId: storage.write(Float32Array.from(result.values), 'float32'),
    shape: result.shape,
    dtype: 'float32',
  });
  const required = requiredOnly(cpu).kernels;
  const kernels: KernelMap = {
    ...required,
    conv2d: ({ x, filter }, attributes) =>
      output(referenceConv2d(read(x), x.shape, read(filter), filter.shape, attributes)),
    conv2dBackpropInput: ({ dy, filter }, attributes) =>
      output(referenceConv2dBackpropInput(read(dy), read(filter), filter.shape, attributes.inputShape, attributes)),
    conv2dBackpropFilter: ({ x, dy }, attributes) =>
      output(referenceConv2dBackpropFilter(read(x), x.shape, read(dy), attributes.filterShape, attributes)),
    maxPool2d: ({ x }, attributes) => output(referenceMaxPool2d(read(x), x.shape, attributes)),
    maxPool2dBackward: ({ dy, x }, attributes) =>
      output(referenceMaxPool2dBackward(read(dy), read(x), x.shape, attributes)),
    avgPool2d: ({ x }, attributes) => output(referenceAvgPool2d(read(x), x.shape, attributes)),
    avgPool2dBackward: ({ dy }, attributes) =>
      output(referenceAvgPool2dBackward(read(dy), attributes.inputShape, attributes)),
  };
  return defineBackend({ specVersion: 1, name: 'cpu-reference-windows', storage, kernels });
}

/** Registers the two extra backends once per test file (each file has its own engine). */
export function registerWindowTestBackends(): void {
  const registered = listBackends();
  if (!registered.includes('cpu-required-only')) registerBackend(requiredOnly(createCpuBackend()));
  if (!registered.includes('cpu-reference-windows')) registerBackend(withReferenceWindowKernels(createCpuBackend()));
}

/** Runs `compute` on each window test backend (returning to 'cpu' after) and returns the results by backend. */
export async function computeOnEachBackend<T>(compute: () => T): Promise<Map<string, T>> {
  registerWindowTestBackends();
  const results = new Map<string, T>();
  try {
    for (const name of WINDOW_TEST_BACKENDS) {
      await setBackend(name);
      results.set(name, compute());
    }
  } finally {
    await setBackend('cpu');
  }
  return results;
}

/** Checks that every backend's outputs (flat arrays, in the same order) match those of the composites. */
export function expectBackendsAgree(results: Map<string, number[][]>, rtol: number, atol: number): void {
  const composite = results.get('cpu-required-only');
  if (!composite) throw new Error('expectBackendsAgree: no result from cpu-required-only');
  for (const [name, outputs] of results) {
    for (let index = 0; index < outputs.length; index++) {
      try {
        expectValuesClose(outputs[index], composite[index], rtol, atol);
      } catch (error) {
        throw new Error(`${name} disagrees with the composites in output ${index}: ${(error as Error).message}`);
      }
    }
  }
}
