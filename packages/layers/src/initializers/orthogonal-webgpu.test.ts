import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWebGpuBackend } from '@tessera/backend-webgpu';
import { getBackend, matmul, registerBackend, removeBackend, setBackend, tensor, transpose } from '@tessera/core';
import { afterAll, describe, expect, it } from 'vitest';
import { LSTM } from '../layers/recurrent/lstm';

// The repository's lavapipe (scripts/setup-lavapipe.sh) when no Vulkan driver is configured.
const lavapipe = fileURLToPath(new URL('../../../../.cache/lavapipe/lvp_icd.json', import.meta.url));
if (process.env.VK_ICD_FILENAMES === undefined && existsSync(lavapipe)) process.env.VK_ICD_FILENAMES = lavapipe;
process.env.NODEVICE_SELECT ??= '1';

async function webGpuOrReason(): Promise<string | null> {
  try {
    const { create } = await import('webgpu');
    registerBackend(createWebGpuBackend({ gpu: create([]) }));
    await setBackend('webgpu');
    return null;
  } catch (error) {
    return String((error as Error).message ?? error);
  }
}

const skipReason = await webGpuOrReason();
if (skipReason !== null) {
  if (process.env.TESSERA_REQUIRE_WEBGPU === '1') throw new Error(`TESSERA_REQUIRE_WEBGPU=1 but: ${skipReason}`);
  console.warn(`[orthogonal on WebGPU] skipped: ${skipReason}`);
}

afterAll(async () => {
  if (getBackend() === 'webgpu') {
    await setBackend('cpu');
    removeBackend('webgpu');
  }
});

describe.skipIf(skipReason !== null)('orthogonal initializer on a backend without synchronous reads', () => {
  it('builds an LSTM on WebGPU: its recurrent kernel is orthogonal (WᵀW = I)', async () => {
    expect(getBackend()).toBe('webgpu');
    const layer = new LSTM({ units: 8, recurrentInitializer: 'orthogonal' });
    const output = layer.apply(tensor(new Float32Array(2 * 3 * 4).fill(0.5), [2, 3, 4]));
    expect(output.shape).toEqual([2, 8]);
    const recurrent = layer.weights[1];
    expect(recurrent.shape).toEqual([8, 32]);
    // Wide (8 × 32): its rows are orthonormal, W·Wᵀ = I.
    const product = matmul(recurrent, transpose(recurrent));
    const values = await product.data();
    for (let row = 0; row < 8; row++) {
      for (let column = 0; column < 8; column++) {
        expect(values[row * 8 + column]).toBeCloseTo(row === column ? 1 : 0, 4);
      }
    }
    for (const value of [output, product]) value.dispose();
    layer.dispose();
  });
});
