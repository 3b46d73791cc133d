import { add } from '../ops/add';
import { div } from '../ops/div';
import { mul } from '../ops/mul';
import { sqrt } from '../ops/sqrt';
import { square } from '../ops/square';
import { sub } from '../ops/sub';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** The adamUpdate kernel op by op, in the kernel's order of operations, so that both round alike. */
export function adamUpdateComposite(
  ...[inputs, attributes]: Parameters<CompositeFunction<'adamUpdate'>>
): [Tensor, Tensor, Tensor] {
  const { variable, gradient, firstMoment, secondMoment } = inputs;
  const { beta1, beta2, epsilon, stepSize, secondCorrection } = attributes;
  const newFirst = add(mul(firstMoment, beta1), mul(gradient, 1 - beta1));
  const newSecond = add(mul(secondMoment, beta2), mul(square(gradient), 1 - beta2));
  const denominator = add(sqrt(div(newSecond, secondCorrection)), epsilon);
  const newVariable = sub(variable, div(mul(newFirst, stepSize), denominator));
  return [newVariable, newFirst, newSecond];
}
