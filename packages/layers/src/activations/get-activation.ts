import {
  add,
  clipByValue,
  elu,
  gelu,
  InvalidArgumentError,
  leakyRelu,
  mul,
  relu,
  relu6,
  reshape,
  selu,
  sigmoid,
  silu,
  softmax,
  softplus,
  type Tensor,
  tanh,
} from '@tessera/core';

export type ActivationName =
  | 'linear'
  | 'relu'
  | 'sigmoid'
  | 'tanh'
  | 'softmax'
  | 'elu'
  | 'selu'
  | 'gelu'
  | 'softplus'
  | 'silu'
  | 'swish'
  | 'relu6'
  | 'leakyRelu'
  | 'hardSigmoid';

export type ActivationFunction = (x: Tensor) => Tensor;

const activations: Record<ActivationName, ActivationFunction> = {
  // A reshape to the same shape gives the caller a tensor it owns, like every other activation.
  linear: (x) => reshape(x, x.shape),
  relu: (x) => relu(x),
  sigmoid: (x) => sigmoid(x),
  tanh: (x) => tanh(x),
  softmax: (x) => softmax(x, -1),
  elu: (x) => elu(x),
  selu: (x) => selu(x),
  gelu: (x) => gelu(x),
  softplus: (x) => softplus(x),
  silu: (x) => silu(x),
  swish: (x) => silu(x),
  relu6: (x) => relu6(x),
  leakyRelu: (x) => leakyRelu(x, 0.2),
  // tfjs's and Keras 2's form, clip(0.2·x + 0.5, 0, 1): the default recurrent activation of tfjs LSTM/GRU models.
  hardSigmoid: (x) => clipByValue(add(mul(x, 0.2), 0.5), 0, 1),
};

export const activationNames = Object.keys(activations) as ActivationName[];

/** Resolves an activation name (or passes a function through); `context` names the caller in errors. */
export function getActivation(identifier: ActivationName | ActivationFunction, context: string): ActivationFunction {
  if (typeof identifier === 'function') return identifier;
  const activation = Object.hasOwn(activations, identifier) ? activations[identifier] : undefined;
  if (activation === undefined) {
    throw new InvalidArgumentError(
      `${context}: unknown activation '${String(identifier)}', expected one of ${activationNames.join(', ')} or a function`,
    );
  }
  return activation;
}
