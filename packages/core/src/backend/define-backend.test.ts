import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../backends/cpu/create-cpu-backend';
import { InvalidArgumentError } from '../errors';
import type { BackendDefinition, KernelMap } from './backend-definition';
import { defineBackend } from './define-backend';
import { OPTIONAL_KERNELS, REQUIRED_KERNELS } from './kernel-specs';
import { supports } from './supports';

function requiredKernelsOfCpu(): { storage: BackendDefinition['storage']; kernels: KernelMap } {
  const cpu = createCpuBackend();
  const kernels = Object.fromEntries(REQUIRED_KERNELS.map((name) => [name, cpu.kernels[name]])) as unknown as KernelMap;
  return { storage: cpu.storage, kernels };
}

describe('defineBackend', () => {
  it('returns a backend marked for registerBackend, keeping the definition', () => {
    const { storage, kernels } = requiredKernelsOfCpu();
    const initialize = async () => {};
    const backend = defineBackend({ specVersion: 1, name: 'defined', storage, kernels, initialize });
    expect(backend.isTesseraBackend).toBe(true);
    expect(backend.name).toBe('defined');
    expect(backend.storage).toBe(storage);
    expect(backend.kernels).toBe(kernels);
    expect(backend.initialize).toBe(initialize);
  });

  it('rejects a definition missing required kernels, listing each', () => {
    const { storage, kernels } = requiredKernelsOfCpu();
    const { matmul: _matmul, gather: _gather, ...incomplete } = kernels;
    const define = () =>
      defineBackend({ specVersion: 1, name: 'incomplete', storage, kernels: incomplete as KernelMap });
    expect(define).toThrow(InvalidArgumentError);
    expect(define).toThrow("defineBackend: backend 'incomplete' is missing required kernels: matmul, gather");
  });

  it('rejects a required kernel that is not a function and a missing kernel map', () => {
    const { storage, kernels } = requiredKernelsOfCpu();
    const broken = { ...kernels, reshape: 'not a function' } as unknown as KernelMap;
    expect(() => defineBackend({ specVersion: 1, name: 'broken', storage, kernels: broken })).toThrow(
      /missing required kernels: reshape$/,
    );
    expect(() => defineBackend({ specVersion: 1, name: 'none', storage } as unknown as BackendDefinition)).toThrow(
      new RegExp(`missing required kernels: ${REQUIRED_KERNELS.join(', ')}$`),
    );
  });

  it('rejects another specVersion, saying which one it implements', () => {
    const { storage, kernels } = requiredKernelsOfCpu();
    const define = () => defineBackend({ specVersion: 2 as 1, name: 'future', storage, kernels });
    expect(define).toThrow(InvalidArgumentError);
    expect(define).toThrow(/defineBackend: specVersion must be 1.*got 2/);
    expect(() => defineBackend({ name: 'unversioned', storage, kernels } as unknown as BackendDefinition)).toThrow(
      /got undefined/,
    );
  });

  it('rejects an empty name', () => {
    const { storage, kernels } = requiredKernelsOfCpu();
    expect(() => defineBackend({ specVersion: 1, name: '', storage, kernels })).toThrow(
      /defineBackend: name must be a non-empty string/,
    );
  });
});

describe('supports', () => {
  it('answers per kernel: true where the backend has it, false where core falls back to a composite', () => {
    const { storage, kernels } = requiredKernelsOfCpu();
    const requiredOnly = defineBackend({ specVersion: 1, name: 'required-only', storage, kernels });
    for (const name of REQUIRED_KERNELS) expect(supports(requiredOnly, name)).toBe(true);
    for (const name of OPTIONAL_KERNELS) expect(supports(requiredOnly, name)).toBe(false);

    const withSoftmax = defineBackend({
      specVersion: 1,
      name: 'with-softmax',
      storage,
      kernels: { ...kernels, softmax: () => ({ dataId: {}, shape: [], dtype: 'float32' }) },
    });
    expect(supports(withSoftmax, 'softmax')).toBe(true);
    expect(supports(withSoftmax, 'logSoftmax')).toBe(false);
  });

  it('the CPU backend implements every required kernel', () => {
    const cpu = createCpuBackend();
    expect(REQUIRED_KERNELS.filter((name) => !supports(cpu, name))).toEqual([]);
  });
});

describe('the kernel lists', () => {
  it('required and optional kernels are disjoint and the required set stays small', () => {
    const overlap = REQUIRED_KERNELS.filter((name) => (OPTIONAL_KERNELS as readonly string[]).includes(name));
    expect(overlap).toEqual([]);
    expect(new Set(REQUIRED_KERNELS).size).toBe(REQUIRED_KERNELS.length);
    expect(REQUIRED_KERNELS.length).toBeLessThanOrEqual(35);
  });
});
