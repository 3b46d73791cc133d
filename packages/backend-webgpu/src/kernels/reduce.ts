import type { KernelFunction, ReduceOp } from '@tessera/core/backend';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, stridesOf, WGSL_COMMON, wgslType } from '../wgsl-helpers';

const THREADS = 64;

interface Reduction {
  identity: string;
  combine: string;
}

/** How each op folds two values `a` and `b`; max/min let NaN win, as on the CPU backend. */
function reductionFor(op: ReduceOp, type: 'f32' | 'i32'): Reduction {
  const float = type === 'f32';
  switch (op) {
    case 'sum':
      return { identity: float ? '0.0' : '0', combine: 'a + b' };
    case 'prod':
      return { identity: float ? '1.0' : '1', combine: 'a * b' };
    case 'max':
      return float
        ? { identity: 'make_inf(true)', combine: 'select(a, b, b > a || is_nan(b))' }
        : { identity: 'i32(-2147483647 - 1)', combine: 'max(a, b)' };
    case 'min':
      return float
        ? { identity: 'make_inf(false)', combine: 'select(a, b, b < a || is_nan(b))' }
        : { identity: '2147483647', combine: 'min(a, b)' };
    case 'any':
      return { identity: '0', combine: 'max(a, b)' };
    case 'all':
      return { identity: '1', combine: 'min(a, b)' };
  }
}

/**
 * One workgroup per output element: its 64 invocations stride over the reduced elements (any axes, no transpose:
 * offsets come from the kept and reduced axes' own strides), then fold their partial results in workgroup memory.
 * meta: [outputs, reducedCount, keptRank, reducedRank, keptShape..., keptStrides..., reducedShape..., reducedStrides...].
 */
function reduceShader(op: ReduceOp, inputType: 'f32' | 'i32'): string {
  const boolean = op === 'any' || op === 'all';
  const accumulator = boolean ? 'i32' : inputType;
  const { identity, combine } = reductionFor(op, accumulator);
  const load = boolean ? (inputType === 'f32' ? 'i32(v != 0.0 || is_nan(v))' : 'i32(v != 0)') : 'v';
  return `${bindings([['x_values', inputType]], accumulator)}
${WGSL_COMMON}
fn combine(a: ${accumulator}, b: ${accumulator}) -> ${accumulator} { return ${combine}; }
var<workgroup> partials: array<${accumulator}, ${THREADS}>;

@compute @workgroup_size(${THREADS})
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_index) local: u32) {
  let output = group.x + group.y * groups.x;
  let kept_rank = params[2];
  let reduced_rank = params[3];
  let kept_at = 4u;
  let reduced_at = 4u + 2u * kept_rank;
  var total: ${accumulator} = ${identity};
  if (output < params[0]) {
    let base = strided_offset(output, kept_rank, kept_at, kept_at + kept_rank);
    for (var position = local; position < params[1]; position += ${THREADS}u) {
      let v = x_values[base + strided_offset(position, reduced_rank, reduced_at, reduced_at + reduced_rank)];
      total = combine(total, ${load});
    }
  }
  partials[local] = total;
  workgroupBarrier();
  for (var width = ${THREADS / 2}u; width > 0u; width = width / 2u) {
    if (local < width) { partials[local] = combine(partials[local], partials[local + width]); }
    workgroupBarrier();
  }
  if (local == 0u && output < params[0]) { out[output] = partials[0]; }
}`;
}

export function createReduceKernel(environment: KernelEnvironment): KernelFunction<'reduce'> {
  return ({ x }, { op, axes }) => {
    const { storage } = environment;
    const keptAxes = x.shape.map((_, axis) => axis).filter((axis) => !axes.includes(axis));
    const outputShape = keptAxes.map((axis) => x.shape[axis]);
    const output = storage.allocate(outputShape, op === 'any' || op === 'all' ? 'bool' : x.dtype);
    if (output.length === 0) return output.info;
    const strides = stridesOf(x.shape);
    const reducedCount = axes.reduce((product, axis) => product * x.shape[axis], 1);
    const inputType = wgslType(x.dtype);
    environment.context().dispatch({
      key: `reduce:${op}:${inputType}`,
      source: () => reduceShader(op, inputType),
      inputs: [storage.bufferOf(x)],
      output: output.buffer,
      meta: [
        output.length,
        reducedCount,
        keptAxes.length,
        axes.length,
        ...outputShape,
        ...keptAxes.map((axis) => strides[axis]),
        ...axes.map((axis) => x.shape[axis]),
        ...axes.map((axis) => strides[axis]),
      ],
      workgroups: output.length,
    });
    return output.info;
  };
}
