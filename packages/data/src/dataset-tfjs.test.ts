import * as tf from '@tensorflow/tfjs';
import { tensor } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromArray } from './from-array';

// tf.data is the reference for batch, skip, take, repeat and concatenate on the same elements.
describe('Dataset against tf.data', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const rows = Array.from({ length: 11 }, (_, index) => ({ x: [index, index * 0.5, -index], y: index % 3 }));

  it('batches structures of numbers and tensors the same way', async () => {
    const expected = await tf.data
      .array(rows.map((row) => ({ x: tf.tensor(row.x), y: row.y })))
      .batch(4)
      .toArray();
    const actual = await fromArray(rows.map((row) => ({ x: tensor(row.x), y: row.y })))
      .batch(4)
      .toArray();
    expect(actual.length).toBe(expected.length);
    for (const [position, batch] of actual.entries()) {
      const reference = expected[position] as { x: tf.Tensor; y: tf.Tensor };
      expect(batch.x.shape).toEqual(reference.x.shape);
      expect(batch.x.arraySync()).toEqual(reference.x.arraySync());
      expect(batch.y.dtype).toBe(reference.y.dtype);
      expect(batch.y.arraySync()).toEqual(reference.y.arraySync());
      batch.x.dispose();
      batch.y.dispose();
    }
    tf.dispose(expected as tf.TensorContainer);
  });

  it('skip, take, repeat and concatenate select the same elements', async () => {
    const values = Array.from({ length: 9 }, (_, index) => index);
    const expected = await tf.data
      .array(values)
      .skip(2)
      .take(5)
      .repeat(2)
      .concatenate(tf.data.array([100, 101]))
      .toArray();
    const actual = await fromArray(values)
      .skip(2)
      .take(5)
      .repeat(2)
      .concatenate(fromArray([100, 101]))
      .toArray();
    expect(actual).toEqual(expected);
  });
});
