import { describe, expect, it } from 'vitest';
import { REQUIRED_KERNELS } from '../../backend/kernel-specs';
import { fillRandomBits } from '../../random/philox';
import { createCpuBackend } from './create-cpu-backend';
import { createKernelHarness } from './kernels/kernel-test-harness';

const harness = createKernelHarness();

describe('createRequiredKernels', () => {
  it('provides every required kernel', () => {
    const backend = createCpuBackend();
    for (const name of REQUIRED_KERNELS) expect(typeof backend.kernels[name], name).toBe('function');
  });
});

describe('fill kernel', () => {
  it('fills each dtype, converting the value like a cast', () => {
    const read = (shape: number[], value: number, dtype: 'float32' | 'int32' | 'bool') => {
      const output = harness.run('fill', {}, { shape, value, dtype });
      expect(output).toMatchObject({ shape, dtype });
      return harness.read(output);
    };
    expect(read([2, 2], 1.5, 'float32')).toEqual([1.5, 1.5, 1.5, 1.5]);
    expect(read([3], -2.7, 'int32')).toEqual([-2, -2, -2]);
    expect(read([2], 3, 'bool')).toEqual([1, 1]);
    expect(read([2], 0, 'bool')).toEqual([0, 0]);
    expect(read([], 7, 'float32')).toEqual([7]);
    expect(read([0, 5], 7, 'float32')).toEqual([]);
    expect(Object.is(read([1], -0, 'float32')[0], -0)).toBe(true);
    expect(read([1], Number.NaN, 'float32')).toEqual([Number.NaN]);
  });
});

describe('randomBits kernel', () => {
  it('writes the philox stream for the key and counter in the given shape', () => {
    const output = harness.run('randomBits', {}, { shape: [3, 5], key: [123, 456], counter: [7, 1] });
    expect(output).toMatchObject({ shape: [3, 5], dtype: 'int32' });
    const expected = new Int32Array(15);
    fillRandomBits(expected, [123, 456], [7, 1]);
    expect(harness.read(output)).toEqual(Array.from(expected));
  });

  it('gives different bits for different keys and counters, and the same for the same', () => {
    const bits = (key: [number, number], counter: [number, number]) =>
      harness.read(harness.run('randomBits', {}, { shape: [8], key, counter }));
    expect(bits([1, 0], [0, 0])).toEqual(bits([1, 0], [0, 0]));
    expect(bits([1, 0], [0, 0])).not.toEqual(bits([2, 0], [0, 0]));
    expect(bits([1, 0], [0, 0])).not.toEqual(bits([1, 0], [2, 0]));
    // Advancing the counter by one block shifts the stream by four elements.
    expect(bits([1, 0], [0, 0]).slice(4)).toEqual(bits([1, 0], [1, 0]).slice(0, 4));
  });
});

describe('reshape kernel', () => {
  it('shares the buffer instead of copying', () => {
    const x = harness.input([1, 2, 3, 4, 5, 6], [2, 3], 'int32');
    const before = harness.liveBuffers();
    const output = harness.run('reshape', { x }, { shape: [3, 2] });
    expect(harness.liveBuffers()).toBe(before);
    expect(output).toEqual({ dataId: x.dataId, shape: [3, 2], dtype: 'int32' });
    expect(harness.read(output)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
