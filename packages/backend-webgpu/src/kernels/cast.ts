import type { DType, KernelFunction } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, elementwiseMain, WGSL_COMMON, wgslType } from '../wgsl-helpers';

/**
 * float32 → int32 as the CPU backend's Int32Array store: truncate toward zero, NaN and ±Infinity give 0, and values
 * outside the int32 range wrap modulo 2^32 (WGSL's own conversion would saturate). The wrap is exact: such floats
 * are integers, and subtracting a multiple of 2^32 from them loses no bits.
 */
const FLOAT_TO_INT = /* wgsl */ `
fn float_to_int(x: f32) -> i32 {
  if (is_nan(x) || is_inf(x)) { return 0; }
  let whole = trunc(x);
  if (whole >= -2147483648.0 && whole < 2147483648.0) { return i32(whole); }
  let wrapped = whole - 4294967296.0 * floor(whole / 4294967296.0);
  return bitcast<i32>(u32(wrapped));
}
`;

function castExpression(from: DType, to: DType): string {
  if (to === 'bool') return from === 'float32' ? 'i32(x != 0.0 || is_nan(x))' : 'i32(x != 0)';
  if (to === 'int32') return from === 'float32' ? 'float_to_int(x)' : 'x';
  return from === 'float32' ? 'x' : 'f32(x)';
}

/** Converts between dtypes with the CPU backend's rules: to bool is value !== 0 (NaN is true); from bool is 0/1. */
export function createCastKernel(environment: KernelEnvironment): KernelFunction<'cast'> {
  return ({ x }, { dtype }) => {
    const { storage } = environment;
    const output = storage.allocate(x.shape, dtype);
    if (output.length === 0) return output.info;
    environment.context().dispatch({
      key: `cast:${x.dtype}:${dtype}`,
      source: () => `${bindings([['x_values', wgslType(x.dtype)]], wgslType(dtype))}
${WGSL_COMMON}
${FLOAT_TO_INT}
${elementwiseMain(`  let x = x_values[index];\n  out[index] = ${castExpression(x.dtype, dtype)};`)}`,
      inputs: [storage.bufferOf(x)],
      output: output.buffer,
      meta: [output.length],
      workgroups: workgroupsFor(output.length),
    });
    return output.info;
  };
}
