import type { Activation, KernelFunction, TensorInfo } from '@tessera/core/backend';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, broadcastShape, broadcastStrides, sizeOf, WGSL_COMMON, wgslType } from '../wgsl-helpers';
import { FLOAT_FUNCTIONS } from './unary';

const TILE = 64;
const TILE_K = 32;
/** Each invocation of the 8×8 workgroup computes an 8×8 block of the 64×64 output tile. */
const BLOCK = 8;
const THREADS_PER_SIDE = TILE / BLOCK;
const VECTORS_PER_ROW = BLOCK / 4;
const MAX_BATCHES = 65535;

/**
 * Tiled matmul: a workgroup stages a 64×32 tile of A and a 32×64 tile of B in workgroup memory per step along K,
 * and each invocation accumulates an 8×8 block of outputs in vec4 registers, so each value loaded from workgroup
 * memory is used 8 times. A and B are read through `load_a(base, row, inner)` and `load_b(base, inner, column)`,
 * which other kernels replace (conv2d reads its input patches in place: an implicit im2col). Transposes are strides (no copy); batch dimensions broadcast
 * through per-batch offsets. int32 products and sums wrap like the CPU backend's. meta: [m, n, k, batches,
 * aRowStride, aInnerStride, bInnerStride, bColumnStride, aOffsets..., bOffsets...], and for the fused epilogue
 * (bias, then activation, applied to each result before it is stored) [rank, outputShape..., biasStrides...].
 */
function matmulShader(
  type: 'f32' | 'i32',
  activation: Activation | null,
  loaders: { loadA?: string; loadB?: string } = {},
): string {
  const zero = type === 'f32' ? '0.0' : '0';
  const loadA = loaders.loadA ?? 'return a_values[base + row * params[4] + inner * params[5]];';
  const loadB = loaders.loadB ?? 'return b_values[base + inner * params[6] + column * params[7]];';
  const inputs: Array<readonly [string, 'f32' | 'i32']> = [
    ['a_values', type],
    ['b_values', type],
  ];
  if (activation !== null) inputs.push(['bias_values', type]);
  return `${bindings(inputs, type)}
${WGSL_COMMON}
${FLOAT_FUNCTIONS}
${epilogueFunction(type, activation)}
fn load_a(base: u32, row: u32, inner: u32) -> ${type} {
  ${loadA}
}
fn load_b(base: u32, inner: u32, column: u32) -> ${type} {
  ${loadB}
}
var<workgroup> a_tile: array<vec4<${type}>, ${TILE_K * 16}>;
var<workgroup> b_tile: array<vec4<${type}>, ${TILE_K * 16}>;

@compute @workgroup_size(${THREADS_PER_SIDE}, ${THREADS_PER_SIDE})
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u,
        @builtin(local_invocation_index) thread: u32) {
  let m = params[0];
  let n = params[1];
  let k = params[2];
  let batches = params[3];
  let batch = group.z;
  let a_base = params[8u + batch];
  let b_base = params[8u + batches + batch];
  let row_start = group.y * ${TILE}u;
  let column_start = group.x * ${TILE}u;
${declareSums(type)}
  for (var step = 0u; step < k; step += ${TILE_K}u) {
    // A is staged transposed ([inner][row], 4 rows per vec4) and B as is ([inner][column], 4 columns per vec4),
    // so the inner loop reads whole vec4s of each.
    for (var load = 0u; load < ${(TILE * TILE_K) / (THREADS_PER_SIDE * THREADS_PER_SIDE)}u; load++) {
      let element = thread + load * ${THREADS_PER_SIDE * THREADS_PER_SIDE}u;
      let a_row = element % ${TILE}u;
      let a_inner = element / ${TILE}u;
      var a_value = ${zero};
      if (row_start + a_row < m && step + a_inner < k) {
        a_value = load_a(a_base, row_start + a_row, step + a_inner);
      }
      a_tile[a_inner * 16u + a_row / 4u][a_row % 4u] = a_value;
      let b_inner = element / ${TILE}u;
      let b_column = element % ${TILE}u;
      var b_value = ${zero};
      if (step + b_inner < k && column_start + b_column < n) {
        b_value = load_b(b_base, step + b_inner, column_start + b_column);
      }
      b_tile[b_inner * 16u + b_column / 4u][b_column % 4u] = b_value;
    }
    workgroupBarrier();
    for (var inner = 0u; inner < ${TILE_K}u; inner++) {
${innerProducts()}
    }
    workgroupBarrier();
  }
${storeSums(type)}
}`;
}

/** The BLOCK×BLOCK accumulators, as BLOCK rows of BLOCK/4 vec4s, unrolled: WGSL arrays indexed in loops may spill. */
function declareSums(type: string): string {
  const lines: string[] = [];
  for (let row = 0; row < BLOCK; row++) {
    for (let vector = 0; vector < VECTORS_PER_ROW; vector++)
      lines.push(`  var sum_${row}_${vector} = vec4<${type}>();`);
  }
  return lines.join('\n');
}

function innerProducts(): string {
  const lines: string[] = [];
  for (let vector = 0; vector < VECTORS_PER_ROW; vector++) {
    lines.push(`      let a_${vector} = a_tile[inner * 16u + local.y * ${VECTORS_PER_ROW}u + ${vector}u];`);
    lines.push(`      let b_${vector} = b_tile[inner * 16u + local.x * ${VECTORS_PER_ROW}u + ${vector}u];`);
  }
  for (let row = 0; row < BLOCK; row++) {
    const a = `a_${Math.floor(row / 4)}[${row % 4}]`;
    for (let vector = 0; vector < VECTORS_PER_ROW; vector++)
      lines.push(`      sum_${row}_${vector} += ${a} * b_${vector};`);
  }
  return lines.join('\n');
}

/**
 * Stores the block through one loop, so the epilogue (bias broadcast and activation) has a single call site:
 * unrolled 64 times it would multiply the driver's shader compile time.
 */
function storeSums(type: string): string {
  const sums: string[] = [];
  for (let row = 0; row < BLOCK; row++) {
    for (let vector = 0; vector < VECTORS_PER_ROW; vector++) sums.push(`sum_${row}_${vector}`);
  }
  return `  let sums = array<vec4<${type}>, ${sums.length}>(${sums.join(', ')});
  for (var row = 0u; row < ${BLOCK}u; row++) {
    let output_row = row_start + local.y * ${BLOCK}u + row;
    for (var column = 0u; column < ${BLOCK}u; column++) {
      let output_column = column_start + local.x * ${BLOCK}u + column;
      if (output_row < m && output_column < n) {
        let position = batch * m * n + output_row * n + output_column;
        out[position] = epilogue(sums[row * ${VECTORS_PER_ROW}u + column / 4u][column % 4u], position, 8u + 2u * batches);
      }
    }
  }`;
}

/** The bias and activation applied to each result; the identity for plain matmul. */
function epilogueFunction(type: 'f32' | 'i32', activation: Activation | null): string {
  const signature = `fn epilogue(product: ${type}, flat: u32, bias_at: u32) -> ${type}`;
  if (activation === null) return `${signature} { return product; }`;
  const rank = 'params[bias_at]';
  const load = `bias_values[strided_offset(flat, ${rank}, bias_at + 1u, bias_at + 1u + ${rank})]`;
  const float = type === 'f32';
  const activated: Record<Activation, string> = {
    linear: 'v',
    relu: float ? 'select(0.0, v, v > 0.0 || is_nan(v))' : 'max(v, 0)',
    // int32 outputs truncate the float64 result like the CPU backend: it reaches ±1 exactly only from 37 (sigmoid)
    // and ±20 (tanh) on, and is 0 below.
    sigmoid: float ? 'sigmoid_of(v)' : 'select(0, 1, v >= 37)',
    tanh: float ? 'tanh_of(v)' : 'select(0, sign(v), v >= 20 || v <= -20)',
  };
  return `${signature} {\n  let v = product + ${load};\n  return ${activated[activation]};\n}`;
}

/** Element offsets of each output batch's matrix in an operand whose batch dimensions broadcast to batchShape. */
function batchOffsets(operand: TensorInfo, batchShape: readonly number[], matrixSize: number): number[] {
  const strides = broadcastStrides(operand.shape.slice(0, -2), batchShape);
  const offsets: number[] = [];
  const count = sizeOf(batchShape);
  for (let batch = 0; batch < count; batch++) {
    let remaining = batch;
    let offset = 0;
    for (let axis = batchShape.length - 1; axis >= 0; axis--) {
      offset += (remaining % batchShape[axis]) * strides[axis];
      remaining = Math.floor(remaining / batchShape[axis]);
    }
    offsets.push(offset * matrixSize);
  }
  return offsets;
}

export function dispatchMatmul(
  environment: KernelEnvironment,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
  epilogue: { bias: TensorInfo; activation: Activation } | null = null,
): { info: TensorInfo; buffer: GPUBuffer } {
  const { storage } = environment;
  const aRank = a.shape.length;
  const bRank = b.shape.length;
  const m = transposeA ? a.shape[aRank - 1] : a.shape[aRank - 2];
  const k = transposeA ? a.shape[aRank - 2] : a.shape[aRank - 1];
  const n = transposeB ? b.shape[bRank - 2] : b.shape[bRank - 1];
  const batchShape = broadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const batches = sizeOf(batchShape);
  const output = storage.allocate([...batchShape, m, n], a.dtype);
  if (output.length === 0) return output;
  if (batches > MAX_BATCHES) {
    throw new RangeError(`matmul: webgpu supports at most ${MAX_BATCHES} batched matrices, got ${batches}`);
  }
  const type = wgslType(a.dtype);
  const outputShape = output.info.shape;
  const epilogueMeta =
    epilogue === null
      ? []
      : [outputShape.length, ...outputShape, ...broadcastStrides(epilogue.bias.shape, outputShape)];
  const activation = epilogue?.activation ?? null;
  environment.context().dispatch({
    key: `matmul:${type}:${activation ?? 'none'}`,
    source: () => matmulShader(type, activation),
    inputs: [storage.bufferOf(a), storage.bufferOf(b), ...(epilogue === null ? [] : [storage.bufferOf(epilogue.bias)])],
    output: output.buffer,
    meta: [
      m,
      n,
      k,
      batches,
      transposeA ? 1 : k,
      transposeA ? m : 1,
      transposeB ? 1 : n,
      transposeB ? k : 1,
      ...batchOffsets(a, batchShape, m * k),
      ...batchOffsets(b, batchShape, k * n),
      ...epilogueMeta,
    ],
    workgroups: [Math.ceil(n / TILE), Math.ceil(m / TILE), batches],
  });
  return output;
}

/**
 * A single (unbatched) m×n product whose A operand is read by a custom `load_a` body; its geometry goes in
 * params from index 10 on (after m, n, k, batches, the four strides and the two batch offsets).
 */
export function dispatchTiledProduct(
  environment: KernelEnvironment,
  request: {
    key: string;
    loadA: string;
    /** Replaces the strided read of B when B is not a plain matrix. */
    loadB?: string;
    a: TensorInfo;
    b: TensorInfo;
    bStrides: [inner: number, column: number];
    outputShape: readonly number[];
    m: number;
    n: number;
    k: number;
    geometry: readonly number[];
  },
): TensorInfo {
  const { storage } = environment;
  const output = storage.allocate(request.outputShape, 'float32');
  if (output.length === 0) return output.info;
  const { m, n, k } = request;
  environment.context().dispatch({
    key: request.key,
    source: () => matmulShader('f32', null, { loadA: request.loadA, loadB: request.loadB }),
    inputs: [storage.bufferOf(request.a), storage.bufferOf(request.b)],
    output: output.buffer,
    meta: [m, n, k, 1, 0, 0, ...request.bStrides, 0, 0, ...request.geometry],
    workgroups: [Math.ceil(n / TILE), Math.ceil(m / TILE), 1],
  });
  return output.info;
}

export function createMatmulKernel(environment: KernelEnvironment): KernelFunction<'matmul'> {
  return ({ a, b }, { transposeA, transposeB }) => dispatchMatmul(environment, a, b, transposeA, transposeB).info;
}

/** matmul + bias + activation in one dispatch: the epilogue runs on each result while it is still in a register. */
export function createFusedMatmulKernel(environment: KernelEnvironment): KernelFunction<'fusedMatmul'> {
  return ({ a, b, bias }, { transposeA, transposeB, activation }) =>
    dispatchMatmul(environment, a, b, transposeA, transposeB, { bias, activation }).info;
}
