import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { clipPoolWindow, type PoolWindow, pool2dGeometry } from './pool2d-geometry';

/**
 * The exact gradient of avgPool2d: each dy is shared equally among the non-padded elements its window averaged.
 * (tfjs's cpu AvgPoolGrad divides by the full window size instead, which is not the gradient of its own forward
 * pass at padded borders; we follow the forward pass.)
 */
export function createAvgPool2dBackwardKernel(storage: CpuStorage): KernelFunction<'avgPool2dBackward'> {
  const window: PoolWindow = { rowStart: 0, rowEnd: 0, columnStart: 0, columnEnd: 0 };
  return ({ dy }, attributes) => {
    const geometry = pool2dGeometry(attributes.inputShape, attributes);
    const { batch, inHeight, inWidth, channels, outHeight, outWidth } = geometry;
    const dx = storage.allocate(attributes.inputShape, 'float32');
    const dxValues = dx.values;
    const dyValues = storage.values(dy as TensorInfo & { dtype: 'float32' });
    let gradientIndex = 0;
    for (let image = 0; image < batch; image++) {
      const imageBase = image * inHeight * inWidth * channels;
      for (let outRow = 0; outRow < outHeight; outRow++) {
        for (let outColumn = 0; outColumn < outWidth; outColumn++) {
          clipPoolWindow(geometry, outRow, outColumn, window);
          const count = (window.rowEnd - window.rowStart) * (window.columnEnd - window.columnStart);
          if (count > 0) {
            const scale = 1 / count;
            for (let row = window.rowStart; row < window.rowEnd; row++) {
              for (let column = window.columnStart; column < window.columnEnd; column++) {
                const target = imageBase + (row * inWidth + column) * channels;
                for (let channel = 0; channel < channels; channel++) {
                  dxValues[target + channel] += dyValues[gradientIndex + channel] * scale;
                }
              }
            }
          }
          gradientIndex += channels;
        }
      }
    }
    return dx.info;
  };
}
