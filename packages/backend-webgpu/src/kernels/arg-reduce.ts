import type { KernelFunction } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, elementwiseMain, sizeOf, WGSL_COMMON, wgslType } from '../wgsl-helpers';

/**
 * Index of the first extreme value along the axis, x viewed as [outer, axisSize, inner]; only a strictly better
 * value or the first NaN replaces the best, so ties keep the first index and NaN counts as the extreme (the CPU
 * backend's rule). meta: [outputs, axisSize, inner].
 */
function argReduceShader(op: 'argMax' | 'argMin', type: 'f32' | 'i32'): string {
  const comparison = op === 'argMax' ? '>' : '<';
  const beats =
    type === 'f32' ? `value ${comparison} best || (is_nan(value) && !is_nan(best))` : `value ${comparison} best`;
  return `${bindings([['x_values', type]], 'i32')}
${WGSL_COMMON}
${elementwiseMain(`  let axis_size = params[1];
  let inner = params[2];
  let base = (index / inner) * axis_size * inner + index % inner;
  var best = x_values[base];
  var best_position = 0;
  for (var position = 1u; position < axis_size; position++) {
    let value = x_values[base + position * inner];
    if (${beats}) {
      best = value;
      best_position = i32(position);
    }
  }
  out[index] = best_position;`)}`;
}

export function createArgReduceKernel(environment: KernelEnvironment): KernelFunction<'argReduce'> {
  return ({ x }, { op, axis }) => {
    const { storage } = environment;
    const output = storage.allocate(
      x.shape.filter((_, index) => index !== axis),
      'int32',
    );
    if (output.length === 0) return output.info;
    const type = wgslType(x.dtype);
    environment.context().dispatch({
      key: `argReduce:${op}:${type}`,
      source: () => argReduceShader(op, type),
      inputs: [storage.bufferOf(x)],
      output: output.buffer,
      meta: [output.length, x.shape[axis], sizeOf(x.shape.slice(axis + 1))],
      workgroups: workgroupsFor(output.length),
    });
    return output.info;
  };
}
