import { averageWindowWeights } from '../ops/internal/average-window-weights';
import { runComposed } from '../ops/internal/run-composed';
import { scatterWindows } from '../ops/internal/scatter-windows';
import { windowGeometry } from '../ops/internal/window-geometry';
import { mul } from '../ops/mul';
import { reshape } from '../ops/reshape';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/**
 * Each output gradient is shared among the unpadded elements of its window (divided by their count, as the
 * forward pass divides). tfjs's CPU kernel divides by the full window size instead, which disagrees with its
 * own forward pass at 'same'-padded borders; this follows TensorFlow.
 */
export function avgPool2dBackwardComposite(
  ...[inputs, attributes]: Parameters<CompositeFunction<'avgPool2dBackward'>>
): Tensor {
  return runComposed(() => {
    const geometry = windowGeometry(
      attributes.inputShape,
      attributes.poolSize,
      attributes.strides,
      [1, 1],
      attributes.padding,
    );
    const spread = reshape(inputs.dy, [geometry.batch, geometry.outHeight * geometry.outWidth, 1, geometry.channels]);
    return scatterWindows(mul(spread, averageWindowWeights(geometry)), geometry);
  });
}
