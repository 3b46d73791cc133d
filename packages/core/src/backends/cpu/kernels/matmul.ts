import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { gemm } from './gemm';
import { matmulGeometry } from './matmul-geometry';

/** int32 products with two's-complement wrap-around, so results are exact whenever they fit in int32. */
function integerMatmul(
  a: Int32Array,
  aOffset: number,
  b: Int32Array,
  bOffset: number,
  out: Int32Array,
  outOffset: number,
  m: number,
  n: number,
  k: number,
  transposeA: boolean,
  transposeB: boolean,
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

/** Batched matmul with NumPy-broadcast batch dimensions; float32 through the blocked gemm, int32 exactly. */
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
        integerMatmul(
          aValues,
          aOffsets[batch],
          bValues,
          bOffsets[batch],
          output.values,
          batch * matrixSize,
          m,
          n,
          k,
          transposeA,
          transposeB,
        );
      }
      return output.info;
    }
    const output = storage.allocate(outputShape, 'float32');
    const aValues = storage.values(a as TensorInfo & { dtype: 'float32' });
    const bValues = storage.values(b as TensorInfo & { dtype: 'float32' });
    for (let batch = 0; batch < aOffsets.length; batch++) {
      gemm(
        aValues,
        aOffsets[batch],
        bValues,
        bOffsets[batch],
        output.values,
        batch * matrixSize,
        m,
        n,
        k,
        transposeA,
        transposeB,
      );
    }
    return output.info;
  };
}
