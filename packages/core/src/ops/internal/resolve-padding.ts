import { InvalidArgumentError } from '../../errors';

type PaddingPair = readonly [number, number];

/**
 * How a 2-D window op pads its input: 'valid' (none), 'same' (enough that the output has ceil(in / stride)
 * positions, as TensorFlow), a number for every side, or explicit `[[top, bottom], [left, right]]` (tfjs's
 * NHWC form `[[0, 0], [top, bottom], [left, right], [0, 0]]` is accepted too).
 */
export type Padding2d =
  | 'same'
  | 'valid'
  | number
  | readonly [PaddingPair, PaddingPair]
  | readonly [PaddingPair, PaddingPair, PaddingPair, PaddingPair];

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isPair(value: unknown): value is PaddingPair {
  return Array.isArray(value) && value.length === 2 && value.every(isAmount);
}

/**
 * Resolves `padding` into explicit `[top, bottom, left, right]` for an input of `inputSize` = [height, width]
 * and a window that spans `effectiveWindow` = [height, width] input positions (dilation included).
 */
export function resolvePadding(
  padding: Padding2d,
  inputSize: readonly [number, number],
  effectiveWindow: readonly [number, number],
  strides: readonly [number, number],
  opName: string,
): [number, number, number, number] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (padding === 'same') {
    const [top, bottom] = samePadding(inputSize[0], effectiveWindow[0], strides[0]);
    const [left, right] = samePadding(inputSize[1], effectiveWindow[1], strides[1]);
    return [top, bottom, left, right];
  }
  if (isAmount(padding)) return [padding, padding, padding, padding];
  if (Array.isArray(padding) && padding.every(isPair)) {
    if (padding.length === 2) return [padding[0][0], padding[0][1], padding[1][0], padding[1][1]];
    if (
      padding.length === 4 &&
      padding[0].every((amount) => amount === 0) &&
      padding[3].every((amount) => amount === 0)
    ) {
      return [padding[1][0], padding[1][1], padding[2][0], padding[2][1]];
    }
  }
  throw new InvalidArgumentError(
    `${opName}: padding must be 'same', 'valid', a non-negative integer or [[top, bottom], [left, right]], got ${JSON.stringify(padding)}`,
  );
}

/** TensorFlow's rule: the output keeps ceil(in / stride) positions and the odd padded element goes after. */
function samePadding(inputSize: number, effectiveWindow: number, stride: number): [number, number] {
  const outputSize = Math.ceil(inputSize / stride);
  const total = Math.max((outputSize - 1) * stride + effectiveWindow - inputSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}
