import { add } from '../ops/add';
import { matmul } from '../ops/matmul';
import { relu } from '../ops/relu';
import { sigmoid } from '../ops/sigmoid';
import { tanh } from '../ops/tanh';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

export function fusedMatmulComposite(...[inputs, attributes]: Parameters<CompositeFunction<'fusedMatmul'>>): Tensor {
  const product = matmul(inputs.a, inputs.b, attributes);
  const biased = add(product, inputs.bias);
  switch (attributes.activation) {
    case 'relu':
      return relu(biased);
    case 'sigmoid':
      return sigmoid(biased);
    case 'tanh':
      return tanh(biased);
    default:
      return biased;
  }
}
