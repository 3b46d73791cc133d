import { extractWindows } from '../ops/internal/extract-windows';
import { runComposed } from '../ops/internal/run-composed';
import { windowGeometry } from '../ops/internal/window-geometry';
import { matmul } from '../ops/matmul';
import { reshape } from '../ops/reshape';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** The filter gradient is the im2col rows of x, transposed, times the output gradient. */
export function conv2dBackpropFilterComposite(
  ...[inputs, attributes]: Parameters<CompositeFunction<'conv2dBackpropFilter'>>
): Tensor {
  return runComposed(() => {
    const { x, dy } = inputs;
    const [filterHeight, filterWidth, inChannels, outChannels] = attributes.filterShape;
    const geometry = windowGeometry(
      x.shape,
      [filterHeight, filterWidth],
      attributes.strides,
      attributes.dilations,
      attributes.padding,
    );
    const rowCount = geometry.batch * geometry.outHeight * geometry.outWidth;
    const rows = reshape(extractWindows(x, geometry, 0), [rowCount, filterHeight * filterWidth * inChannels]);
    const product = matmul(rows, reshape(dy, [rowCount, outChannels]), { transposeA: true });
    return reshape(product, [filterHeight, filterWidth, inChannels, outChannels]);
  });
}
