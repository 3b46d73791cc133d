/**
 * Deliberately broken backends for the kit's own tests: each wraps a fresh CPU backend and breaks one thing, so
 * a test can assert that the kit notices. Not exported from the package.
 */
import { createCpuBackend } from '@tessera/core';
import { type Backend, defineBackend, type KernelMap, REQUIRED_KERNELS } from '@tessera/core/backend';

type AnyKernel = (inputs: unknown, attributes: unknown) => { dataId: object };

/** The CPU backend with its `add` off by one (the output buffer is bumped in place after the real kernel ran). */
export function createOffByOneAddBackend(): Backend {
  const cpu = createCpuBackend();
  const binary = cpu.kernels.binary as unknown as AnyKernel;
  const readSync = cpu.storage.readSync?.bind(cpu.storage);
  return defineBackend({
    ...cpu,
    name: 'off-by-one-add',
    kernels: {
      ...cpu.kernels,
      binary: ((inputs: unknown, attributes: { op: string }) => {
        const output = binary(inputs, attributes);
        if (attributes.op === 'add' && readSync) {
          const values = readSync(output.dataId);
          for (let index = 0; index < values.length; index++) values[index] += 1;
        }
        return output;
      }) as unknown as KernelMap['binary'],
    },
  });
}

/** The CPU backend's required kernels only (optional ones fall back to core's composites). */
export function createRequiredOnlyBackend(): Backend {
  const cpu = createCpuBackend();
  const kernels = Object.fromEntries(REQUIRED_KERNELS.map((name) => [name, cpu.kernels[name]]));
  return defineBackend({ ...cpu, name: 'required-only', kernels: kernels as unknown as KernelMap });
}

/** A plain-JavaScript backend (not checked by the type system) that forgot `gather`. */
export function createBackendWithoutGather(): Backend {
  const backend = createRequiredOnlyBackend();
  const { gather: _gather, ...kernels } = backend.kernels;
  return { ...backend, name: 'without-gather', kernels: kernels as unknown as KernelMap };
}

/** The CPU backend whose storage under-reports its live buffers by one once a tensor exists. */
export function createMiscountingBackend(): Backend {
  const cpu = createCpuBackend();
  const storage = cpu.storage;
  return defineBackend({
    ...cpu,
    name: 'miscounting',
    storage: {
      write: (values, dtype) => storage.write(values, dtype),
      read: (dataId) => storage.read(dataId),
      readSync: (dataId) => (storage.readSync as NonNullable<typeof storage.readSync>)(dataId),
      dispose: (dataId) => storage.dispose(dataId),
      memory: () => {
        const real = storage.memory();
        return { numBuffers: Math.max(0, real.numBuffers - 1), numBytes: real.numBytes };
      },
    },
  });
}

/** The CPU backend whose random bits are shifted by one word: seeded draws no longer match. */
export function createShiftedRandomBackend(): Backend {
  const cpu = createCpuBackend();
  const randomBits = cpu.kernels.randomBits;
  return defineBackend({
    ...cpu,
    name: 'shifted-random',
    kernels: {
      ...cpu.kernels,
      randomBits: (inputs, attributes) =>
        randomBits(inputs, { ...attributes, counter: [attributes.counter[0] + 1, attributes.counter[1]] }),
    },
  });
}
