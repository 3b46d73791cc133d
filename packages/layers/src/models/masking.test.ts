import { memory, type Tensor, tensor, tidy } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { input } from '../functional/input';
import { type CallOptions, Layer } from '../layer';
import { Dense } from '../layers/dense';
import { Dropout } from '../layers/dropout-layer';
import { Embedding } from '../layers/embedding';
import { Flatten } from '../layers/flatten';
import { Masking } from '../layers/masking-layer';
import { Model } from './model';
import { Sequential } from './sequential';

/** Records the mask it is called with, as a recurrent layer would read it. */
class MaskRecorder extends Layer {
  seen: number[][] | undefined;
  constructor() {
    super('mask_recorder');
  }
  get className(): string {
    return 'MaskRecorder';
  }
  override call(input: Tensor, options: CallOptions): Tensor {
    this.seen =
      options.mask === undefined ? undefined : (options.mask.arraySync() as number[][]).map((row) => row.map(Number));
    return input.clone();
  }
}

describe('mask propagation', () => {
  it('carries Embedding({ maskZero }) masks through Dense and Dropout to the layer that reads them (Sequential)', () => {
    const recorder = new MaskRecorder();
    const model = new Sequential([
      new Embedding({ inputDim: 10, outputDim: 3, maskZero: true }),
      new Dense({ units: 4 }),
      new Dropout({ rate: 0.5 }),
      recorder,
    ]);
    const ids = tensor(
      [
        [3, 4, 0, 0],
        [1, 0, 2, 0],
      ],
      [2, 4],
      'int32',
    );
    tidy(() => model.apply(ids, { training: true }));
    expect(recorder.seen).toEqual([
      [1, 1, 0, 0],
      [1, 0, 1, 0],
    ]);
    ids.dispose();
    model.dispose();
  });

  it('Masking marks all-equal steps, zeroes them, and the mask stops at layers that do not support it (Model)', () => {
    const before = memory().numTensors;
    const steps = input({ shape: [3, 2] });
    const afterMask = new MaskRecorder();
    const afterFlatten = new MaskRecorder();
    const masked = afterMask.apply(new Masking({ maskValue: -1 }).apply(steps));
    const output = afterFlatten.apply(new Flatten().apply(masked));
    const model = new Model({ inputs: steps, outputs: output });
    const x = tensor([
      [
        [1, 2],
        [-1, -1],
        [-1, 5],
      ],
    ]);
    const result = model.predict(x) as Tensor;
    expect(afterMask.seen).toEqual([[1, 0, 1]]);
    expect(afterFlatten.seen).toBeUndefined();
    expect(Array.from(result.dataSync())).toEqual([1, 2, 0, 0, -1, 5]);
    result.dispose();
    x.dispose();
    model.dispose();
    expect(memory().numTensors).toBe(before);
  });
});
