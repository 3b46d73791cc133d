import { cast } from '../ops/cast';
import { greater } from '../ops/greater';
import { mul } from '../ops/mul';
import { square } from '../ops/square';
import { sub } from '../ops/sub';
import type { Tensor } from '../tensor';
import type { GradientRule } from './gradient-rule';
import { matmulOperandGradients } from './matmul-gradient';
import { reduceToShape } from './reduce-to-shape';

/** The activation's derivative from its output, then the matmul and bias gradients. */
export const fusedMatmulGradient: GradientRule<'fusedMatmul'> = (dy, { inputs, output, attributes, needsGradient }) => {
  let preActivation: Tensor = dy;
  if (attributes.activation === 'relu') preActivation = mul(dy, cast(greater(output, 0), 'float32'));
  else if (attributes.activation === 'sigmoid') preActivation = mul(dy, mul(output, sub(1, output)));
  else if (attributes.activation === 'tanh') preActivation = mul(dy, sub(1, square(output)));
  const operands = matmulOperandGradients(
    preActivation,
    inputs.a,
    inputs.b,
    attributes.transposeA,
    attributes.transposeB,
    needsGradient?.('a') ?? true,
    needsGradient?.('b') ?? true,
  );
  const bias = (needsGradient?.('bias') ?? true) ? reduceToShape(preActivation, inputs.bias.shape) : undefined;
  return { ...operands, bias };
};
