import { type DType, tensor } from '@tessera/core';
import type { Backend, DataId, KernelName, TensorInfo } from '@tessera/core/backend';
import type { ReadResult } from './compare-values';

export interface DirectInput {
  values: number[];
  shape: number[];
  dtype: DType;
}

/** The typed array a dtype is stored in, built through core so the conversion matches `tensor()`. */
function typedValues(input: DirectInput) {
  const staged = tensor(input.values, input.shape, input.dtype);
  try {
    return staged.dataSync();
  } finally {
    staged.dispose();
  }
}

/**
 * Calls one kernel of a backend on its own storage, bypassing core's ops: for kernels that no public op reaches
 * (fusedMatmul) and for exact stream checks (randomBits). Frees every buffer it made.
 */
export async function runKernelDirectly(
  backend: Backend,
  kernelName: KernelName,
  inputs: Record<string, DirectInput | DirectInput[]>,
  attributes: object,
): Promise<ReadResult> {
  const [first] = await runKernelDirectlyOutputs(backend, kernelName, inputs, attributes);
  return first;
}

/** runKernelDirectly for kernels with several outputs (the fused optimizer updates): every output, in order. */
export async function runKernelDirectlyOutputs(
  backend: Backend,
  kernelName: KernelName,
  inputs: Record<string, DirectInput | DirectInput[]>,
  attributes: object,
): Promise<ReadResult[]> {
  const written: DataId[] = [];
  const infos: Record<string, TensorInfo | TensorInfo[]> = {};
  const write = (input: DirectInput): TensorInfo => {
    const dataId = backend.storage.write(typedValues(input), input.dtype);
    written.push(dataId);
    return { dataId, shape: input.shape, dtype: input.dtype };
  };
  try {
    // An array input (concat's tensors, elementwiseChain's operands) is a list of tensors.
    for (const [inputName, input] of Object.entries(inputs)) {
      infos[inputName] = Array.isArray(input) ? input.map(write) : write(input);
    }
    const kernel = (backend.kernels as Record<string, unknown>)[kernelName] as (
      inputs: unknown,
      attributes: unknown,
    ) => TensorInfo | TensorInfo[];
    const produced = kernel(infos, attributes);
    const outputs = Array.isArray(produced) ? produced : [produced];
    const results: ReadResult[] = [];
    for (const output of outputs) {
      const values = Array.from(await backend.storage.read(output.dataId));
      results.push({ shape: [...output.shape], dtype: output.dtype, values });
    }
    for (const output of outputs) if (!written.includes(output.dataId)) backend.storage.dispose(output.dataId);
    return results;
  } finally {
    for (const dataId of written) backend.storage.dispose(dataId);
  }
}
