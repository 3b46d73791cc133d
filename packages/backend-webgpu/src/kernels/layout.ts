import type { DType, KernelFunction, TensorInfo } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import {
  bindings,
  broadcastStrides,
  elementwiseMain,
  floatBits,
  stridesOf,
  WGSL_COMMON,
  wgslType,
} from '../wgsl-helpers';

/**
 * out[index] = x[base + Σ coordinate(index, axis) * strides[axis]]: one shader for every re-indexing copy (transpose
 * permutes the input strides, slice starts at the offset of `begin`). meta: [size, rank, base, shape..., strides...].
 */
function stridedCopy(
  environment: KernelEnvironment,
  x: TensorInfo,
  outputShape: readonly number[],
  base: number,
  strides: readonly number[],
): TensorInfo {
  const { storage } = environment;
  const output = storage.allocate(outputShape, x.dtype);
  if (output.length === 0) return output.info;
  const type = wgslType(x.dtype);
  environment.context().dispatch({
    key: `stridedCopy:${type}`,
    source: () => `${bindings([['x_values', type]], type)}
${WGSL_COMMON}
${elementwiseMain('  out[index] = x_values[params[2] + strided_offset(index, params[1], 3u, 3u + params[1])];')}`,
    inputs: [storage.bufferOf(x)],
    output: output.buffer,
    meta: [output.length, outputShape.length, base, ...outputShape, ...strides],
    workgroups: workgroupsFor(output.length),
  });
  return output.info;
}

export function createTransposeKernel(environment: KernelEnvironment): KernelFunction<'transpose'> {
  return ({ x }, { perm }) => {
    const inputStrides = stridesOf(x.shape);
    return stridedCopy(
      environment,
      x,
      perm.map((axis) => x.shape[axis]),
      0,
      perm.map((axis) => inputStrides[axis]),
    );
  };
}

export function createSliceKernel(environment: KernelEnvironment): KernelFunction<'slice'> {
  return ({ x }, { begin, size }) => {
    const strides = stridesOf(x.shape);
    const base = begin.reduce((offset, start, axis) => offset + start * strides[axis], 0);
    return stridedCopy(environment, x, size, base, strides);
  };
}

/** Broadcasting is a strided copy whose strides are 0 along the broadcast axes. */
export function createBroadcastToKernel(environment: KernelEnvironment): KernelFunction<'broadcastTo'> {
  return ({ x }, { shape }) => stridedCopy(environment, x, shape, 0, broadcastStrides(x.shape, shape));
}

/** Row-major data is the same in any shape: the output shares the input's buffer (core counts references). */
export function createReshapeKernel(_environment: KernelEnvironment): KernelFunction<'reshape'> {
  return ({ x }, { shape }) => ({ dataId: x.dataId, shape: [...shape], dtype: x.dtype });
}

/** The bits of a fill value in a dtype, converted as the CPU backend converts (int32: ToInt32, bool: !== 0). */
export function valueBits(value: number, dtype: DType): number {
  if (dtype === 'float32') return floatBits(value);
  if (dtype === 'int32') return value | 0;
  return value !== 0 ? 1 : 0;
}

const PAD_BODY = /* wgsl */ `
  let rank = params[1];
  var remaining = index;
  var offset = 0u;
  var stride = 1u;
  var inside = true;
  for (var axis = i32(rank) - 1; axis >= 0; axis--) {
    let position = remaining % params[3u + u32(axis)];
    remaining = remaining / params[3u + u32(axis)];
    let before = params[3u + 2u * rank + u32(axis)];
    let extent = params[3u + rank + u32(axis)];
    if (position < before || position >= before + extent) { inside = false; }
    offset += (position - before) * stride;
    stride *= extent;
  }
  if (inside) { out[index] = bitcast<u32>(x_values[offset]); } else { out[index] = params[2]; }`;

/** meta: [size, rank, fillBits, outputShape..., inputShape..., paddingBefore...]. */
export function createPadKernel(environment: KernelEnvironment): KernelFunction<'pad'> {
  return ({ x }, { paddings, value }) => {
    const { storage } = environment;
    const outputShape = x.shape.map((dimension, axis) => paddings[axis][0] + dimension + paddings[axis][1]);
    const output = storage.allocate(outputShape, x.dtype);
    if (output.length === 0) return output.info;
    const type = wgslType(x.dtype);
    environment.context().dispatch({
      key: `pad:${type}`,
      source: () => `${bindings([['x_values', type]], 'u32')}\n${elementwiseMain(PAD_BODY)}`,
      inputs: [storage.bufferOf(x)],
      output: output.buffer,
      meta: [
        output.length,
        x.shape.length,
        valueBits(value, x.dtype),
        ...outputShape,
        ...x.shape,
        ...paddings.map(([before]) => before),
      ],
      workgroups: workgroupsFor(output.length),
    });
    return output.info;
  };
}

/**
 * One dispatch per input, each writing its own columns of the output viewed as [outer, outputRow]: WebGPU orders
 * the dispatches, and they touch disjoint elements. meta: [size, inputRow, outputRow, columnOffset].
 */
export function createConcatKernel(environment: KernelEnvironment): KernelFunction<'concat'> {
  return ({ tensors }, { axis }) => {
    const { storage } = environment;
    const outputShape = [...tensors[0].shape];
    outputShape[axis] = tensors.reduce((total, tensor) => total + tensor.shape[axis], 0);
    const output = storage.allocate(outputShape, tensors[0].dtype);
    if (output.length === 0) return output.info;
    const inner = outputShape.slice(axis + 1).reduce((product, dimension) => product * dimension, 1);
    const outputRow = outputShape[axis] * inner;
    let columnOffset = 0;
    for (const tensor of tensors) {
      const inputRow = tensor.shape[axis] * inner;
      const size = tensor.shape.reduce((product, dimension) => product * dimension, 1);
      if (size > 0) {
        environment.context().dispatch({
          key: 'concat',
          source: () => `${bindings([['x_values', 'u32']], 'u32')}
${elementwiseMain('  out[(index / params[1]) * params[2] + params[3] + index % params[1]] = x_values[index];')}`,
          inputs: [storage.bufferOf(tensor)],
          output: output.buffer,
          meta: [size, inputRow, outputRow, columnOffset],
          workgroups: workgroupsFor(size),
        });
      }
      columnOffset += inputRow;
    }
    return output.info;
  };
}
