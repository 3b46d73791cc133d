import type { KernelFunction } from '../../../backend/backend-definition';
import { sizeFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { copyRun } from './copy-run';

/**
 * Picks slices of `x` along `axis`: with x as [outer, axisSize, inner] and n indices, the output is
 * [outer, n, inner] (shaped x.shape[:axis] + indices.shape + x.shape[axis+1:]). The op layer checks the indices;
 * one that is out of range anyway (unchecked on another path) leaves its slice zero instead of reading garbage.
 */
export function createGatherKernel(storage: CpuStorage): KernelFunction<'gather'> {
  return ({ x, indices }, { axis }) => {
    const outputShape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
    const output = storage.allocate(outputShape, x.dtype);
    if (output.values.length === 0) return output.info;
    const input = storage.values(x);
    const positions = storage.values(indices) as Int32Array;
    const outer = sizeFromShape(x.shape.slice(0, axis));
    const axisSize = x.shape[axis];
    const inner = sizeFromShape(x.shape.slice(axis + 1));
    const count = positions.length;
    const out = output.values;
    for (let block = 0; block < outer; block++) {
      const inputBase = block * axisSize;
      const outputBase = block * count;
      if (inner === 1) {
        for (let entry = 0; entry < count; entry++) {
          const position = positions[entry];
          if (position >= 0 && position < axisSize) out[outputBase + entry] = input[inputBase + position];
        }
        continue;
      }
      for (let entry = 0; entry < count; entry++) {
        const position = positions[entry];
        if (position < 0 || position >= axisSize) continue;
        copyRun(out, (outputBase + entry) * inner, input, (inputBase + position) * inner, inner);
      }
    }
    return output.info;
  };
}
