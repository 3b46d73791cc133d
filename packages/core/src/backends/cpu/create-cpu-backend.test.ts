import { afterAll, describe, expect, it } from 'vitest';
import { createCpuBackend } from './create-cpu-backend';
import { setSimdKernelsEnabled } from './wasm/simd-kernels';

describe('createCpuBackend', () => {
  afterAll(() => setSimdKernelsEnabled(true));

  it('reports whether its SIMD kernels run, and on how many threads large products run', () => {
    const backend = createCpuBackend();
    const capabilities = backend.capabilities();
    expect(capabilities.simd).toBe(true);
    expect(capabilities.threads).toBeGreaterThanOrEqual(1);
    setSimdKernelsEnabled(false);
    expect(backend.capabilities().simd).toBe(false);
  });

  it('drops the arrays it keeps for reuse on request', () => {
    const backend = createCpuBackend();
    const dataId = backend.storage.write(new Float32Array(4096), 'float32');
    backend.storage.dispose(dataId);
    backend.releaseReusableMemory();
    expect(backend.storage.memory()).toEqual({ numBuffers: 0, numBytes: 0 });
  });
});
