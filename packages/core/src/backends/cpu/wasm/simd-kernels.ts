import { RELAXED_SIMD_KERNELS_BASE64, SIMD_KERNELS_BASE64 } from './simd-kernels-binary';

interface SimdGlobals {
  process?: { env?: Record<string, string | undefined> };
}

/** undefined: not tried yet; null: unavailable here (no WebAssembly, no SIMD128, or switched off). */
let compiled: WebAssembly.Module | null | undefined;
/** Whether `compiled` is the relaxed-SIMD build. */
let compiledRelaxed = false;
const environment = (globalThis as SimdGlobals).process?.env;
let enabled = environment?.TESSERA_CPU_SIMD !== '0';
const relaxedAllowed = environment?.TESSERA_CPU_RELAXED_SIMD !== '0';

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const characters = atob(text);
  const bytes = new Uint8Array(characters.length);
  for (let index = 0; index < characters.length; index++) bytes[index] = characters.charCodeAt(index);
  return bytes;
}

function compile(): void {
  compiled = null;
  if (typeof WebAssembly !== 'object') return;
  // The relaxed-SIMD build where the engine validates it (Chromium ≥ 114, Node ≥ 22 behind no flag), else the
  // plain one; an engine without SIMD128 rejects both, and the TypeScript kernels then serve alone.
  const relaxed = decodeBase64(RELAXED_SIMD_KERNELS_BASE64);
  compiledRelaxed = relaxedAllowed && WebAssembly.validate(relaxed);
  const bytes = compiledRelaxed ? relaxed : decodeBase64(SIMD_KERNELS_BASE64);
  if (!compiledRelaxed && !WebAssembly.validate(bytes)) return;
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
 * TESSERA_CPU_SIMD=0 in the environment switches them off for the process; TESSERA_CPU_RELAXED_SIMD=0 keeps
 * the plain SIMD build where the relaxed one would load.
 */
export function simdKernelModule(): WebAssembly.Module | undefined {
  if (!enabled) return undefined;
  if (compiled === undefined) compile();
  return compiled ?? undefined;
}

/** Whether the SIMD kernels in use are the relaxed-SIMD build (fused multiply-add in the GEMM). */
export function relaxedSimdInUse(): boolean {
  return simdKernelModule() !== undefined && compiledRelaxed;
}

/** Switches the SIMD kernels on or off (where they are available); tests and benchmarks compare both paths. */
export function setSimdKernelsEnabled(on: boolean): void {
  enabled = on;
}
