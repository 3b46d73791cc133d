import { dispose, type Tensor, tensor, tidy, type Variable, variable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { adadelta } from './adadelta';
import { adam } from './adam';
import { adamw } from './adamw';
import { exponentialDecay } from './exponential-decay';
import type { Optimizer } from './optimizer';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

/** One element's update in float64: returns the new weight; `slots` persists between steps. */
type ReferenceRule = (
  weight: number,
  gradient: number,
  slots: Record<string, number>,
  learningRate: number,
  step: number,
) => number;

const shape = [4, 3];
const size = 12;
const initial = Array.from({ length: size }, (_, index) => Math.cos(0.9 * index) * 1.5);
const gradientAt = (step: number) =>
  Array.from({ length: size }, (_, index) => Math.sin(1.3 * index + 0.7 * step) * (1 + (index % 3)));

let runCounter = 0;

async function compare(
  optimizer: Optimizer,
  rule: ReferenceRule,
  learningRateAt: (iteration: number) => number,
): Promise<number> {
  const target: Variable = tidy(() => variable(tensor(initial, shape), { name: `reference_${runCounter++}` }));
  const weights = [...initial];
  const slots = weights.map(() => ({}) as Record<string, number>);
  for (let iteration = 0; iteration < 20; iteration++) {
    const gradients = gradientAt(iteration);
    const gradient: Tensor = tensor(gradients, shape);
    optimizer.step(new Map([[target, gradient]]));
    gradient.dispose();
    for (let index = 0; index < size; index++) {
      weights[index] = rule(weights[index], gradients[index], slots[index], learningRateAt(iteration), iteration + 1);
    }
  }
  const ours = await target.data();
  optimizer.dispose();
  dispose(target);
  return Math.max(...weights.map((weight, index) => Math.abs(weight - ours[index])));
}

function adamRule(beta1: number, beta2: number, epsilon: number, amsgrad: boolean, weightDecay = 0): ReferenceRule {
  return (weight, gradient, slots, learningRate, step) => {
    const decayed = weight - learningRate * weightDecay * weight;
    slots.m = beta1 * (slots.m ?? 0) + (1 - beta1) * gradient;
    slots.v = beta2 * (slots.v ?? 0) + (1 - beta2) * gradient * gradient;
    slots.vhat = Math.max(slots.vhat ?? 0, slots.v);
    const second = amsgrad ? slots.vhat : slots.v;
    const firstHat = slots.m / (1 - beta1 ** step);
    const secondHat = second / (1 - beta2 ** step);
    return decayed - (learningRate * firstHat) / (Math.sqrt(secondHat) + epsilon);
  };
}

describe('optimizers match a float64 reference over 20 steps', () => {
  it('AdamW decays weights apart from the Adam step', async () => {
    const difference = await compare(
      adamw({ learningRate: 0.05, weightDecay: 0.1 }),
      adamRule(0.9, 0.999, 1e-7, false, 0.1),
      () => 0.05,
    );
    expect(difference).toBeLessThan(1e-5);
  });

  it('Adam with amsgrad', async () => {
    const difference = await compare(
      adam({ learningRate: 0.05, amsgrad: true, beta2: 0.9 }),
      adamRule(0.9, 0.9, 1e-7, true),
      () => 0.05,
    );
    expect(difference).toBeLessThan(1e-5);
  });

  it('Adam follows an exponential-decay schedule evaluated at the iteration count', async () => {
    const schedule = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 5, decayRate: 0.5 });
    const difference = await compare(adam({ learningRate: schedule }), adamRule(0.9, 0.999, 1e-7, false), schedule);
    expect(difference).toBeLessThan(1e-5);
  });

  it('SGD with Nesterov momentum (Keras form)', async () => {
    const rule: ReferenceRule = (weight, gradient, slots, learningRate) => {
      slots.velocity = 0.9 * (slots.velocity ?? 0) - learningRate * gradient;
      return weight + 0.9 * slots.velocity - learningRate * gradient;
    };
    expect(await compare(sgd({ learningRate: 0.02, momentum: 0.9, nesterov: true }), rule, () => 0.02)).toBeLessThan(
      1e-5,
    );
  });

  for (const momentum of [0, 0.6]) {
    it(`centered RMSprop with momentum ${momentum}`, async () => {
      const rule: ReferenceRule = (weight, gradient, slots, learningRate) => {
        slots.meanSquare = 0.9 * (slots.meanSquare ?? 0) + 0.1 * gradient * gradient;
        slots.meanGradient = 0.9 * (slots.meanGradient ?? 0) + 0.1 * gradient;
        const increment = (learningRate * gradient) / Math.sqrt(slots.meanSquare - slots.meanGradient ** 2 + 1e-7);
        slots.velocity = momentum * (slots.velocity ?? 0) + increment;
        return weight - slots.velocity;
      };
      const optimizer = rmsprop({ learningRate: 0.01, centered: true, momentum });
      expect(await compare(optimizer, rule, () => 0.01)).toBeLessThan(1e-5);
    });
  }

  it('Adadelta (Zeiler; Keras)', async () => {
    const rule: ReferenceRule = (weight, gradient, slots, learningRate) => {
      slots.gradientAverage = 0.95 * (slots.gradientAverage ?? 0) + 0.05 * gradient * gradient;
      const update =
        (Math.sqrt((slots.updateAverage ?? 0) + 1e-7) / Math.sqrt(slots.gradientAverage + 1e-7)) * gradient;
      slots.updateAverage = 0.95 * (slots.updateAverage ?? 0) + 0.05 * update * update;
      return weight - learningRate * update;
    };
    expect(await compare(adadelta({ learningRate: 1 }), rule, () => 1)).toBeLessThan(1e-5);
  });
});
