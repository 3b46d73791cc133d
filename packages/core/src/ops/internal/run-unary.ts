import type { UnaryOp } from '../../backend/kernel-specs';
import { ENGINE } from '../../engine/engine';
import { DTypeError } from '../../errors';
import type { Tensor } from '../../tensor';
import type { TensorLike } from '../tensor-like';
import { runComposed } from './run-composed';
import { toTensor } from './to-tensor';

/** Ops that keep int32 as int32; every other numeric op works in float32 and converts int32/bool inputs. */
const INTEGER_PRESERVING: ReadonlySet<UnaryOp> = new Set<UnaryOp>(['neg', 'abs', 'sign', 'square', 'relu']);

/** Runs one element-wise kernel after the dtype rules: casts int/bool to float32 for float math, bool only for logicalNot. */
export function runUnary(op: UnaryOp, value: Tensor | TensorLike, opName: string = op): Tensor {
  return runComposed(() => {
    let x = toTensor(value, 'x', opName);
    if (op === 'logicalNot') {
      if (x.dtype !== 'bool') throw new DTypeError(`${opName}: expected a bool tensor, got ${x.dtype}`);
      return ENGINE.runKernel('unary', { x }, { op });
    }
    if (x.dtype === 'bool') {
      throw new DTypeError(`${opName}: expected a float32 or int32 tensor, got bool (cast it first)`);
    }
    if (x.dtype === 'int32') {
      if (op === 'isNaN' || op === 'isFinite') return ENGINE.runKernel('unary', { x: castTo(x) }, { op });
      if (!INTEGER_PRESERVING.has(op)) x = castTo(x);
    }
    return ENGINE.runKernel('unary', { x }, { op });
  });
}

function castTo(x: Tensor): Tensor {
  return ENGINE.runKernel('cast', { x }, { dtype: 'float32' });
}
