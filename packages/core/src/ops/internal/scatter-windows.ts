import type { Tensor } from '../../tensor';
import { reshape } from '../reshape';
import { scatterAdd } from '../scatter-add';
import { slice } from '../slice';
import { tensor } from '../tensor';
import { type WindowGeometry, windowIndices } from './window-geometry';

/**
 * The adjoint of `extractWindows`: adds each window element of `windows`
 * (`[batch, outHeight·outWidth, windowHeight·windowWidth, channels]`) back onto the input position it was read
 * from, and drops the padding. Overlapping windows accumulate.
 */
export function scatterWindows(windows: Tensor, geometry: WindowGeometry): Tensor {
  const { batch, inHeight, inWidth, channels, paddedHeight, paddedWidth, outHeight, outWidth } = geometry;
  const windowSize = geometry.windowHeight * geometry.windowWidth;
  const indices = tensor(windowIndices(geometry), [outHeight * outWidth, windowSize], 'int32');
  const summed = scatterAdd(windows, indices, paddedHeight * paddedWidth, 1);
  const padded = reshape(summed, [batch, paddedHeight, paddedWidth, channels]);
  const [top, , left] = geometry.padding;
  return slice(padded, [0, top, left, 0], [batch, inHeight, inWidth, channels]);
}
