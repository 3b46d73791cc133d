import type { Tensor } from '../../tensor';
import { tensor } from '../tensor';
import type { WindowGeometry } from './window-geometry';

/**
 * `[outHeight·outWidth, windowSize, 1]` weights: 1 / (number of unpadded elements in the window) for each
 * unpadded element, 0 for padded ones. Average pooling divides by the elements it really saw, as TensorFlow does.
 */
export function averageWindowWeights(geometry: WindowGeometry): Tensor {
  const { inHeight, inWidth, outHeight, outWidth, windowHeight, windowWidth, strides, dilations } = geometry;
  const [top, , left] = geometry.padding;
  const windowSize = windowHeight * windowWidth;
  const weights = new Float32Array(outHeight * outWidth * windowSize);
  const inside = new Uint8Array(windowSize);
  for (let outRow = 0; outRow < outHeight; outRow++) {
    for (let outColumn = 0; outColumn < outWidth; outColumn++) {
      let count = 0;
      for (let windowRow = 0; windowRow < windowHeight; windowRow++) {
        const row = outRow * strides[0] + windowRow * dilations[0] - top;
        for (let windowColumn = 0; windowColumn < windowWidth; windowColumn++) {
          const column = outColumn * strides[1] + windowColumn * dilations[1] - left;
          const valid = row >= 0 && row < inHeight && column >= 0 && column < inWidth;
          inside[windowRow * windowWidth + windowColumn] = valid ? 1 : 0;
          if (valid) count++;
        }
      }
      const offset = (outRow * outWidth + outColumn) * windowSize;
      for (let element = 0; element < windowSize; element++) {
        weights[offset + element] = inside[element] === 1 ? 1 / count : 0;
      }
    }
  }
  return tensor(weights, [outHeight * outWidth, windowSize, 1], 'float32');
}
