import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { clipPoolWindow, type PoolWindow, pool2dGeometry } from './pool2d-geometry';

/**
 * Max pooling over NHWC. The channel loop is innermost so every read is contiguous; the output pixel itself holds
 * the running maxima. A strict `>` keeps the first maximum (as tfjs does); a window lying wholly in the padding
 * gives -Infinity, tfjs's starting value.
 */
export function createMaxPool2dKernel(storage: CpuStorage): KernelFunction<'maxPool2d'> {
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
          out.fill(Number.NEGATIVE_INFINITY, target, target + channels);
          for (let row = window.rowStart; row < window.rowEnd; row++) {
            for (let column = window.columnStart; column < window.columnEnd; column++) {
              const source = imageBase + (row * inWidth + column) * channels;
              for (let channel = 0; channel < channels; channel++) {
                const value = xValues[source + channel];
                if (value > out[target + channel]) out[target + channel] = value;
              }
            }
          }
          target += channels;
        }
      }
    }
    return output.info;
  };
}
