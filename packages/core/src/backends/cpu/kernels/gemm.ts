import { currentSimdInstance } from '../wasm/simd-instance';
import { blockedGemm, createGemmWorkspace } from './gemm-blocked';
import { thinGemm } from './gemm-thin';
import { type GemmOnThisThread, parallelGemm } from './gemm-thread-pool';
import { wasmGemm } from './gemm-wasm';

/** Below this many multiply-adds, packing costs more than it saves. */
const SMALL_PROBLEM = 4096;

/** This thread's packing buffer and tile; they only grow, so steady-state training allocates nothing here. */
const workspace = createGemmWorkspace();

/** The SIMD kernel where this engine has it and it has memory for the operands, else the TypeScript one. */
const onThisThread: GemmOnThisThread = (...product) => {
  const simd = currentSimdInstance();
  if (simd !== undefined && wasmGemm(...product, simd)) return;
  blockedGemm(...product, workspace);
};

/**
 * out[m×n] = op(A)·op(B), or out += op(A)·op(B) when `accumulate`, on row-major Float32Array views at the given
 * offsets. op(A) is m×k: A itself (stored m×k) or, with transposeA, Aᵀ of A stored k×m. op(B) is k×n: B stored k×n,
 * or with transposeB, Bᵀ of B stored n×k. Output rows are contiguous with stride n.
 *
 * Products run on the WebAssembly SIMD kernel (assembly/gemm.ts) where the engine supports it, else on the
 * TypeScript kernels, which stay the reference. Large products are split across worker threads where Node provides
 * them (see gemm-thread-pool.ts); small and thin ones stay on the calling thread, on the TypeScript thin kernel.
 */
export function gemm(
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  bOffset: number,
  out: Float32Array,
  outOffset: number,
  m: number,
  n: number,
  k: number,
  transposeA: boolean,
  transposeB: boolean,
  accumulate = false,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) out.fill(0, outOffset, outOffset + m * n);
    return;
  }
  const aRowStride = transposeA ? 1 : k;
  const aInnerStride = transposeA ? m : 1;
  const bInnerStride = transposeB ? 1 : n;
  const bColumnStride = transposeB ? k : 1;
  // Fewer than 4 rows or columns would leave most of every 4x4 register tile idle, and packing a tiny problem
  // costs more than it saves.
  if (m < 4 || n < 4 || m * n * k <= SMALL_PROBLEM) {
    thinGemm(
      a,
      aOffset,
      aRowStride,
      aInnerStride,
      b,
      bOffset,
      bInnerStride,
      bColumnStride,
      out,
      outOffset,
      m,
      n,
      k,
      accumulate,
    );
    return;
  }
  const simd = currentSimdInstance() !== undefined;
  if (
    parallelGemm(
      a,
      aOffset,
      aRowStride,
      aInnerStride,
      b,
      bOffset,
      bInnerStride,
      bColumnStride,
      out,
      outOffset,
      m,
      n,
      k,
      accumulate,
      simd,
      onThisThread,
    )
  ) {
    return;
  }
  onThisThread(
    a,
    aOffset,
    aRowStride,
    aInnerStride,
    b,
    bOffset,
    bInnerStride,
    bColumnStride,
    out,
    outOffset,
    n,
    m,
    n,
    k,
    accumulate,
  );
}
