import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { clipPoolWindow, type PoolWindow, pool2dGeometry } from './pool2d-geometry';

/**
 * Average pooling over NHWC, dividing by the number of non-padded elements in each window (tfjs's behaviour with
 * 'same' padding, so border outputs are not pulled towards zero). A window wholly in the padding gives 0.
 */
export function createAvgPool2dKernel(storage: CpuStorage): KernelFunction<'avgPool2d'> {
  const window: PoolWindow = { rowStart: 0, rowEnd: 0, columnStart: 0, columnEnd: 0 };
  return ({ x }, attributes) => {
    const geometry = pool2dGeometry(x.shape, attributes);
    const { batch, inHeight, inWidth, channels, outHeight, outWidth } = geometry;
    const output = storage.allocate([batch, outHeight, outWidth, channels], 'float32');
    const out = output.values;
    const xValues = storage.values(x as TensorInfo & { dtype: 'float32' });
    let target = 0;
    for (let image = 0; image < batch; image++) {
      const imageBase = image * inHeight * inWidth * channels;
      for (let outRow = 0; outRow < outHeight; outRow++) {
        for (let outColumn = 0; outColumn < outWidth; outColumn++) {
          clipPoolWindow(geometry, outRow, outColumn, window);
          for (let row = window.rowStart; row < window.rowEnd; row++) {
            for (let column = window.columnStart; column < window.columnEnd; column++) {
              const source = imageBase + (row * inWidth + column) * channels;
              for (let channel = 0; channel < channels; channel++) out[target + channel] += xValues[source + channel];
            }
          }
          const count = (window.rowEnd - window.rowStart) * (window.columnEnd - window.columnStart);
          const scale = count > 0 ? 1 / count : 0;
          for (let channel = 0; channel < channels; channel++) out[target + channel] *= scale;
          target += channels;
        }
      }
    }
    return output.info;
  };
}
