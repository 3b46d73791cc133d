import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { conv2dGeometry, isPointwise, patchRowsPerChunk } from './conv2d-geometry';
import { gemm } from './gemm';
import { im2col } from './im2col';
import { ScratchBuffer } from './scratch-buffer';

const patchScratch = new ScratchBuffer();

/**
 * conv2d as im2col + gemm: an HWIO filter is already a [patchSize, outChannels] matrix and NHWC output rows are
 * output pixels, so out[pixels, outChannels] = patches · filter with no reshuffling. The patch matrix is built a
 * chunk of rows at a time to stay in cache and avoid a filterHeight·filterWidth-times copy of the whole input.
 */
export function createConv2dKernel(storage: CpuStorage): KernelFunction<'conv2d'> {
  return ({ x, filter }, attributes) => {
    const geometry = conv2dGeometry(x.shape, filter.shape, attributes);
    const { batch, outHeight, outWidth, outChannels, patchSize, patchCount } = geometry;
    const output = storage.allocate([batch, outHeight, outWidth, outChannels], 'float32');
    const xValues = storage.values(x as TensorInfo & { dtype: 'float32' });
    const filterValues = storage.values(filter as TensorInfo & { dtype: 'float32' });
    if (isPointwise(geometry)) {
      gemm(xValues, 0, filterValues, 0, output.values, 0, patchCount, outChannels, patchSize, false, false);
      return output.info;
    }
    const chunkRows = Math.min(patchRowsPerChunk(geometry), patchCount);
    const patches = patchScratch.get(chunkRows * patchSize);
    for (let firstRow = 0; firstRow < patchCount; firstRow += chunkRows) {
      const rows = Math.min(chunkRows, patchCount - firstRow);
      im2col(xValues, geometry, firstRow, rows, patches);
      gemm(
        patches,
        0,
        filterValues,
        0,
        output.values,
        firstRow * outChannels,
        rows,
        outChannels,
        patchSize,
        false,
        false,
      );
    }
    return output.info;
  };
}
