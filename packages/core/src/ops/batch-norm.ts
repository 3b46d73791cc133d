import { InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import { add } from './add';
import { broadcastsTo } from './internal/broadcasts-to';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import { mul } from './mul';
import { rsqrt } from './rsqrt';
import { sub } from './sub';
import type { TensorLike } from './tensor-like';

/**
 * (x − mean) · scale / sqrt(variance + varianceEpsilon) + offset, as tfjs's batchNorm. The statistics and the
 * optional offset and scale broadcast against x (typically shaped like its last axis).
 */
export function batchNorm(
  x: Tensor | TensorLike,
  mean: Tensor | TensorLike,
  variance: Tensor | TensorLike,
  offset?: Tensor | TensorLike,
  scale?: Tensor | TensorLike,
  varianceEpsilon = 0.001,
): Tensor {
  return runComposed(() => {
    const opName = 'batchNorm';
    const input = toFloatArgument(x, 'x', opName);
    const parameter = (value: Tensor | TensorLike, name: string): Tensor => {
      const converted = toFloatArgument(value, name, opName);
      if (!broadcastsTo(converted.shape, input.shape)) {
        throw new ShapeError(
          `${opName}: ${name} must broadcast to the shape of x, got ${name}=${formatShape(converted.shape)} x=${formatShape(input.shape)}`,
        );
      }
      return converted;
    };
    if (typeof varianceEpsilon !== 'number' || !(varianceEpsilon >= 0)) {
      throw new InvalidArgumentError(
        `${opName}: varianceEpsilon must be a non-negative number, got ${String(varianceEpsilon)}`,
      );
    }
    const meanTensor = parameter(mean, 'mean');
    const varianceTensor = parameter(variance, 'variance');
    const scaleTensor = scale === undefined || scale === null ? undefined : parameter(scale, 'scale');
    const offsetTensor = offset === undefined || offset === null ? undefined : parameter(offset, 'offset');
    return runComposed(() => {
      let factor = rsqrt(add(varianceTensor, varianceEpsilon));
      if (scaleTensor) factor = mul(factor, scaleTensor);
      const normalized = mul(sub(input, meanTensor), factor);
      return offsetTensor ? add(normalized, offsetTensor) : normalized;
    });
  });
}
