import type { BinaryOp, CompareOp, LogicalOp } from '../../backend/kernel-specs';
import { upcastDType } from '../../dtype';
import { ENGINE } from '../../engine/engine';
import { DTypeError } from '../../errors';
import type { Tensor } from '../../tensor';
import { broadcastShapes } from '../../util/shape';
import type { TensorLike } from '../tensor-like';
import { runComposed } from './run-composed';
import { toTensor } from './to-tensor';

function operands(aValue: Tensor | TensorLike, bValue: Tensor | TensorLike, opName: string): [Tensor, Tensor] {
  const aHint =
    typeof aValue === 'object' && aValue !== null && 'dtype' in aValue ? (aValue as Tensor).dtype : undefined;
  const bHint =
    typeof bValue === 'object' && bValue !== null && 'dtype' in bValue ? (bValue as Tensor).dtype : undefined;
  const a = toTensor(aValue, 'a', opName, bHint);
  const b = toTensor(bValue, 'b', opName, aHint ?? a.dtype);
  broadcastShapes(a.shape, b.shape, opName);
  return [a, b];
}

function castIfNeeded(x: Tensor, dtype: Tensor['dtype']): Tensor {
  return x.dtype === dtype ? x : ENGINE.runKernel('cast', { x }, { dtype });
}

/** Arithmetic on two tensors: both are brought to their common dtype first (bool counts as int32 here). */
export function runBinary(
  op: BinaryOp,
  aValue: Tensor | TensorLike,
  bValue: Tensor | TensorLike,
  opName: string = op,
): Tensor {
  return runComposed(() => {
    const [a, b] = operands(aValue, bValue, opName);
    let dtype = upcastDType(a.dtype, b.dtype);
    if (dtype === 'bool') dtype = 'int32';
    return ENGINE.runKernel('binary', { a: castIfNeeded(a, dtype), b: castIfNeeded(b, dtype) }, { op });
  });
}

export function runCompare(
  op: CompareOp,
  aValue: Tensor | TensorLike,
  bValue: Tensor | TensorLike,
  opName: string = op,
): Tensor {
  return runComposed(() => {
    const [a, b] = operands(aValue, bValue, opName);
    const dtype = upcastDType(a.dtype, b.dtype);
    return ENGINE.runKernel('compare', { a: castIfNeeded(a, dtype), b: castIfNeeded(b, dtype) }, { op });
  });
}

export function runLogical(
  op: LogicalOp,
  aValue: Tensor | TensorLike,
  bValue: Tensor | TensorLike,
  opName: string,
): Tensor {
  return runComposed(() => {
    const [a, b] = operands(aValue, bValue, opName);
    if (a.dtype !== 'bool' || b.dtype !== 'bool') {
      throw new DTypeError(`${opName}: expected two bool tensors, got a=${a.dtype} b=${b.dtype}`);
    }
    return ENGINE.runKernel('logical', { a, b }, { op });
  });
}
