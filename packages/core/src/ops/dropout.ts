import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import type { RandomOptions } from '../random/random-options';
import { randomUnitInterval } from '../random/random-unit-interval';
import type { Tensor } from '../tensor';
import { assertValidShape, formatShape, sizeFromShape } from '../util/shape';
import { cast } from './cast';
import { greaterEqual } from './greater-equal';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { mul } from './mul';
import { reshape } from './reshape';
import type { TensorLike } from './tensor-like';

export interface DropoutOptions extends RandomOptions {
  /**
   * The shape of the keep/drop mask, broadcast against x: a 1 shares one decision along that axis (e.g.
   * [batch, 1, 1, channels] drops whole feature maps). Defaults to x's shape.
   */
  noiseShape?: readonly number[];
}

/**
 * Inverted dropout: keeps each element with probability 1 − rate and scales the kept ones by 1 / (1 − rate), so
 * the expected value is unchanged and inference needs no rescaling. The gradient is the same mask times dy.
 * rate 0 returns x unchanged (and draws no random numbers).
 */
export function dropout(x: Tensor | TensorLike, rate: number, options: DropoutOptions = {}): Tensor {
  const opName = 'dropout';
  // Converted inside the composed scope so that an array input is freed with the intermediates.
  return runComposed(() => {
    const input = toTensor(x, 'x', opName);
    if (input.dtype !== 'float32') {
      throw new DTypeError(`${opName}: x must be float32 because kept values are scaled, got ${input.dtype}`);
    }
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
      throw new InvalidArgumentError(`${opName}: rate must be a number in [0, 1), got ${String(rate)}`);
    }
    const noiseShape = options.noiseShape ?? input.shape;
    assertValidShape(noiseShape, opName);
    const fits =
      noiseShape.length === input.rank && noiseShape.every((size, axis) => size === input.shape[axis] || size === 1);
    if (!fits) {
      throw new ShapeError(
        `${opName}: noiseShape must have x's rank with each dimension equal to x's or 1, got noiseShape=${formatShape(noiseShape)} x=${formatShape(input.shape)}`,
      );
    }
    if (rate === 0) return reshape(input, input.shape);
    const unit = reshape(randomUnitInterval(sizeFromShape(noiseShape), options.seed, opName), noiseShape);
    const scaledMask = mul(cast(greaterEqual(unit, rate), 'float32'), 1 / (1 - rate));
    return mul(input, scaledMask);
  });
}
