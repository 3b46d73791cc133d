import type { KernelFunction } from '../../../backend/backend-definition';
import { stridesFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { contiguousRun } from './contiguous-run';
import { copyRun } from './copy-run';
import { forEachOffsetPair } from './offset-odometer';

/** Copies the box `begin`..`begin + size` out of `x`, as runs as long as the layout allows. */
export function createSliceKernel(storage: CpuStorage): KernelFunction<'slice'> {
  return ({ x }, { begin, size }) => {
    const output = storage.allocate(size, x.dtype);
    if (output.values.length === 0) return output.info;
    const input = storage.values(x);
    const inputStrides = stridesFromShape(x.shape);
    let start = 0;
    for (let axis = 0; axis < begin.length; axis++) start += begin[axis] * inputStrides[axis];
    const [runAxis, runLength] = contiguousRun(size, x.shape);
    const outerShape = size.slice(0, runAxis);
    const outputStrides = stridesFromShape(size).slice(0, runAxis);
    forEachOffsetPair(outerShape, outputStrides, inputStrides.slice(0, runAxis), (outputOffset, inputOffset) => {
      copyRun(output.values, outputOffset, input, start + inputOffset, runLength);
    });
    return output.info;
  };
}
