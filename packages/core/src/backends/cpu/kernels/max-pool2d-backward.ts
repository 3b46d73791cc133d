import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { clipPoolWindow, type PoolWindow, pool2dGeometry } from './pool2d-geometry';

/**
 * The gradient of max pooling: each dy goes to the first maximum of its window (tfjs's choice), found again from
 * x with the forward pass's strict `>`; a window with no value above -Infinity passes no gradient, as in tfjs. All channels of a window are scanned together so x is read contiguously; the winners' positions and values
 * live in scratch arrays that grow with the channel count.
 */
export function createMaxPool2dBackwardKernel(storage: CpuStorage): KernelFunction<'maxPool2dBackward'> {
  const window: PoolWindow = { rowStart: 0, rowEnd: 0, columnStart: 0, columnEnd: 0 };
  let bestValues = new Float32Array(0);
  let bestPositions = new Int32Array(0);
  return ({ dy, x }, attributes) => {
    const geometry = pool2dGeometry(x.shape, attributes);
    const { batch, inHeight, inWidth, channels, outHeight, outWidth } = geometry;
    const dx = storage.allocate(x.shape, 'float32');
    const dxValues = dx.values;
    const xValues = storage.values(x as TensorInfo & { dtype: 'float32' });
    const dyValues = storage.values(dy as TensorInfo & { dtype: 'float32' });
    if (bestValues.length < channels) {
      bestValues = new Float32Array(channels);
      bestPositions = new Int32Array(channels);
    }
    let gradientIndex = 0;
    for (let image = 0; image < batch; image++) {
      const imageBase = image * inHeight * inWidth * channels;
      for (let outRow = 0; outRow < outHeight; outRow++) {
        for (let outColumn = 0; outColumn < outWidth; outColumn++) {
          clipPoolWindow(geometry, outRow, outColumn, window);
          bestValues.fill(Number.NEGATIVE_INFINITY, 0, channels);
          bestPositions.fill(-1, 0, channels);
          for (let row = window.rowStart; row < window.rowEnd; row++) {
            for (let column = window.columnStart; column < window.columnEnd; column++) {
              const source = imageBase + (row * inWidth + column) * channels;
              for (let channel = 0; channel < channels; channel++) {
                const value = xValues[source + channel];
                if (value > bestValues[channel]) {
                  bestValues[channel] = value;
                  bestPositions[channel] = source + channel;
                }
              }
            }
          }
          for (let channel = 0; channel < channels; channel++) {
            const position = bestPositions[channel];
            if (position >= 0) dxValues[position] += dyValues[gradientIndex + channel];
          }
          gradientIndex += channels;
        }
      }
    }
    return dx.info;
  };
}
