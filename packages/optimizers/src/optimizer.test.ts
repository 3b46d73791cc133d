import {
  InvalidArgumentError,
  memory,
  registeredVariables,
  ShapeError,
  square,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  type Variable,
  variable,
} from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { cosineDecay } from './cosine-decay';
import { createOptimizer, type OptimizerName } from './create-optimizer';
import type { Optimizer } from './optimizer';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

let nameCounter = 0;
const freshName = (label: string) => `${label}_${nameCounter++}`;

function makeVariable(values: number[], label: string): Variable {
  return tidy(() => variable(tensor(values), { name: freshName(label) }));
}

/** A small least-squares problem: the loss depends on the variable so every optimizer moves it. */
function lossFor(target: Variable): () => Tensor {
  return () => sum(square(sub(target, tensor([1, -2, 3]))));
}

const allNames: OptimizerName[] = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad', 'adadelta', 'adamax'];
const stateOptions = { sgd: { momentum: 0.9, nesterov: true }, rmsprop: { centered: true, momentum: 0.5 } };

describe('Optimizer.step and minimize', () => {
  it('resolves Record gradients by variable name and lowers the loss', () => {
    const target = makeVariable([0, 0, 0], 'record');
    const optimizer = adam({ learningRate: 0.1 });
    const first = optimizer.minimize(lossFor(target), [target]);
    let last = first;
    for (let step = 0; step < 50; step++) {
      last.dispose();
      last = optimizer.minimize(lossFor(target), [target]);
    }
    expect(last.dataSync()[0]).toBeLessThan(14 / 4);
    expect(optimizer.iterations).toBe(51);
    last.dispose();
    optimizer.dispose();
    target.dispose();
  });

  it('names an unknown variable and a mismatched gradient shape', () => {
    const target = makeVariable([0, 0], 'shape');
    const optimizer = sgd();
    const gradient = tensor([1, 2, 3]);
    expect(() => optimizer.step({ no_such_variable: gradient })).toThrow(
      /sgd\.step: got a gradient for 'no_such_variable', but no live variable has that name/,
    );
    expect(() => optimizer.step({ [target.name]: gradient })).toThrow(ShapeError);
    gradient.dispose();
    target.dispose();
  });

  it('creates slots as non-trainable variables named after the variable and frees them on dispose', () => {
    const target = makeVariable([1, 2, 3], 'slots');
    const optimizer = adam({ amsgrad: true });
    const loss = optimizer.minimize(lossFor(target), [target]);
    loss.dispose();
    const slotNames = registeredVariables()
      .map((candidate) => candidate.name)
      .filter((name) => name.startsWith(`${target.name}/`));
    expect(slotNames.sort()).toEqual([`${target.name}/m`, `${target.name}/v`, `${target.name}/vhat`]);
    expect(registeredVariables().find((candidate) => candidate.name === `${target.name}/m`)?.trainable).toBe(false);
    optimizer.dispose();
    expect(registeredVariables().some((candidate) => candidate.name.startsWith(`${target.name}/`))).toBe(false);
    target.dispose();
  });

  it('gives a second optimizer on the same variable its own slot names', () => {
    const target = makeVariable([1, 2, 3], 'shared');
    const first = sgd({ momentum: 0.5 });
    const second = sgd({ momentum: 0.5 });
    first.minimize(lossFor(target), [target]).dispose();
    second.minimize(lossFor(target), [target]).dispose();
    const names = registeredVariables().map((candidate) => candidate.name);
    expect(names).toContain(`${target.name}/momentum`);
    expect(names).toContain(`${target.name}/momentum_1`);
    first.dispose();
    second.dispose();
    target.dispose();
  });

  for (const name of allNames) {
    it(`${name}: memory stays flat over 100 steps`, () => {
      const target = makeVariable([0.5, -0.5, 2], 'memory');
      const optimizer = createOptimizer(name, { learningRate: 0.01, globalClipNorm: 1 });
      optimizer.minimize(lossFor(target), [target]).dispose();
      const afterFirst = memory().numTensors;
      for (let step = 0; step < 100; step++) optimizer.minimize(lossFor(target), [target]).dispose();
      expect(memory().numTensors).toBe(afterFirst);
      optimizer.dispose();
      target.dispose();
    });
  }
});

describe('getState / setState', () => {
  for (const name of allNames) {
    it(`${name}: a restored optimizer continues exactly like an uninterrupted one`, async () => {
      const options = { learningRate: 0.05, ...(stateOptions as Record<string, object>)[name] };
      const uninterrupted = makeVariable([0.5, -0.5, 2], 'straight');
      const resumed = makeVariable([0.5, -0.5, 2], 'resumed');
      const straight = createOptimizer(name, options);
      const first = createOptimizer(name, options);
      for (let step = 0; step < 10; step++) {
        straight.minimize(lossFor(uninterrupted), [uninterrupted]).dispose();
        first.minimize(lossFor(resumed), [resumed]).dispose();
      }
      // A JSON round trip proves the state is plain data.
      const state = JSON.parse(JSON.stringify(await first.getState()));
      first.dispose();
      const second: Optimizer = createOptimizer(name, options);
      // Slots are keyed by variable name, so the resumed run must use the same variable.
      await second.setState(state);
      expect(second.iterations).toBe(10);
      for (let step = 0; step < 10; step++) {
        straight.minimize(lossFor(uninterrupted), [uninterrupted]).dispose();
        second.minimize(lossFor(resumed), [resumed]).dispose();
      }
      expect(Array.from(await resumed.data())).toEqual(Array.from(await uninterrupted.data()));
      for (const item of [straight, second, uninterrupted, resumed]) item.dispose();
    });
  }

  it('keeps the schedule position across a restore', async () => {
    const schedule = cosineDecay({ initialLearningRate: 0.1, decaySteps: 10 });
    const optimizer = rmsprop({ learningRate: schedule });
    await optimizer.setState({ name: 'rmsprop', config: {}, iterations: 5, slots: {} });
    expect(optimizer.currentLearningRate()).toBeCloseTo(schedule(5), 12);
    expect(optimizer.getConfig().learningRate).toBeCloseTo(0.05, 12);
  });

  it('rejects a state for another optimizer or with the wrong number of values', async () => {
    await expect(adam().setState({ name: 'sgd', config: {}, iterations: 0, slots: {} })).rejects.toThrow(
      /adam\.setState: state is for optimizer 'sgd', this is 'adam'/,
    );
    await expect(
      adam().setState({ name: 'adam', config: {}, iterations: 1, slots: { 'w/m': { shape: [2], values: [1] } } }),
    ).rejects.toThrow(ShapeError);
  });
});

describe('configuration', () => {
  it('reports its hyperparameters', () => {
    expect(createOptimizer('adamw', { learningRate: 0.01, clipNorm: 2 }).getConfig()).toEqual({
      learningRate: 0.01,
      clipNorm: 2,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
      amsgrad: false,
      weightDecay: 0.01,
    });
  });

  it('rejects bad values with the function, the expectation and what arrived', () => {
    expect(() => sgd({ learningRate: -0.1 })).toThrow(/sgd: learningRate must be a finite number >= 0, got -0.1/);
    expect(() => adam({ beta1: 1 })).toThrow(/adam: beta1 must be in \[0, 1\), got 1/);
    expect(() => adam({ beta2: -0.5 })).toThrow(InvalidArgumentError);
    expect(() => createOptimizer('adamw', { weightDecay: Number.NaN })).toThrow(/adamw: weightDecay/);
    expect(() => rmsprop({ rho: 1.5 })).toThrow(/rmsprop: rho must be in \[0, 1\], got 1.5/);
    expect(() => createOptimizer('lion' as OptimizerName)).toThrow(/createOptimizer: name must be one of sgd, adam/);
  });

  it('rejects a schedule that returns a negative rate at step time', () => {
    const target = makeVariable([1], 'schedule');
    const optimizer = sgd({ learningRate: () => -1 });
    const gradient = tensor([1]);
    expect(() => optimizer.step(new Map([[target, gradient]]))).toThrow(InvalidArgumentError);
    gradient.dispose();
    target.dispose();
  });
});
