import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import { broadcastShapes, sizeFromShape, stridesFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { gemm } from './gemm';

/** The matrix dimensions of one matmul after the transpose flags are applied. */
export interface MatmulGeometry {
  m: number;
  n: number;
  k: number;
  batchShape: number[];
  /** For each output batch index, the element offset of its matrix in a and in b. */
  aOffsets: Int32Array;
  bOffsets: Int32Array;
}

export function matmulGeometry(a: TensorInfo, b: TensorInfo, transposeA: boolean, transposeB: boolean): MatmulGeometry {
  const aRank = a.shape.length;
  const bRank = b.shape.length;
  const m = transposeA ? a.shape[aRank - 1] : a.shape[aRank - 2];
  const k = transposeA ? a.shape[aRank - 2] : a.shape[aRank - 1];
  const n = transposeB ? b.shape[bRank - 2] : b.shape[bRank - 1];
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  const batchShape = broadcastShapes(aBatch, bBatch, 'matmul');
  const batchCount = sizeFromShape(batchShape);
  const aOffsets = batchOffsets(aBatch, batchShape, m * k, batchCount);
  const bOffsets = batchOffsets(bBatch, batchShape, k * n, batchCount);
  return { m, n, k, batchShape, aOffsets, bOffsets };
}

/** Element offsets of each broadcast batch's matrix within an operand whose own batch shape is `operandBatch`. */
function batchOffsets(operandBatch: number[], batchShape: number[], matrixSize: number, batchCount: number): Int32Array {
  const offsets = new Int32Array(batchCount);
  const rank = batchShape.length;
  const operandStrides = stridesFromShape(operandBatch);
  const outputStrides = stridesFromShape(batchShape);
  for (let batch = 0; batch < batchCount; batch++) {
    let remainder = batch;
    let operandIndex = 0;
    for (let axis = 0; axis < rank; axis++) {
      const coordinate = Math.floor(remainder / outputStrides[axis]);
      remainder -= coordinate * outputStrides[axis];
      const operandAxis = axis - (rank - operandBatch.length);
      // A size-1 (or missing) operand axis broadcasts: its coordinate stays 0.
      if (operandAxis >= 0 && operandBatch[operandAxis] !== 1) operandIndex += coordinate * operandStrides[operandAxis];
    }
    offsets[batch] = operandIndex * matrixSize;
  }
  return offsets;
}

/** Exact int32 products with two's-complement wrap-around, as int32 arithmetic does elsewhere. */
function integerMatmul(
  a: Int32Array, aOffset: number, b: Int32Array, bOffset: number, out: Int32Array, outOffset: number,
  m: number, n: number, k: number, transposeA: boolean, transposeB: boolean,
): void {
  const aRowStride = transposeA ? 1 : k;
  const aInnerStride = transposeA ? m : 1;
  const bInnerStride = transposeB ? 1 : n;
  const bColumnStride = transposeB ? k : 1;
  for (let row = 0; row < m; row++) {
    for (let column = 0; column < n; column++) {
      let sum = 0;
      let aIndex = aOffset + row * aRowStride;
      let bIndex = bOffset + column * bColumnStride;
      for (let inner = 0; inner < k; inner++) {
        sum = (sum + Math.imul(a[aIndex], b[bIndex])) | 0;
        aIndex += aInnerStride;
        bIndex += bInnerStride;
      }
      out[outOffset + row * n + column] = sum;
    }
  }
}

export function createMatmulKernel(storage: CpuStorage): KernelFunction<'matmul'> {
  return ({ a, b }, { transposeA, transposeB }) => {
    const { m, n, k, batchShape, aOffsets, bOffsets } = matmulGeometry(a, b, transposeA, transposeB);
    const outputShape = [...batchShape, m, n];
    const matrixSize = m * n;
    if (a.dtype === 'int32') {
      const output = storage.allocate(outputShape, 'int32');
      const aValues = storage.values(a as TensorInfo & { dtype: 'int32' });
      const bValues = storage.values(b as TensorInfo & { dtype: 'int32' });
      for (let batch = 0; batch < aOffsets.length; batch++) {
        integerMatmul(aValues, aOffsets[batch], bValues, bOffsets[batch], output.values, batch * matrixSize,
          m, n, k, transposeA, transposeB);
      }
      return output.info;
    }
    const output = storage.allocate(outputShape, 'float32');
    const aValues = storage.values(a as TensorInfo & { dtype: 'float32' });
    const bValues = storage.values(b as TensorInfo & { dtype: 'float32' });
    for (let batch = 0; batch < aOffsets.length; batch++) {
      gemm(aValues, aOffsets[batch], bValues, bOffsets[batch], output.values, batch * matrixSize,
        m, n, k, transposeA, transposeB);
    }
    return output.info;
  };
}
