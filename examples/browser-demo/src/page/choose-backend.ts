import { createWebGpuBackend } from '@tessera/backend-webgpu';
import { registerBackend, setBackend } from '@tessera/core';

export interface BackendChoice {
  name: 'webgpu' | 'cpu';
  /** Why the CPU backend is used, when it is. */
  fallbackReason?: string;
}

/** WebGPU when the browser has an adapter, else Tessera's CPU backend (`?backend=cpu` forces the CPU). */
export async function chooseBackend(requested: string | null): Promise<BackendChoice> {
  if (requested === 'cpu') {
    await setBackend('cpu');
    return { name: 'cpu', fallbackReason: 'asked for with ?backend=cpu' };
  }
  try {
    registerBackend(createWebGpuBackend());
    await setBackend('webgpu');
    return { name: 'webgpu' };
  } catch (error) {
    await setBackend('cpu');
    return { name: 'cpu', fallbackReason: (error as Error).message };
  }
}
