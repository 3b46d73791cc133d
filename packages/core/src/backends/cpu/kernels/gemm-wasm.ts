/**
 * Runs the WebAssembly SIMD GEMM (assembly/gemm.ts) on JavaScript arrays: op(A), op(B) and, when needed, the
 * output are copied into the instance's linear memory, multiplied there and copied back. The copies are O(m·k +
 * k·n + m·n) against the product's O(m·n·k). Like gemm-blocked.ts, everything here is plain function declarations
 * that refer only to each other and to built-ins, so gemm-thread-pool.ts can ship their source text to workers.
 */

/** One instance of the SIMD module with its own memory; each thread has its own. */
export interface SimdInstance {
  memory: WebAssembly.Memory;
  run: (...parameters: number[]) => void;
  /** The element-wise kernels of assembly/elementwise.ts (see simd-elementwise.ts). */
  binary: (op: number, a: number, aStep: number, b: number, bStep: number, out: number, length: number) => void;
  unary: (op: number, x: number, out: number, length: number) => void;
  /** assembly/elementwise.ts's adamUpdate: seven addresses, the length, then the seven scalars. */
  adamUpdate: (...parameters: number[]) => void;
  /** Byte address of the kernel's workspace; the operands follow it. */
  workspace: number;
  operandsStart: number;
  view: Float32Array;
}

export function instantiateSimdKernels(module: WebAssembly.Module): SimdInstance {
  const exports = new WebAssembly.Instance(module, {}).exports as {
    memory: WebAssembly.Memory;
    gemm: (...parameters: number[]) => void;
    binary: SimdInstance['binary'];
    unary: SimdInstance['unary'];
    adamUpdate: SimdInstance['adamUpdate'];
    heapBase: () => number;
    workspaceBytes: () => number;
  };
  const workspace = Math.ceil(exports.heapBase() / 64) * 64;
  const operandsStart = workspace + Math.ceil(exports.workspaceBytes() / 64) * 64;
  return {
    memory: exports.memory,
    run: exports.gemm,
    binary: exports.binary,
    unary: exports.unary,
    adamUpdate: exports.adamUpdate,
    workspace,
    operandsStart,
    view: new Float32Array(exports.memory.buffer),
  };
}

/**
 * Makes the instance's memory reach byte `end` and its view current; false when the memory cannot grow that far.
 * Growing replaces the memory's buffer, so views are renewed here rather than kept by callers.
 */
export function reserveOperandMemory(kernel: SimdInstance, end: number): boolean {
  const available = kernel.memory.buffer.byteLength;
  if (end > available) {
    try {
      kernel.memory.grow(Math.ceil((end - available) / 65536));
    } catch {
      return false;
    }
  }
  if (kernel.view.buffer !== kernel.memory.buffer) kernel.view = new Float32Array(kernel.memory.buffer);
  return true;
}

/**
 * blockedGemm's contract (gemm-blocked.ts), on the SIMD kernel. Returns false, having changed nothing, when the
 * instance's memory cannot grow to hold the operands; the caller then runs the TypeScript kernel.
 */
export function wasmGemm(
  a: Float32Array,
  aOffset: number,
  aRowStride: number,
  aInnerStride: number,
  b: Float32Array,
  bOffset: number,
  bInnerStride: number,
  bColumnStride: number,
  out: Float32Array,
  outOffset: number,
  outRowStride: number,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
  kernel: SimdInstance,
): boolean {
  // Each operand's span: from its first element to its last, whatever the strides (they encode transposes).
  const aSpan = (m - 1) * aRowStride + (k - 1) * aInnerStride + 1;
  const bSpan = (k - 1) * bInnerStride + (n - 1) * bColumnStride + 1;
  const outSpan = (m - 1) * outRowStride + n;
  const aAddress = kernel.operandsStart;
  const bAddress = aAddress + Math.ceil(aSpan / 16) * 64;
  const outAddress = bAddress + Math.ceil(bSpan / 16) * 64;
  if (!reserveOperandMemory(kernel, outAddress + outSpan * 4)) return false;
  const view = kernel.view;
  view.set(a.subarray(aOffset, aOffset + aSpan), aAddress / 4);
  view.set(b.subarray(bOffset, bOffset + bSpan), bAddress / 4);
  // With gaps between output rows, the whole span goes in so that copying it back leaves the gaps unchanged.
  const copyOutIn = accumulate || outRowStride !== n;
  if (copyOutIn) view.set(out.subarray(outOffset, outOffset + outSpan), outAddress / 4);
  kernel.run(
    aAddress,
    aRowStride,
    aInnerStride,
    bAddress,
    bInnerStride,
    bColumnStride,
    outAddress,
    outRowStride,
    m,
    n,
    k,
    accumulate ? 1 : 0,
    kernel.workspace,
  );
  out.set(view.subarray(outAddress / 4, outAddress / 4 + outSpan), outOffset);
  return true;
}

/** The source text of this module's functions, for evaluating in a worker thread (see gemm-thread-pool.ts). */
export function wasmGemmSource(): string {
  return [instantiateSimdKernels, reserveOperandMemory, wasmGemm].map(String).join('\n');
}
