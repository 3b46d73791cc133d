import type { KernelFunction, TensorInfo } from '@tessera/core/backend';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, sizeOf, WGSL_COMMON } from '../wgsl-helpers';

const THREADS = 64;

/**
 * Numerically stable softmax and log-softmax along any axis, one workgroup per row (the tensor viewed as
 * [outer, axisSize, inner]): the row's maximum and Σ exp(x - max) are reduced in workgroup memory, then every
 * element is written as exp(x - max) / Σ or x - max - log Σ. meta: [rows, axisSize, inner].
 */
function softmaxShader(logarithm: boolean): string {
  const result = logarithm ? 'x - maximum - log(total)' : 'exp(x - maximum) / total';
  return `${bindings([['x_values', 'f32']], 'f32')}
${WGSL_COMMON}
var<workgroup> partials: array<f32, ${THREADS}>;

fn element_offset(row: u32, position: u32) -> u32 {
  let inner = params[2];
  return ((row / inner) * params[1] + position) * inner + row % inner;
}

@compute @workgroup_size(${THREADS})
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_index) local: u32) {
  let row = group.x + group.y * groups.x;
  let valid = row < params[0];
  let axis_size = params[1];
  var best = make_inf(true);
  if (valid) {
    for (var position = local; position < axis_size; position += ${THREADS}u) {
      let x = x_values[element_offset(row, position)];
      if (x > best || is_nan(x)) { best = x; }
    }
  }
  partials[local] = best;
  workgroupBarrier();
  for (var width = ${THREADS / 2}u; width > 0u; width = width / 2u) {
    if (local < width) {
      let other = partials[local + width];
      if (other > partials[local] || is_nan(other)) { partials[local] = other; }
    }
    workgroupBarrier();
  }
  let maximum = partials[0];
  workgroupBarrier();
  var sum = 0.0;
  if (valid) {
    for (var position = local; position < axis_size; position += ${THREADS}u) {
      sum += exp(x_values[element_offset(row, position)] - maximum);
    }
  }
  partials[local] = sum;
  workgroupBarrier();
  for (var width = ${THREADS / 2}u; width > 0u; width = width / 2u) {
    if (local < width) { partials[local] += partials[local + width]; }
    workgroupBarrier();
  }
  let total = partials[0];
  if (valid) {
    for (var position = local; position < axis_size; position += ${THREADS}u) {
      let offset = element_offset(row, position);
      let x = x_values[offset];
      out[offset] = ${result};
    }
  }
}`;
}

function dispatchSoftmax(
  environment: KernelEnvironment,
  logits: TensorInfo,
  axis: number,
  logarithm: boolean,
): TensorInfo {
  const { storage } = environment;
  const output = storage.allocate(logits.shape, 'float32');
  if (output.length === 0) return output.info;
  const axisSize = logits.shape[axis];
  const inner = sizeOf(logits.shape.slice(axis + 1));
  const rows = output.length / axisSize;
  environment.context().dispatch({
    key: logarithm ? 'logSoftmax' : 'softmax',
    source: () => softmaxShader(logarithm),
    inputs: [storage.bufferOf(logits)],
    output: output.buffer,
    meta: [rows, axisSize, inner],
    workgroups: rows,
  });
  return output.info;
}

export function createSoftmaxKernel(environment: KernelEnvironment): KernelFunction<'softmax'> {
  return ({ logits }, { axis }) => dispatchSoftmax(environment, logits, axis, false);
}

export function createLogSoftmaxKernel(environment: KernelEnvironment): KernelFunction<'logSoftmax'> {
  return ({ logits }, { axis }) => dispatchSoftmax(environment, logits, axis, true);
}
