import type { KernelFunction } from '../../../backend/backend-definition';
import type { CompareOp } from '../../../backend/kernel-specs';
import { broadcastShapes } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { type BinaryBlockLoop, runBinaryLoop } from './binary-block';

// Any comparison with NaN is false except notEqual, as in IEEE 754, NumPy and tfjs. `+(boolean)` compiles to a
// branch-free set instruction, several times faster than `? 1 : 0` on unpredictable data.

const equal: BinaryBlockLoop<Uint8Array> = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = +(a[aIndex] === b[bIndex]);
    }
  }
};

const notEqual: BinaryBlockLoop<Uint8Array> = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = +(a[aIndex] !== b[bIndex]);
    }
  }
};

const less: BinaryBlockLoop<Uint8Array> = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = +(a[aIndex] < b[bIndex]);
    }
  }
};

const lessEqual: BinaryBlockLoop<Uint8Array> = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = +(a[aIndex] <= b[bIndex]);
    }
  }
};

const greater: BinaryBlockLoop<Uint8Array> = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = +(a[aIndex] > b[bIndex]);
    }
  }
};

const greaterEqual: BinaryBlockLoop<Uint8Array> = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = +(a[aIndex] >= b[bIndex]);
    }
  }
};

const COMPARE_LOOPS: Readonly<Record<CompareOp, BinaryBlockLoop<Uint8Array>>> = {
  equal,
  notEqual,
  less,
  lessEqual,
  greater,
  greaterEqual,
};

/** Element-wise comparison with broadcasting of two same-dtype tensors; bool output (0 or 1). */
export function createCompareKernel(storage: CpuStorage): KernelFunction<'compare'> {
  return ({ a, b }, { op }) => {
    const outputShape = broadcastShapes(a.shape, b.shape, op);
    const output = storage.allocate(outputShape, 'bool');
    runBinaryLoop(
      COMPARE_LOOPS[op],
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
