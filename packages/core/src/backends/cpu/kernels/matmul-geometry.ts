import type { TensorInfo } from '../../../backend/kernel-specs';
import { broadcastShapes, sizeFromShape, stridesFromShape } from '../../../util/shape';

/** The matrix dimensions of one batched matmul after the transpose flags, and where each batch's matrices start. */
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
  return {
    m,
    n,
    k,
    batchShape,
    aOffsets: batchOffsets(aBatch, batchShape, m * k, batchCount),
    bOffsets: batchOffsets(bBatch, batchShape, k * n, batchCount),
  };
}

/** Element offsets of each broadcast batch's matrix within an operand whose own batch shape is `operandBatch`. */
function batchOffsets(
  operandBatch: number[],
  batchShape: number[],
  matrixSize: number,
  batchCount: number,
): Int32Array {
  const offsets = new Int32Array(batchCount);
  const rank = batchShape.length;
  const rankDifference = rank - operandBatch.length;
  const operandStrides = stridesFromShape(operandBatch);
  const outputStrides = stridesFromShape(batchShape);
  for (let batch = 0; batch < batchCount; batch++) {
    let remainder = batch;
    let operandIndex = 0;
    for (let axis = 0; axis < rank; axis++) {
      const coordinate = Math.floor(remainder / outputStrides[axis]);
      remainder -= coordinate * outputStrides[axis];
      const operandAxis = axis - rankDifference;
      // A size-1 or missing operand axis broadcasts, so its coordinate stays 0.
      if (operandAxis >= 0 && operandBatch[operandAxis] !== 1) operandIndex += coordinate * operandStrides[operandAxis];
    }
    offsets[batch] = operandIndex * matrixSize;
  }
  return offsets;
}
