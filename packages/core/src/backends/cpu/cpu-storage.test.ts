import { describe, expect, it } from 'vitest';
import { CpuStorage } from './cpu-storage';

describe('CpuStorage reuse of freed arrays', () => {
  it('hands a freed large array back, zero-filled, for the next output of the same dtype and length', () => {
    const storage = new CpuStorage();
    const first = storage.allocate([64, 32], 'float32');
    first.values.fill(7);
    storage.dispose(first.info.dataId);
    const second = storage.allocate([32, 64], 'float32');
    expect(second.values).toBe(first.values);
    expect(second.values.every((value) => value === 0)).toBe(true);
    // A different dtype or length gets a new array.
    storage.dispose(second.info.dataId);
    expect(storage.allocate([2048], 'int32').values).not.toBe(first.values);
    expect(storage.allocate([2049], 'float32').values).not.toBe(first.values);
  });

  it("skips the zero fill for outputs whose kernel overwrites every element ('overwritten')", () => {
    const storage = new CpuStorage();
    const first = storage.allocate([4096], 'float32');
    first.values.fill(7);
    storage.dispose(first.info.dataId);
    const second = storage.allocate([4096], 'float32', 'overwritten');
    expect(second.values).toBe(first.values);
    expect(second.values[4095]).toBe(7);
  });

  it('copies written values into a reused array, and later changes to the source do not leak in', () => {
    const storage = new CpuStorage();
    const freed = storage.allocate([4096], 'float32');
    storage.dispose(freed.info.dataId);
    const source = Float32Array.from({ length: 4096 }, (_, index) => index);
    const dataId = storage.write(source, 'float32');
    source[0] = 99;
    const stored = storage.readSync(dataId);
    expect(stored).toBe(freed.values);
    expect(stored[0]).toBe(0);
    expect(stored[4095]).toBe(4095);
  });

  it('does not keep small arrays, counts only live buffers, and forgets everything on release', () => {
    const storage = new CpuStorage();
    const small = storage.allocate([16], 'float32');
    storage.dispose(small.info.dataId);
    expect(storage.allocate([16], 'float32').values).not.toBe(small.values);
    const large = storage.allocate([8192], 'float32');
    storage.dispose(large.info.dataId);
    expect(storage.memory()).toEqual({ numBuffers: 1, numBytes: 64 });
    storage.releaseReusableMemory();
    expect(storage.allocate([8192], 'float32').values).not.toBe(large.values);
  });

  it('still refuses a disposed buffer', () => {
    const storage = new CpuStorage();
    const output = storage.allocate([4096], 'float32');
    storage.dispose(output.info.dataId);
    expect(() => storage.readSync(output.info.dataId)).toThrow(/unknown or already disposed/);
  });
});
