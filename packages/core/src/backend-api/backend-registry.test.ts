import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend, KernelMap } from '../backend/backend-definition';
import { defineBackend } from '../backend/define-backend';
import { REQUIRED_KERNELS } from '../backend/kernel-specs';
import { createCpuBackend } from '../backends/cpu/create-cpu-backend';
import { BackendNotFoundError, InvalidArgumentError } from '../errors';
import { add } from '../ops/add';
import { tensor } from '../ops/tensor';
import { getBackend } from './get-backend';
import { listBackends } from './list-backends';
import { registerBackend } from './register-backend';
import { removeBackend } from './remove-backend';
import { setBackend } from './set-backend';

function cpuCopy(name: string, hooks: Partial<Pick<Backend, 'initialize' | 'destroy'>> = {}): Backend {
  const cpu = createCpuBackend();
  const kernels = Object.fromEntries(
    REQUIRED_KERNELS.map((kernel) => [kernel, cpu.kernels[kernel]]),
  ) as unknown as KernelMap;
  return defineBackend({ specVersion: 1, name, storage: cpu.storage, kernels, ...hooks });
}

afterEach(async () => {
  await setBackend('cpu');
  for (const name of listBackends()) if (name !== 'cpu') removeBackend(name);
});

describe('the backend registry', () => {
  it('has the CPU backend without registering anything', () => {
    expect(listBackends()).toContain('cpu');
    expect(getBackend()).toBe('cpu');
    expect(tensor([1]).backend.name).toBe('cpu');
  });

  it('registers, lists, selects and removes a backend', async () => {
    registerBackend(cpuCopy('second'));
    expect(listBackends()).toEqual(expect.arrayContaining(['cpu', 'second']));
    await setBackend('second');
    expect(getBackend()).toBe('second');
    const made = add(tensor([1, 2]), tensor([3, 4]));
    expect(made.backend.name).toBe('second');
    expect(Array.from(made.dataSync())).toEqual([4, 6]);
    await setBackend('cpu');
    expect(getBackend()).toBe('cpu');
    removeBackend('second');
    expect(listBackends()).not.toContain('second');
    await expect(setBackend('second')).rejects.toThrow(BackendNotFoundError);
  });

  it('awaits initialize once, on first selection', async () => {
    let initializations = 0;
    registerBackend(
      cpuCopy('slow-start', {
        initialize: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          initializations++;
        },
      }),
    );
    expect(initializations).toBe(0);
    await setBackend('slow-start');
    expect(initializations).toBe(1);
    await setBackend('cpu');
    await setBackend('slow-start');
    expect(initializations).toBe(1);
  });

  it('calls destroy on removal and falls back to another backend when the current one is removed', async () => {
    let destroyed = 0;
    registerBackend(cpuCopy('doomed', { destroy: () => destroyed++ }));
    await setBackend('doomed');
    removeBackend('doomed');
    expect(destroyed).toBe(1);
    expect(getBackend()).toBe('cpu');
    // Removing an unknown name is a no-op.
    expect(() => removeBackend('never-registered')).not.toThrow();
  });

  it('rejects a duplicate name and an object not made by defineBackend', () => {
    registerBackend(cpuCopy('unique'));
    expect(() => registerBackend(cpuCopy('unique'))).toThrow(InvalidArgumentError);
    expect(() => registerBackend(cpuCopy('unique'))).toThrow(
      /registerBackend: a backend named 'unique' is already registered/,
    );
    const raw = { ...cpuCopy('raw'), isTesseraBackend: undefined } as unknown as Backend;
    expect(() => registerBackend(raw)).toThrow(/registerBackend: expected a backend made by defineBackend/);
    expect(() => registerBackend(cpuCopy('cpu'))).toThrow(/already registered/);
  });

  it('setBackend with an unknown name lists what is registered', async () => {
    registerBackend(cpuCopy('listed'));
    await expect(setBackend('missing')).rejects.toThrow(BackendNotFoundError);
    await expect(setBackend('missing')).rejects.toThrow(/setBackend: no backend named 'missing'.*cpu.*listed/);
  });
});

describe('the default backend in a fresh module graph', () => {
  it('is the highest-priority initialized backend when none was chosen, and the CPU backend otherwise', async () => {
    vi.resetModules();
    const fresh = {
      register: (await import('./register-backend')).registerBackend,
      get: (await import('./get-backend')).getBackend,
      define: (await import('../backend/define-backend')).defineBackend,
    };
    const cpu = createCpuBackend();
    const kernels = Object.fromEntries(
      REQUIRED_KERNELS.map((kernel) => [kernel, cpu.kernels[kernel]]),
    ) as unknown as KernelMap;
    fresh.register(
      fresh.define({ specVersion: 1, name: 'needs-setup', storage: cpu.storage, kernels, initialize: async () => {} }),
      { priority: 10 },
    );
    fresh.register(fresh.define({ specVersion: 1, name: 'low', storage: cpu.storage, kernels }), { priority: -5 });
    // 'needs-setup' must be initialized through setBackend first; 'low' ranks below the CPU backend.
    expect(fresh.get()).toBe('cpu');
  });
});
