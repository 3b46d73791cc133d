import { extractWindows } from '../ops/internal/extract-windows';
import { maxWindowMask } from '../ops/internal/max-window-mask';
import { runComposed } from '../ops/internal/run-composed';
import { scatterWindows } from '../ops/internal/scatter-windows';
import { windowGeometry } from '../ops/internal/window-geometry';
import { reshape } from '../ops/reshape';
import { where } from '../ops/where';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** Each output gradient goes to the first maximum of its window (padding never wins); overlaps add up. */
export function maxPool2dBackwardComposite(
  ...[inputs, attributes]: Parameters<CompositeFunction<'maxPool2dBackward'>>
): Tensor {
  return runComposed(() => {
    const { dy, x } = inputs;
    const geometry = windowGeometry(x.shape, attributes.poolSize, attributes.strides, [1, 1], attributes.padding);
    const mask = maxWindowMask(extractWindows(x, geometry, Number.NEGATIVE_INFINITY));
    const spread = reshape(dy, [geometry.batch, geometry.outHeight * geometry.outWidth, 1, geometry.channels]);
    return scatterWindows(where(mask, spread, 0), geometry);
  });
}
