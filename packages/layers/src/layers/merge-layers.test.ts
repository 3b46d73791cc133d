import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, memory, ShapeError, type Tensor, tensor, tidy } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { input as symbolicInput } from '../functional/input';
import { Add } from './add-layer';
import { Concatenate } from './concatenate';
import { expectClose, expectGradientsMatchFiniteDifferences, randomValues } from './layer-test-helpers';
import type { MergeLayer } from './merge-layer';
import { Multiply } from './multiply-layer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const size = (shape: readonly number[]) => shape.reduce((product, length) => product * length, 1);

/** Compares a merge layer applied to a list against tfjs, then checks the gradient w.r.t. every input. */
function expectMergeMatches(makeLayer: () => MergeLayer, reference: tf.layers.Layer, shapes: number[][]): void {
  const values = shapes.map((shape) => randomValues(size(shape), 2));
  const inputs = values.map((value, index) => tensor(value, shapes[index]));
  const expected = reference.apply(values.map((value, index) => tf.tensor(value, shapes[index]))) as tf.Tensor;
  const layer = makeLayer();
  expectClose(layer.apply(inputs), expected);
  expect(layer.outputShapeFor(shapes.map((shape) => [null, ...shape.slice(1)]))).toEqual([
    null,
    ...expected.shape.slice(1),
  ]);
  expectGradientsMatchFiniteDifferences((tensors) => makeLayer().apply(tensors), inputs, [], { tolerance: 1e-2 });
}

describe('Add, Multiply', () => {
  for (const shapes of [
    [
      [2, 3],
      [2, 3],
    ],
    [
      [2, 3, 4],
      [2, 3, 4],
      [2, 3, 4],
    ],
  ]) {
    it(`match tf.layers.add and tf.layers.multiply on ${shapes.length} inputs of shape ${JSON.stringify(shapes[0])}`, () => {
      expectMergeMatches(() => new Add(), tf.layers.add({}), shapes);
      expectMergeMatches(() => new Multiply(), tf.layers.multiply({}), shapes);
    });
  }

  it('reject a single input, different shapes, and inputs differing from the built shapes', () => {
    const first = tensor(randomValues(6), [2, 3]);
    expect(() => new Add().apply(first)).toThrow(InvalidArgumentError);
    expect(() => new Add().apply([first])).toThrow(/Add \(add_\d+\): expected a list of at least 2 inputs, got 1/);
    expect(() => new Multiply().apply([first, tensor(randomValues(8), [2, 4])])).toThrow(ShapeError);
    expect(() => new Multiply().apply([first, tensor(randomValues(8), [2, 4])])).toThrow(
      /Multiply \(multiply_\d+\): inputs must have the same shape \(batch axis aside\), got \[2,3\], \[2,4\]/,
    );
    const layer = new Add();
    layer.apply([first, first]).dispose();
    expect(() => layer.apply([tensor(randomValues(4), [2, 2]), tensor(randomValues(4), [2, 2])])).toThrow(ShapeError);
    // Inputs with different batch sizes are the caller's problem only at run time: the shapes agree symbolically.
    expect(
      layer.outputShapeFor([
        [null, 3],
        [4, 3],
      ]),
    ).toEqual([4, 3]);
  });
});

describe('Concatenate', () => {
  const cases: Array<{ axis: number; shapes: number[][] }> = [
    {
      axis: -1,
      shapes: [
        [2, 3],
        [2, 1],
        [2, 4],
      ],
    },
    {
      axis: 1,
      shapes: [
        [2, 1, 3],
        [2, 2, 3],
      ],
    },
    {
      axis: 2,
      shapes: [
        [1, 2, 2, 2],
        [1, 2, 3, 2],
        [1, 2, 1, 2],
      ],
    },
  ];
  for (const { axis, shapes } of cases) {
    it(`matches tf.layers.concatenate on axis ${axis} with ${shapes.length} inputs`, () => {
      expectMergeMatches(() => new Concatenate({ axis }), tf.layers.concatenate({ axis }), shapes);
    });
  }

  it('works on symbolic inputs and reports unknown sizes as null', () => {
    const left = symbolicInput({ shape: [3] });
    const right = symbolicInput({ shape: [5] });
    const output = new Concatenate().apply([left, right]);
    expect(output.shape).toEqual([null, 8]);
    expect(
      new Concatenate({ axis: 1 }).outputShapeFor([
        [null, null, 2],
        [null, 3, 2],
      ]),
    ).toEqual([null, null, 2]);
  });

  it('round-trips its config and rejects bad options and shapes', () => {
    const layer = new Concatenate({ axis: 1 });
    expect(layer.getConfig()).toMatchObject({ axis: 1 });
    expect(new Concatenate(layer.getConfig() as never).getConfig()).toEqual(layer.getConfig());
    expect(new Add(new Add().getConfig() as never).className).toBe('Add');
    expect(() => new Concatenate({ axis: 1.5 })).toThrow(/Concatenate: axis must be an integer, got 1.5/);
    const shapes = [
      [2, 3, 4],
      [2, 2, 4],
    ];
    const inputs = shapes.map((shape) => tensor(randomValues(size(shape)), shape));
    expect(() => new Concatenate({ axis: 2 }).apply(inputs)).toThrow(
      /Concatenate \(concatenate_\d+\): inputs must match on every axis but 2, got \[2,3,4\], \[2,2,4\]/,
    );
    expect(() => new Concatenate({ axis: 0 }).apply(inputs)).toThrow(/axis 0 must be a non-batch axis/);
    expect(() => new Concatenate().apply([inputs[0], tensor(randomValues(6), [2, 3])])).toThrow(
      /inputs must have the same rank/,
    );
  });

  it('leaks no tensors across repeated calls', () => {
    const layers: MergeLayer[] = [new Add(), new Multiply(), new Concatenate()];
    const inputs: Tensor[] = [tensor(randomValues(6), [2, 3]), tensor(randomValues(6), [2, 3])];
    const run = () => {
      for (const layer of layers) tidy(() => layer.apply(inputs)).dispose();
    };
    run();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) run();
    expect(memory().numTensors).toBe(before);
  });
});
