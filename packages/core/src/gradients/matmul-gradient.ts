import { matmul } from '../ops/matmul';
import type { Tensor } from '../tensor';
import type { GradientRule } from './gradient-rule';
import { reduceToShape } from './reduce-to-shape';

/** Gradients of a·b for each transpose combination; batch broadcasting is summed back per operand. */
export function matmulOperandGradients(
  dy: Tensor,
  a: Tensor,
  b: Tensor,
  transposeA: boolean,
  transposeB: boolean,
): { a: Tensor; b: Tensor } {
  let gradientA: Tensor;
  let gradientB: Tensor;
  if (!transposeA && !transposeB) {
    gradientA = matmul(dy, b, { transposeB: true });
    gradientB = matmul(a, dy, { transposeA: true });
  } else if (!transposeA && transposeB) {
    gradientA = matmul(dy, b);
    gradientB = matmul(dy, a, { transposeA: true });
  } else if (transposeA && !transposeB) {
    gradientA = matmul(b, dy, { transposeB: true });
    gradientB = matmul(a, dy);
  } else {
    gradientA = matmul(b, dy, { transposeA: true, transposeB: true });
    gradientB = matmul(dy, a, { transposeA: true, transposeB: true });
  }
  return { a: reduceToShape(gradientA, a.shape), b: reduceToShape(gradientB, b.shape) };
}

export const matmulGradient: GradientRule<'matmul'> = (dy, { inputs, attributes }) =>
  inputs.a.dtype === 'float32'
    ? matmulOperandGradients(dy, inputs.a, inputs.b, attributes.transposeA, attributes.transposeB)
    : {};
