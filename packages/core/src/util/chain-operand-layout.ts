import { sizeFromShape } from './shape';

/**
 * How an operand of a fused element-wise chain lines up with the chain's output shape: element for element
 * (`full`), one value for all (`scalar`), or its trailing dimensions repeated row after row (`repeated`, a bias).
 * Undefined for any other broadcast, which a chain does not take.
 */
export function chainOperandLayout(
  operandShape: readonly number[],
  shape: readonly number[],
): 'full' | 'scalar' | 'repeated' | undefined {
  const length = sizeFromShape(operandShape);
  const size = sizeFromShape(shape);
  if (length === size) return 'full';
  if (length === 1) return 'scalar';
  const firstKept = operandShape.findIndex((dimension) => dimension !== 1);
  const trailing = operandShape.slice(firstKept);
  if (trailing.length > shape.length) return undefined;
  const outputTrailing = shape.slice(shape.length - trailing.length);
  return trailing.every((dimension, axis) => dimension === outputTrailing[axis]) ? 'repeated' : undefined;
}
