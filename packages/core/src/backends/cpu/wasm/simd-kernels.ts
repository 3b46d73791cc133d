import { SIMD_KERNELS_BASE64 } from './simd-kernels-binary';

interface SimdGlobals {
  process?: { env?: Record<string, string | undefined> };
}

/** undefined: not tried yet; null: unavailable here (no WebAssembly, no SIMD128, or switched off). */
let compiled: WebAssembly.Module | null | undefined;
let enabled = (globalThis as SimdGlobals).process?.env?.TESSERA_CPU_SIMD !== '0';

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const characters = atob(text);
  const bytes = new Uint8Array(characters.length);
  for (let index = 0; index < characters.length; index++) bytes[index] = characters.charCodeAt(index);
  return bytes;
}

function compile(): void {
  compiled = null;
  if (typeof WebAssembly !== 'object') return;
  const bytes = decodeBase64(SIMD_KERNELS_BASE64);
  // An engine without SIMD128 rejects the module at validation: the TypeScript kernels then serve alone.
  if (!WebAssembly.validate(bytes)) return;
  try {
    compiled = new WebAssembly.Module(bytes);
  } catch (error) {
    // Some browsers refuse synchronous compilation on the main thread above a size limit: compile in the
    // background, and let the TypeScript kernels serve the calls made until it is ready.
    if (error instanceof RangeError) {
      WebAssembly.compile(bytes).then(
        (module) => {
          compiled = module;
        },
        () => {},
      );
    }
  }
}

/**
 * The CPU backend's compiled WebAssembly SIMD kernels (assembly/ in this package), or undefined where they
 * cannot run or are switched off; callers then use the TypeScript kernels, which stay the reference.
 * TESSERA_CPU_SIMD=0 in the environment switches them off for the process.
 */
export function simdKernelModule(): WebAssembly.Module | undefined {
  if (!enabled) return undefined;
  if (compiled === undefined) compile();
  return compiled ?? undefined;
}

/** Switches the SIMD kernels on or off (where they are available); tests and benchmarks compare both paths. */
export function setSimdKernelsEnabled(on: boolean): void {
  enabled = on;
}
