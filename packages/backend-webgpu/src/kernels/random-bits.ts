import type { KernelFunction } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, elementwiseMain } from '../wgsl-helpers';

/*
 * Philox 4x32-10, bit for bit the stream of core's random/philox.ts: one invocation per 4-word block b, counter
 * [lo, hi, 0, 0] with (lo, hi) = the 64-bit (c0 + c1 * 2^32) + b, key [k0, k1] bumped by the Weyl constants between
 * rounds. WGSL has no 64-bit integers, so the high half of each 32x32 product is assembled from 16-bit halves.
 * meta: [blocks, size, k0, k1, c0, c1].
 */
const PHILOX = /* wgsl */ `
fn multiply_high(a: u32, b: u32) -> u32 {
  let a_low = a & 0xffffu;
  let a_high = a >> 16u;
  let b_low = b & 0xffffu;
  let b_high = b >> 16u;
  let low_low = a_low * b_low;
  let low_high = a_low * b_high;
  let high_low = a_high * b_low;
  let carry = ((low_low >> 16u) + (low_high & 0xffffu) + (high_low & 0xffffu)) >> 16u;
  return a_high * b_high + (low_high >> 16u) + (high_low >> 16u) + carry;
}
`;

const BODY = /* wgsl */ `
  let block = index;
  let low = params[4] + block;
  let high = params[5] + select(0u, 1u, low < block);
  var x = vec4u(low, high, 0u, 0u);
  var k0 = params[2];
  var k1 = params[3];
  for (var step = 0u; step < 10u; step++) {
    let high0 = multiply_high(0xd2511f53u, x.x);
    let low0 = 0xd2511f53u * x.x;
    let high1 = multiply_high(0xcd9e8d57u, x.z);
    let low1 = 0xcd9e8d57u * x.z;
    x = vec4u(high1 ^ x.y ^ k0, low1, high0 ^ x.w ^ k1, low0);
    k0 = k0 + 0x9e3779b9u;
    k1 = k1 + 0xbb67ae85u;
  }
  let size = params[1];
  let first = block * 4u;
  for (var word = 0u; word < 4u; word++) {
    if (first + word < size) { out[first + word] = x[word]; }
  }`;

export function createRandomBitsKernel(environment: KernelEnvironment): KernelFunction<'randomBits'> {
  return (_inputs, { shape, key, counter }) => {
    const output = environment.storage.allocate(shape, 'int32');
    if (output.length === 0) return output.info;
    const blocks = Math.ceil(output.length / 4);
    environment.context().dispatch({
      key: 'randomBits',
      source: () => `${bindings([], 'u32')}\n${PHILOX}\n${elementwiseMain(BODY)}`,
      inputs: [],
      output: output.buffer,
      meta: [blocks, output.length, key[0], key[1], counter[0], counter[1]],
      workgroups: workgroupsFor(blocks),
    });
    return output.info;
  };
}
