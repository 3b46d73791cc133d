import { extractWindows } from '../ops/internal/extract-windows';
import { maxWindowMask } from '../ops/internal/max-window-mask';
import { runComposed } from '../ops/internal/run-composed';
import { windowGeometry } from '../ops/internal/window-geometry';
import { reshape } from '../ops/reshape';
import { sum } from '../ops/sum';
import { where } from '../ops/where';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/**
 * Selects the first maximum of each window rather than reducing with max, so that the gradient the tape
 * derives goes to that one element (as the native kernels' maxPool2dBackward does), not to every tied one.
 */
export function maxPool2dComposite(...[inputs, attributes]: Parameters<CompositeFunction<'maxPool2d'>>): Tensor {
  return runComposed(() => {
    const geometry = windowGeometry(
      inputs.x.shape,
      attributes.poolSize,
      attributes.strides,
      [1, 1],
      attributes.padding,
    );
    const windows = extractWindows(inputs.x, geometry, Number.NEGATIVE_INFINITY);
    const selected = sum(where(maxWindowMask(windows), windows, 0), 2);
    return reshape(selected, [geometry.batch, geometry.outHeight, geometry.outWidth, geometry.channels]);
  });
}
