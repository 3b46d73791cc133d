import { createCpuBackend, matmul, randomNormal, setBackend, setCpuThreads, tidy } from '@tessera/core';
import { afterAll, expect, it } from 'vitest';

// The CPU backend splits large products across Web Workers in a cross-origin isolated page (the test server sends
// COOP and COEP headers); the page's main thread spins instead of sleeping while it waits for them.
afterAll(() => setCpuThreads(1));

// The root Node run loads this folder too; Web Workers and cross-origin isolation exist only in the page.
const inBrowser = typeof (globalThis as { document?: unknown }).document !== 'undefined';

it.skipIf(!inBrowser)(
  'splits large products across Web Workers in a cross-origin isolated page, bit-identical to one thread',
  async () => {
    expect(globalThis.crossOriginIsolated).toBe(true);
    await setBackend('cpu');
    const backend = createCpuBackend();
    const product = () =>
      tidy(() => {
        const a = randomNormal([256, 300], 0, 1, 'float32', { seed: 3 });
        const b = randomNormal([300, 200], 0, 1, 'float32', { seed: 4 });
        return Array.from(matmul(a, b).dataSync());
      });
    setCpuThreads(1);
    const single = product();
    expect(backend.capabilities().threads).toBe(1);
    setCpuThreads(2);
    product(); // starts the workers in the background
    for (let attempt = 0; attempt < 100 && backend.capabilities().threads === 1; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(backend.capabilities().threads).toBe(2);
    expect(product()).toEqual(single);
  },
);
