import type { KernelFunction } from '../../../backend/backend-definition';
import type { LogicalOp } from '../../../backend/kernel-specs';
import { broadcastShapes } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { type BinaryBlockLoop, runBinaryLoop } from './binary-block';

// Any non-zero byte counts as true, so a bool buffer written by other means still gives 0/1 results. Bitwise and
// `+(boolean)` instead of && / || / `? 1 : 0` keep the loops free of unpredictable branches.

const logicalAnd: BinaryBlockLoop<Uint8Array> = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = +(a[aIndex] !== 0) & +(b[bIndex] !== 0);
    }
  }
};

const logicalOr: BinaryBlockLoop<Uint8Array> = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = +((a[aIndex] | b[bIndex]) !== 0);
    }
  }
};

const LOGICAL_LOOPS: Readonly<Record<LogicalOp, BinaryBlockLoop<Uint8Array>>> = { and: logicalAnd, or: logicalOr };

/** Element-wise and/or of two bool tensors with broadcasting. */
export function createLogicalKernel(storage: CpuStorage): KernelFunction<'logical'> {
  return ({ a, b }, { op }) => {
    const outputShape = broadcastShapes(a.shape, b.shape, op);
    const output = storage.allocate(outputShape, 'bool');
    runBinaryLoop(
      LOGICAL_LOOPS[op],
      output.values,
      storage.values(a),
      a.shape,
      storage.values(b),
      b.shape,
      outputShape,
    );
    return output.info;
  };
}
