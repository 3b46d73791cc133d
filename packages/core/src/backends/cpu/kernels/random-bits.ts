import type { KernelFunction } from '../../../backend/backend-definition';
import { fillRandomBits } from '../../../random/philox';
import type { CpuStorage } from '../cpu-storage';

/** Philox 4x32-10 bits in the stream layout defined in random/philox.ts, as int32 with the uint32 bits. */
export function createRandomBitsKernel(storage: CpuStorage): KernelFunction<'randomBits'> {
  return (_inputs, { shape, key, counter }) => {
    const output = storage.allocate(shape, 'int32');
    fillRandomBits(output.values, key, counter);
    return output.info;
  };
}
