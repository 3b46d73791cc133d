import type { KernelFunction } from '../../../backend/backend-definition';
import type { Activation, TensorInfo } from '../../../backend/kernel-specs';
import { sizeFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { broadcastValues } from './broadcast-values';
import { createMatmulKernel } from './matmul';
import { ScratchBuffer } from './scratch-buffer';

const biasScratch = new ScratchBuffer();

/**
 * matmul + bias + activation: the product is written by the matmul kernel, then a single pass over it adds the
 * bias and applies the activation in place, where the unfused ops would make three passes and two temporaries.
 * A bias of one value per output column (the dense-layer case) is read with a modulo-free running index.
 */
export function createFusedMatmulKernel(storage: CpuStorage): KernelFunction<'fusedMatmul'> {
  const matmul = createMatmulKernel(storage);
  return ({ a, b, bias }, { transposeA, transposeB, activation }) => {
    const product = matmul({ a, b }, { transposeA, transposeB });
    const outShape = product.shape;
    const columns = outShape[outShape.length - 1];
    const size = sizeFromShape(outShape);
    const biasValues = storage.values(bias);
    const biasSize = sizeFromShape(bias.shape);
    const perColumn = biasSize === columns && bias.shape.length > 0 && bias.shape[bias.shape.length - 1] === columns;
    let fullBias: ArrayLike<number> = biasValues;
    let biasPeriod = biasSize;
    if (!perColumn && biasSize !== 1 && biasSize !== size) {
      const expanded = biasScratch.get(size);
      broadcastValues(biasValues, bias.shape, expanded, outShape);
      fullBias = expanded;
      biasPeriod = size;
    }
    if (product.dtype === 'int32') {
      integerEpilogue(storage.values(product as TensorInfo & { dtype: 'int32' }), fullBias, biasPeriod, activation);
    } else {
      floatEpilogue(storage.values(product as TensorInfo & { dtype: 'float32' }), fullBias, biasPeriod, activation);
    }
    return product;
  };
}

/**
 * out[i] = activation(out[i] + bias[i mod period]); the period is 1, the column count, or the whole output, and
 * each activation has its own loop so the hot loop has no branch on it.
 */
function floatEpilogue(out: Float32Array, bias: ArrayLike<number>, period: number, activation: Activation): void {
  const size = out.length;
  let biasIndex = 0;
  switch (activation) {
    case 'linear':
      for (let index = 0; index < size; index++) {
        out[index] += bias[biasIndex];
        if (++biasIndex === period) biasIndex = 0;
      }
      return;
    case 'relu':
      for (let index = 0; index < size; index++) {
        const value = out[index] + bias[biasIndex];
        out[index] = Math.max(value, 0);
        if (++biasIndex === period) biasIndex = 0;
      }
      return;
    case 'sigmoid':
      for (let index = 0; index < size; index++) {
        out[index] = 1 / (1 + Math.exp(-(out[index] + bias[biasIndex])));
        if (++biasIndex === period) biasIndex = 0;
      }
      return;
    case 'tanh':
      for (let index = 0; index < size; index++) {
        out[index] = Math.tanh(out[index] + bias[biasIndex]);
        if (++biasIndex === period) biasIndex = 0;
      }
      return;
  }
}

/** The int32 variant: wrap-around addition; sigmoid and tanh truncate toward zero as any int32 result would. */
function integerEpilogue(out: Int32Array, bias: ArrayLike<number>, period: number, activation: Activation): void {
  let biasIndex = 0;
  for (let index = 0; index < out.length; index++) {
    const value = (out[index] + bias[biasIndex]) | 0;
    out[index] =
      activation === 'relu'
        ? Math.max(value, 0)
        : activation === 'sigmoid'
          ? 1 / (1 + Math.exp(-value))
          : activation === 'tanh'
            ? Math.tanh(value)
            : value;
    if (++biasIndex === period) biasIndex = 0;
  }
}
