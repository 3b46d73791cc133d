import type { DType, TensorInfo } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, broadcastShape, broadcastStrides, elementwiseMain, WGSL_COMMON, wgslType } from '../wgsl-helpers';

/**
 * Element-wise kernels over broadcast inputs (binary, compare, logical, where). The host computes each input's
 * strides inside the output shape (0 along broadcast axes) and passes them with the shape in meta:
 * [size, rank, outputShape..., strides of input 0..., strides of input 1..., ...]. The shader reads input k as
 * `value_k`, already loaded at the element's offset, and assigns `out[index]` from `expression`.
 */
export function dispatchBroadcast(
  environment: KernelEnvironment,
  request: {
    key: string;
    inputs: readonly TensorInfo[];
    outputDtype: DType;
    /** WGSL computing the output element from value_0, value_1, ... */
    expression: string;
    /** Extra WGSL functions the expression calls. */
    functions?: string;
  },
): TensorInfo {
  const { storage } = environment;
  const outputShape = broadcastShape(...request.inputs.map((input) => input.shape));
  const output = storage.allocate(outputShape, request.outputDtype);
  if (output.length === 0) return output.info;
  const rank = outputShape.length;
  const meta = [output.length, rank, ...outputShape];
  for (const input of request.inputs) meta.push(...broadcastStrides(input.shape, outputShape));
  const types = request.inputs.map((input) => wgslType(input.dtype));
  const loads = types
    .map((_, position) => {
      const stridesAt = 2 + rank * (position + 1);
      return `  let value_${position} = input_${position}[strided_offset(index, params[1], 2u, ${stridesAt}u)];`;
    })
    .join('\n');
  environment.context().dispatch({
    // The rank is in the key because the strides' position in meta, baked into the loads, depends on it.
    key: `${request.key}:${types.join(',')}:${rank}`,
    source: () => `${bindings(
      types.map((type, position) => [`input_${position}`, type] as const),
      wgslType(request.outputDtype),
    )}
${WGSL_COMMON}
${request.functions ?? ''}
${elementwiseMain(`${loads}\n  out[index] = ${request.expression};`)}`,
    inputs: request.inputs.map((input) => storage.bufferOf(input)),
    output: output.buffer,
    meta,
    workgroups: workgroupsFor(output.length),
  });
  return output.info;
}
