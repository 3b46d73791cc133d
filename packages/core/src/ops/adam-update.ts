import { ENGINE } from '../engine/engine';
import { InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape, shapesEqual } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';

export interface AdamUpdateOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  /** learningRate / (1 − β1^t) for step t. */
  stepSize: number;
  /** 1 − β2^t for step t. */
  secondCorrection: number;
}

/**
 * One fused Adam step (Kingma & Ba, as Keras computes it) for one variable: returns the updated variable, first
 * moment and second moment, in that order. Backends with the optional `adamUpdate` kernel do it in one pass
 * (the CPU backend: one SIMD loop instead of thirteen element-wise ops); others run core's composite, which
 * rounds the same way. Not differentiable: it is an update, applied outside any gradient tape.
 */
export function adamUpdate(
  variable: Tensor,
  gradient: Tensor,
  firstMoment: Tensor,
  secondMoment: Tensor,
  options: AdamUpdateOptions,
): [Tensor, Tensor, Tensor] {
  const opName = 'adamUpdate';
  const tensors = {
    variable: toFloatArgument(variable, 'variable', opName),
    gradient: toFloatArgument(gradient, 'gradient', opName),
    firstMoment: toFloatArgument(firstMoment, 'firstMoment', opName),
    secondMoment: toFloatArgument(secondMoment, 'secondMoment', opName),
  };
  for (const [name, tensor] of Object.entries(tensors)) {
    if (tensor.dtype !== 'float32') {
      throw new InvalidArgumentError(`${opName}: ${name} must be float32, got ${tensor.dtype}`);
    }
    if (!shapesEqual(tensor.shape, tensors.variable.shape)) {
      throw new ShapeError(
        `${opName}: ${name} must have the variable's shape ${formatShape(tensors.variable.shape)}, got ${formatShape(tensor.shape)}`,
      );
    }
  }
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`${opName}: options must be an object, got ${String(options)}`);
  }
  const { beta1, beta2, epsilon, stepSize, secondCorrection } = options;
  for (const [name, value] of Object.entries({ beta1, beta2, epsilon, stepSize, secondCorrection })) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidArgumentError(`${opName}: ${name} must be a finite number, got ${String(value)}`);
    }
  }
  const attributes = { beta1, beta2, epsilon, stepSize, secondCorrection };
  const [newVariable, newFirst, newSecond] = runComposed(() =>
    ENGINE.runMultiOutputKernel('adamUpdate', tensors, attributes),
  );
  return [newVariable, newFirst, newSecond];
}
