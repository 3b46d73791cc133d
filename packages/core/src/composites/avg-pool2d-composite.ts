import { averageWindowWeights } from '../ops/internal/average-window-weights';
import { extractWindows } from '../ops/internal/extract-windows';
import { runComposed } from '../ops/internal/run-composed';
import { windowGeometry } from '../ops/internal/window-geometry';
import { mul } from '../ops/mul';
import { reshape } from '../ops/reshape';
import { sum } from '../ops/sum';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** A weighted sum over each window: padded elements weigh 0, the others 1 / (unpadded count). */
export function avgPool2dComposite(...[inputs, attributes]: Parameters<CompositeFunction<'avgPool2d'>>): Tensor {
  return runComposed(() => {
    const geometry = windowGeometry(
      inputs.x.shape,
      attributes.poolSize,
      attributes.strides,
      [1, 1],
      attributes.padding,
    );
    const windows = extractWindows(inputs.x, geometry, 0);
    const averaged = sum(mul(windows, averageWindowWeights(geometry)), 2);
    return reshape(averaged, [geometry.batch, geometry.outHeight, geometry.outWidth, geometry.channels]);
  });
}
