import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { conv2dGeometry, isPointwise, patchRowsPerChunk } from './conv2d-geometry';
import { gemm } from './gemm';
import { im2col } from './im2col';
import { ScratchBuffer } from './scratch-buffer';

const patchScratch = new ScratchBuffer();

/**
 * The gradient of conv2d with respect to its filter: patchesᵀ · dy, a [patchSize, outChannels] matrix that is the
 * HWIO filter gradient as laid out. Chunks of output pixels accumulate into it, so the patch matrix is never whole.
 */
export function createConv2dBackpropFilterKernel(storage: CpuStorage): KernelFunction<'conv2dBackpropFilter'> {
  return ({ x, dy }, attributes) => {
    const geometry = conv2dGeometry(x.shape, attributes.filterShape, attributes);
    const { outChannels, patchSize, patchCount } = geometry;
    const dFilter = storage.allocate(attributes.filterShape, 'float32');
    const xValues = storage.values(x as TensorInfo & { dtype: 'float32' });
    const dyValues = storage.values(dy as TensorInfo & { dtype: 'float32' });
    if (isPointwise(geometry)) {
      gemm(xValues, 0, dyValues, 0, dFilter.values, 0, patchSize, outChannels, patchCount, true, false);
      return dFilter.info;
    }
    const chunkRows = Math.min(patchRowsPerChunk(geometry), patchCount);
    const patches = patchScratch.get(chunkRows * patchSize);
    for (let firstRow = 0; firstRow < patchCount; firstRow += chunkRows) {
      const rows = Math.min(chunkRows, patchCount - firstRow);
      im2col(xValues, geometry, firstRow, rows, patches);
      // op(A) = patchesᵀ, stored rows × patchSize; the first chunk overwrites, later chunks accumulate.
      gemm(
        patches,
        0,
        dyValues,
        firstRow * outChannels,
        dFilter.values,
        0,
        patchSize,
        outChannels,
        rows,
        true,
        false,
        firstRow > 0,
      );
    }
    return dFilter.info;
  };
}
