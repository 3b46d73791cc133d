import type { KernelFunction } from '../../../backend/backend-definition';
import type { CompareOp } from '../../../backend/kernel-specs';
import type { TypedArray } from '../../../dtype';
import { broadcastShapes } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { type BinaryBlock, type BinaryBlockLoop, runBinaryLoop } from './binary-block';

// Any comparison with NaN is false except notEqual, as in IEEE 754, NumPy and tfjs.

function equal(out: Uint8Array, outputOffset: number, a: TypedArray, aOffset: number, b: TypedArray, bOffset: number, block: BinaryBlock): void {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] === b[bIndex] ? 1 : 0;
    }
  }
}

function notEqual(out: Uint8Array, outputOffset: number, a: TypedArray, aOffset: number, b: TypedArray, bOffset: number, block: BinaryBlock): void {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] !== b[bIndex] ? 1 : 0;
    }
  }
}

function less(out: Uint8Array, outputOffset: number, a: TypedArray, aOffset: number, b: TypedArray, bOffset: number, block: BinaryBlock): void {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] < b[bIndex] ? 1 : 0;
    }
  }
}

function lessEqual(out: Uint8Array, outputOffset: number, a: TypedArray, aOffset: number, b: TypedArray, bOffset: number, block: BinaryBlock): void {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] <= b[bIndex] ? 1 : 0;
    }
  }
}

function greater(out: Uint8Array, outputOffset: number, a: TypedArray, aOffset: number, b: TypedArray, bOffset: number, block: BinaryBlock): void {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] > b[bIndex] ? 1 : 0;
    }
  }
}

function greaterEqual(out: Uint8Array, outputOffset: number, a: TypedArray, aOffset: number, b: TypedArray, bOffset: number, block: BinaryBlock): void {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] >= b[bIndex] ? 1 : 0;
    }
  }
}

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
    runBinaryLoop(COMPARE_LOOPS[op], output.values, storage.values(a), a.shape, storage.values(b), b.shape, outputShape);
    return output.info;
  };
}
