import { runComposed } from '../ops/internal/run-composed';
import { scatterWindows } from '../ops/internal/scatter-windows';
import { windowGeometry } from '../ops/internal/window-geometry';
import { matmul } from '../ops/matmul';
import { reshape } from '../ops/reshape';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** col2im: each output gradient spreads over its window through the filter, and the windows add up. */
export function conv2dBackpropInputComposite(
  ...[inputs, attributes]: Parameters<CompositeFunction<'conv2dBackpropInput'>>
): Tensor {
  return runComposed(() => {
    const { dy, filter } = inputs;
    const [filterHeight, filterWidth, inChannels, outChannels] = filter.shape;
    const geometry = windowGeometry(
      attributes.inputShape,
      [filterHeight, filterWidth],
      attributes.strides,
      attributes.dilations,
      attributes.padding,
    );
    const { batch, outHeight, outWidth } = geometry;
    const positions = outHeight * outWidth;
    const flatDy = reshape(dy, [batch * positions, outChannels]);
    const flatFilter = reshape(filter, [filterHeight * filterWidth * inChannels, outChannels]);
    const rows = matmul(flatDy, flatFilter, { transposeB: true });
    return scatterWindows(reshape(rows, [batch, positions, filterHeight * filterWidth, inChannels]), geometry);
  });
}
