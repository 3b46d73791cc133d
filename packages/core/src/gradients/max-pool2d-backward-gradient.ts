import { extractWindows } from '../ops/internal/extract-windows';
import { maxWindowMask } from '../ops/internal/max-window-mask';
import { windowGeometry } from '../ops/internal/window-geometry';
import { reshape } from '../ops/reshape';
import { sum } from '../ops/sum';
import { where } from '../ops/where';
import type { GradientRule } from './gradient-rule';

/**
 * maxPool2dBackward is linear in dy: its adjoint reads, for each window, the incoming gradient at the window's
 * first maximum. With respect to x it is piecewise constant (x only picks which element wins), so x gets none.
 */
export const maxPool2dBackwardGradient: GradientRule<'maxPool2dBackward'> = (gradient, { inputs, attributes }) => {
  const { x } = inputs;
  const geometry = windowGeometry(x.shape, attributes.poolSize, attributes.strides, [1, 1], attributes.padding);
  const mask = maxWindowMask(extractWindows(x, geometry, Number.NEGATIVE_INFINITY));
  const selected = sum(where(mask, extractWindows(gradient, geometry, 0), 0), 2);
  return { dy: reshape(selected, [geometry.batch, geometry.outHeight, geometry.outWidth, geometry.channels]) };
};
