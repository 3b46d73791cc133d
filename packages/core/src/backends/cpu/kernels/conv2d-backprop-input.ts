import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { col2im } from './col2im';
import { conv2dGeometry, isPointwise, patchRowsPerChunk } from './conv2d-geometry';
import { gemm } from './gemm';
import { ScratchBuffer } from './scratch-buffer';

const patchGradientScratch = new ScratchBuffer();

/**
 * The gradient of conv2d with respect to its input: patch gradients dy · filterᵀ, a chunk of output pixels at a
 * time, scattered back onto the input pixels with col2im.
 */
export function createConv2dBackpropInputKernel(storage: CpuStorage): KernelFunction<'conv2dBackpropInput'> {
  return ({ dy, filter }, attributes) => {
    const geometry = conv2dGeometry(attributes.inputShape, filter.shape, attributes);
    const { outChannels, patchSize, patchCount } = geometry;
    const dx = storage.allocate(attributes.inputShape, 'float32');
    const dyValues = storage.values(dy as TensorInfo & { dtype: 'float32' });
    const filterValues = storage.values(filter as TensorInfo & { dtype: 'float32' });
    if (isPointwise(geometry)) {
      gemm(dyValues, 0, filterValues, 0, dx.values, 0, patchCount, patchSize, outChannels, false, true);
      return dx.info;
    }
    const chunkRows = Math.min(patchRowsPerChunk(geometry), patchCount);
    const patchGradients = patchGradientScratch.get(chunkRows * patchSize);
    for (let firstRow = 0; firstRow < patchCount; firstRow += chunkRows) {
      const rows = Math.min(chunkRows, patchCount - firstRow);
      gemm(
        dyValues,
        firstRow * outChannels,
        filterValues,
        0,
        patchGradients,
        0,
        rows,
        patchSize,
        outChannels,
        false,
        true,
      );
      col2im(patchGradients, geometry, firstRow, rows, dx.values);
    }
    return dx.info;
  };
}
