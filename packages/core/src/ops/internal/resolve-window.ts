import { ShapeError } from '../../errors';
import { type Padding2d, resolvePadding } from './resolve-padding';
import { windowGeometry } from './window-geometry';

/**
 * Resolves the padding of a 2-D window op on the NHWC `inputShape` and checks that at least one window fits,
 * naming the op and the shapes (`shapes`, e.g. "x=[1,3,3,2] filter=[5,5,2,4]") when none does.
 */
export function resolveWindow(
  inputShape: readonly number[],
  windowSize: [number, number],
  strides: [number, number],
  dilations: [number, number],
  padding: Padding2d,
  opName: string,
  shapes: string,
): [number, number, number, number] {
  if (windowSize[0] < 1 || windowSize[1] < 1) {
    throw new ShapeError(`${opName}: the window must be at least 1x1, got ${shapes}`);
  }
  const span: [number, number] = [(windowSize[0] - 1) * dilations[0] + 1, (windowSize[1] - 1) * dilations[1] + 1];
  const explicit = resolvePadding(padding, [inputShape[1], inputShape[2]], span, strides, opName);
  const geometry = windowGeometry(inputShape, windowSize, strides, dilations, explicit);
  if (geometry.outHeight < 1 || geometry.outWidth < 1) {
    throw new ShapeError(
      `${opName}: the window spans ${span[0]}x${span[1]} input positions (dilations included) but the padded input is only ${geometry.paddedHeight}x${geometry.paddedWidth}, got ${shapes}`,
    );
  }
  return explicit;
}
