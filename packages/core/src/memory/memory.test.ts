import { describe, expect, it } from 'vitest';
import { add } from '../ops/add';
import { cast } from '../ops/cast';
import { reshape } from '../ops/reshape';
import { tensor } from '../ops/tensor';
import { variable } from '../ops/variable';
import { zeros } from '../ops/zeros';
import { memory } from './memory';

describe('memory()', () => {
  it('counts a new tensor, its buffer and its bytes exactly', () => {
    const before = memory();
    const x = tensor([1, 2, 3, 4, 5], [5]);
    const after = memory();
    expect(after.numTensors - before.numTensors).toBe(1);
    expect(after.numDataBuffers - before.numDataBuffers).toBe(1);
    expect(after.numBytes - before.numBytes).toBe(20);
    x.dispose();
    expect(memory()).toEqual(before);
  });

  it('counts one byte per bool element and four per int32', () => {
    const before = memory().numBytes;
    const flags = tensor([true, false, true]);
    expect(memory().numBytes - before).toBe(3);
    const integers = cast(flags, 'int32');
    expect(memory().numBytes - before).toBe(3 + 12);
    flags.dispose();
    integers.dispose();
    expect(memory().numBytes).toBe(before);
  });

  it('reshape shares the buffer: one more tensor, no more buffers or bytes', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const before = memory();
    const y = reshape(x, [3, 2]);
    const after = memory();
    expect(after.numTensors).toBe(before.numTensors + 1);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
    expect(after.numBytes).toBe(before.numBytes);
    // The buffer lives while either tensor does.
    x.dispose();
    expect(memory().numDataBuffers).toBe(before.numDataBuffers);
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    y.dispose();
    expect(memory().numDataBuffers).toBe(before.numDataBuffers - 1);
    expect(memory().numBytes).toBe(before.numBytes - 24);
  });

  it('agrees with what the backend storage reports', () => {
    const before = memory();
    const a = zeros([10, 10]);
    const b = add(a, a);
    const after = memory();
    expect(after.backend.name).toBe('cpu');
    expect(after.backend.numBuffers - before.backend.numBuffers).toBe(after.numDataBuffers - before.numDataBuffers);
    expect(after.backend.numBytes - before.backend.numBytes).toBe(after.numBytes - before.numBytes);
    expect(after.numBytes - before.numBytes).toBe(800);
    a.dispose();
    b.dispose();
    expect(memory()).toEqual(before);
  });

  it('counts a variable as a tensor and frees everything when it is disposed', () => {
    const before = memory();
    const v = variable(tensor([1, 2, 3]), { name: 'memory-test-variable' });
    // The initial tensor is still alive here (the caller owns it); the variable shares its buffer.
    expect(memory().numDataBuffers).toBe(before.numDataBuffers + 1);
    v.assign(tensor([4, 5, 6]));
    v.dispose();
    const after = memory();
    // Left: the two tensors passed in, each with its own buffer.
    expect(after.numTensors).toBe(before.numTensors + 2);
    expect(after.numDataBuffers).toBe(before.numDataBuffers + 2);
  });
});
