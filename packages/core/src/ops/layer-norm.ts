import { InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape, normalizeAxes } from '../util/shape';
import { add } from './add';
import { broadcastsTo } from './internal/broadcasts-to';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import { moments } from './moments';
import { mul } from './mul';
import { rsqrt } from './rsqrt';
import { sub } from './sub';
import type { TensorLike } from './tensor-like';

export interface LayerNormOptions {
  /** The axes normalized together (the last by default). */
  axis?: number | number[];
  epsilon?: number;
  /** Scale applied after normalizing; broadcasts against x. */
  gamma?: Tensor | TensorLike;
  /** Offset added last; broadcasts against x. */
  beta?: Tensor | TensorLike;
}

/**
 * Normalizes x to zero mean and unit (biased) variance over `axis`, then applies gamma and beta, as Keras's
 * LayerNormalization does. A composite, so its gradient comes from the tape.
 */
export function layerNorm(x: Tensor | TensorLike, options: LayerNormOptions = {}): Tensor {
  const opName = 'layerNorm';
  const input = toFloatArgument(x, 'x', opName);
  if (input.rank === 0) throw new ShapeError(`${opName}: x must have rank ≥ 1, got a scalar`);
  const epsilon = options.epsilon ?? 1e-5;
  if (typeof epsilon !== 'number' || !(epsilon >= 0)) {
    throw new InvalidArgumentError(`${opName}: epsilon must be a non-negative number, got ${String(epsilon)}`);
  }
  const axes = normalizeAxes(options.axis ?? -1, input.rank, opName);
  const gamma = options.gamma === undefined ? undefined : affine(options.gamma, 'gamma', input, opName);
  const beta = options.beta === undefined ? undefined : affine(options.beta, 'beta', input, opName);
  return runComposed(() => {
    const statistics = moments(input, axes, true);
    let output = mul(sub(input, statistics.mean), rsqrt(add(statistics.variance, epsilon)));
    if (gamma) output = mul(output, gamma);
    if (beta) output = add(output, beta);
    return output;
  });
}

function affine(value: Tensor | TensorLike, name: string, input: Tensor, opName: string): Tensor {
  const converted = toFloatArgument(value, name, opName);
  if (!broadcastsTo(converted.shape, input.shape)) {
    throw new ShapeError(
      `${opName}: ${name} must broadcast to the shape of x, got ${name}=${formatShape(converted.shape)} x=${formatShape(input.shape)}`,
    );
  }
  return converted;
}
