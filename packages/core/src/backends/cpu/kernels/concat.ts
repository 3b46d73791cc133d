import type { KernelFunction } from '../../../backend/backend-definition';
import { sizeFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { copyRun } from './copy-run';

/**
 * Joins same-dtype tensors along `axis`. Seen as [outer, rest] matrices split at `axis`, each output row is the
 * inputs' rows one after the other, so the copy is one contiguous run per input per outer row.
 */
export function createConcatKernel(storage: CpuStorage): KernelFunction<'concat'> {
  return ({ tensors }, { axis }) => {
    const first = tensors[0];
    const outputShape = [...first.shape];
    outputShape[axis] = tensors.reduce((total, tensor) => total + tensor.shape[axis], 0);
    const output = storage.allocate(outputShape, first.dtype);
    if (output.values.length === 0) return output.info;
    const outer = sizeFromShape(first.shape.slice(0, axis));
    const outputRowLength = output.values.length / outer;
    let columnOffset = 0;
    for (const tensor of tensors) {
      const input = storage.values(tensor);
      const rowLength = sizeFromShape(tensor.shape.slice(axis));
      if (rowLength === 0) continue;
      for (let row = 0; row < outer; row++) {
        copyRun(output.values, row * outputRowLength + columnOffset, input, row * rowLength, rowLength);
      }
      columnOffset += rowLength;
    }
    return output.info;
  };
}
