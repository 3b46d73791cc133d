import type { KernelFunction } from '../../../backend/backend-definition';
import { broadcastShapes } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { runBinaryLoop } from './binary-block';
import { FLOAT_BINARY_LOOPS, INTEGER_BINARY_LOOPS } from './binary-loops';

/** Element-wise arithmetic with NumPy broadcasting; both inputs share the output's dtype (float32 or int32). */
export function createBinaryKernel(storage: CpuStorage): KernelFunction<'binary'> {
  return ({ a, b }, { op }) => {
    const outputShape = broadcastShapes(a.shape, b.shape, op);
    const output = storage.allocate(outputShape, a.dtype);
    const loop = a.dtype === 'float32' ? FLOAT_BINARY_LOOPS[op] : INTEGER_BINARY_LOOPS[op];
    runBinaryLoop(loop, output.values, storage.values(a), a.shape, storage.values(b), b.shape, outputShape);
    return output.info;
  };
}
