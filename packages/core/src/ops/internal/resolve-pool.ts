import type { Pool2dAttributes } from '../../backend/kernel-specs';
import { InvalidArgumentError, ShapeError } from '../../errors';
import { formatShape } from '../../util/shape';
import type { Padding2d } from './resolve-padding';
import { resolvePair } from './resolve-pair';
import { resolveWindow } from './resolve-window';

export interface Pool2dOptions {
  /** Window size, `n` or `[height, width]`. */
  poolSize: number | [number, number];
  /** Step between windows; defaults to the pool size (non-overlapping windows), as in Keras. */
  strides?: number | [number, number];
  /** 'same', 'valid' (default), a number for every side, or `[[top, bottom], [left, right]]`. */
  padding?: Padding2d;
}

/**
 * Checks a pooling op's NHWC input (batched by the caller) and options and returns the kernel attributes.
 * Padding must be smaller than the window on every side, so that no window lies entirely in the padding.
 */
export function resolvePool(inputShape: readonly number[], options: Pool2dOptions, opName: string): Pool2dAttributes {
  if (typeof options !== 'object' || options === null || options.poolSize === undefined) {
    throw new InvalidArgumentError(
      `${opName}: expected options { poolSize, strides?, padding? }, got ${JSON.stringify(options)}`,
    );
  }
  const shapes = `x=${formatShape(inputShape)}`;
  const poolSize = resolvePair(options.poolSize, 'poolSize', opName);
  const strides = resolvePair(options.strides ?? poolSize, 'strides', opName);
  const padding = resolveWindow(inputShape, poolSize, strides, [1, 1], options.padding ?? 'valid', opName, shapes);
  const [top, bottom, left, right] = padding;
  if (Math.max(top, bottom) >= poolSize[0] || Math.max(left, right) >= poolSize[1]) {
    throw new ShapeError(
      `${opName}: padding must be smaller than the pool size on every side, got padding [top, bottom, left, right]=[${padding}] for poolSize [${poolSize}]`,
    );
  }
  return { poolSize, strides, padding };
}
