import { extractWindows } from '../ops/internal/extract-windows';
import { runComposed } from '../ops/internal/run-composed';
import { windowGeometry } from '../ops/internal/window-geometry';
import { matmul } from '../ops/matmul';
import { reshape } from '../ops/reshape';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** im2col: gather every window into a row, then one matmul with the filter flattened to [h·w·in, out]. */
export function conv2dComposite(...[inputs, attributes]: Parameters<CompositeFunction<'conv2d'>>): Tensor {
  return runComposed(() => {
    const { x, filter } = inputs;
    const [filterHeight, filterWidth, inChannels, outChannels] = filter.shape;
    const geometry = windowGeometry(
      x.shape,
      [filterHeight, filterWidth],
      attributes.strides,
      attributes.dilations,
      attributes.padding,
    );
    const { batch, outHeight, outWidth } = geometry;
    const windows = extractWindows(x, geometry, 0);
    const rows = reshape(windows, [batch * outHeight * outWidth, filterHeight * filterWidth * inChannels]);
    const product = matmul(rows, reshape(filter, [filterHeight * filterWidth * inChannels, outChannels]));
    return reshape(product, [batch, outHeight, outWidth, outChannels]);
  });
}
