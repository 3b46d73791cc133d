import type { KernelFunction } from '../../../backend/backend-definition';
import { stridesFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { contiguousRun } from './contiguous-run';
import { copyRun } from './copy-run';
import { forEachOffsetPair } from './offset-odometer';

/** Surrounds `x` with `value`: fills the output, then copies the input into its interior run by run. */
export function createPadKernel(storage: CpuStorage): KernelFunction<'pad'> {
  return ({ x }, { paddings, value }) => {
    const outputShape = x.shape.map((dimension, axis) => paddings[axis][0] + dimension + paddings[axis][1]);
    const output = storage.allocate(outputShape, x.dtype);
    const fillValue = x.dtype === 'bool' ? (value !== 0 ? 1 : 0) : value;
    if (!Object.is(fillValue, 0)) output.values.fill(fillValue);
    const input = storage.values(x);
    if (input.length === 0) return output.info;
    const outputStrides = stridesFromShape(outputShape);
    let start = 0;
    for (let axis = 0; axis < outputShape.length; axis++) start += paddings[axis][0] * outputStrides[axis];
    // The input is the region; it is contiguous in the output from where the inner axes are unpadded.
    const [runAxis, runLength] = contiguousRun(x.shape, outputShape);
    const inputStrides = stridesFromShape(x.shape).slice(0, runAxis);
    forEachOffsetPair(
      x.shape.slice(0, runAxis),
      inputStrides,
      outputStrides.slice(0, runAxis),
      (inputOffset, outputOffset) => {
        copyRun(output.values, start + outputOffset, input, inputOffset, runLength);
      },
    );
    return output.info;
  };
}
