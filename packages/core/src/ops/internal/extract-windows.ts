import type { Tensor } from '../../tensor';
import { gather } from '../gather';
import { pad } from '../pad';
import { reshape } from '../reshape';
import { tensor } from '../tensor';
import { type WindowGeometry, windowIndices } from './window-geometry';

/**
 * Every window of the NHWC input `x` as `[batch, outHeight·outWidth, windowHeight·windowWidth, channels]`
 * (im2col), padded with `padValue`. One pad and one gather, so the tape differentiates it (scatterAdd back).
 */
export function extractWindows(x: Tensor, geometry: WindowGeometry, padValue: number): Tensor {
  const { batch, channels, padding, paddedHeight, paddedWidth, outHeight, outWidth } = geometry;
  const [top, bottom, left, right] = padding;
  const padded = padding.some((amount) => amount > 0)
    ? pad(
        x,
        [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        padValue,
      )
    : x;
  const flat = reshape(padded, [batch, paddedHeight * paddedWidth, channels]);
  const windowSize = geometry.windowHeight * geometry.windowWidth;
  const indices = tensor(windowIndices(geometry), [outHeight * outWidth, windowSize], 'int32');
  return gather(flat, indices, 1);
}
