import type { DType } from '@tessera/core/backend';
import { WORKGROUP_SIZE } from './gpu-context';

/** The WGSL element type of a dtype's buffer: bool is stored as i32 0/1 (see webgpu-storage.ts). */
export function wgslType(dtype: DType): 'f32' | 'i32' {
  return dtype === 'float32' ? 'f32' : 'i32';
}

/**
 * Storage bindings in the context's convention: inputs read-only at 0..n-1, `out` read-write at n, `params` (the
 * kernel's shapes, strides and scalars as u32 words) read-only at n + 1.
 */
export function bindings(inputs: ReadonlyArray<readonly [string, 'f32' | 'i32' | 'u32']>, output: string): string {
  const lines = inputs.map(
    ([name, type], binding) => `@group(0) @binding(${binding}) var<storage, read> ${name}: array<${type}>;`,
  );
  lines.push(`@group(0) @binding(${inputs.length}) var<storage, read_write> out: array<${output}>;`);
  lines.push(`@group(0) @binding(${inputs.length + 1}) var<storage, read> params: array<u32>;`);
  return lines.join('\n');
}

/**
 * Helpers every shader may use. NaN and infinity are tested on the bits and built from runtime values, because
 * WGSL lets compilers assume finite floats in comparisons and forbids NaN in constant expressions.
 */
export const WGSL_COMMON = /* wgsl */ `
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn make_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn make_inf(negative: bool) -> f32 { var bits = 0x7f800000u; if (negative) { bits = 0xff800000u; } return bitcast<f32>(bits); }

/** The element offset in an input of the output element \`index\`, from shape and strides stored in meta. */
fn strided_offset(index: u32, rank: u32, shape_at: u32, strides_at: u32) -> u32 {
  var remaining = index;
  var offset = 0u;
  for (var axis = i32(rank) - 1; axis >= 0; axis--) {
    let dimension = params[shape_at + u32(axis)];
    offset += (remaining % dimension) * params[strides_at + u32(axis)];
    remaining = remaining / dimension;
  }
  return offset;
}
`;

/** The entry point of a one-invocation-per-element shader: `index` is the flat element index, params[0] the count. */
export function elementwiseMain(body: string): string {
  return /* wgsl */ `
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_index) local: u32) {
  let index = (group.x + group.y * groups.x) * ${WORKGROUP_SIZE}u + local;
  if (index >= params[0]) { return; }
${body}
}`;
}

/** Row-major strides of `shape`. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let axis = shape.length - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1] * shape[axis + 1];
  return strides;
}

/** Strides of `shape` read as the right-aligned, broadcast version of itself inside `outputShape` (0 on broadcast axes). */
export function broadcastStrides(shape: readonly number[], outputShape: readonly number[]): number[] {
  const own = stridesOf(shape);
  const offset = outputShape.length - shape.length;
  return outputShape.map((_, axis) => {
    const inputAxis = axis - offset;
    if (inputAxis < 0 || shape[inputAxis] === 1) return 0;
    return own[inputAxis];
  });
}

/** NumPy broadcasting of several shapes (the op layer has already checked that they are compatible). */
export function broadcastShape(...shapes: ReadonlyArray<readonly number[]>): number[] {
  const rank = Math.max(...shapes.map((shape) => shape.length));
  const result = new Array<number>(rank).fill(1);
  for (const shape of shapes) {
    const offset = rank - shape.length;
    shape.forEach((dimension, axis) => {
      if (dimension !== 1) result[offset + axis] = dimension;
    });
  }
  return result;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, dimension) => product * dimension, 1);
}

/** The 32 bits of a float32, for passing scalars through the u32 meta buffer. */
export function floatBits(value: number): number {
  return new Uint32Array(new Float32Array([value]).buffer)[0];
}
