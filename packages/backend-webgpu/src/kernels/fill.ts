import type { KernelFunction } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, elementwiseMain, floatBits } from '../wgsl-helpers';

/**
 * A tensor holding `value` everywhere. The value's 32 bits are computed on the host with the CPU backend's
 * conversions (int32: ToInt32, bool: value !== 0) and stored as is, so -0 and NaN come through exactly.
 */
export function createFillKernel(environment: KernelEnvironment): KernelFunction<'fill'> {
  return (_inputs, { shape, value, dtype }) => {
    const output = environment.storage.allocate(shape, dtype);
    if (output.length === 0) return output.info;
    const bits = dtype === 'float32' ? floatBits(value) : dtype === 'int32' ? value | 0 : value !== 0 ? 1 : 0;
    environment.context().dispatch({
      key: 'fill',
      source: () => `${bindings([], 'u32')}\n${elementwiseMain('  out[index] = params[1];')}`,
      inputs: [],
      output: output.buffer,
      meta: [output.length, bits],
      workgroups: workgroupsFor(output.length),
    });
    return output.info;
  };
}
