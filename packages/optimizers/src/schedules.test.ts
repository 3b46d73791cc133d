import { InvalidArgumentError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { cosineDecay } from './cosine-decay';
import { exponentialDecay } from './exponential-decay';
import { linearWarmup } from './linear-warmup';
import { piecewiseConstant } from './piecewise-constant';

describe('exponentialDecay', () => {
  it('decays continuously', () => {
    const schedule = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    for (const step of [0, 1, 5, 10, 17, 100]) expect(schedule(step)).toBeCloseTo(0.1 * 0.5 ** (step / 10), 12);
  });

  it('decays in whole intervals with staircase', () => {
    const schedule = exponentialDecay({ initialLearningRate: 1, decaySteps: 10, decayRate: 0.1, staircase: true });
    expect([0, 9, 10, 19, 20].map(schedule)).toEqual([1, 1, 0.1, 0.1, 0.1 ** 2]);
  });

  it('rejects a non-positive decaySteps', () => {
    expect(() => exponentialDecay({ initialLearningRate: 1, decaySteps: 0, decayRate: 0.5 })).toThrow(
      /exponentialDecay: decaySteps must be a finite number > 0, got 0/,
    );
  });
});

describe('cosineDecay', () => {
  it('follows half a cosine down to alpha and stays there', () => {
    const schedule = cosineDecay({ initialLearningRate: 0.2, decaySteps: 100, alpha: 0.1 });
    for (const step of [0, 25, 50, 99, 100, 150]) {
      const progress = Math.min(step, 100) / 100;
      const expected = 0.2 * (0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)) + 0.1);
      expect(schedule(step)).toBeCloseTo(expected, 12);
    }
    expect(schedule(1000)).toBeCloseTo(0.02, 12);
  });
});

describe('piecewiseConstant', () => {
  it('uses values[i] for boundaries[i-1] < step <= boundaries[i]', () => {
    const schedule = piecewiseConstant({ boundaries: [10, 20], values: [1, 0.5, 0.1] });
    expect([0, 10, 11, 20, 21, 1000].map(schedule)).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
  });

  it('rejects mismatched lengths and unsorted boundaries', () => {
    expect(() => piecewiseConstant({ boundaries: [10], values: [1] })).toThrow(InvalidArgumentError);
    expect(() => piecewiseConstant({ boundaries: [10, 5], values: [1, 2, 3] })).toThrow(/strictly increasing/);
  });
});

describe('linearWarmup', () => {
  it('ramps to a constant rate', () => {
    const schedule = linearWarmup(0.1, { warmupSteps: 10 });
    expect([0, 5, 10, 50].map(schedule)).toEqual([0, 0.05, 0.1, 0.1]);
  });

  it('ramps to a schedule, which then starts from its own step 0', () => {
    const decay = exponentialDecay({ initialLearningRate: 1, decaySteps: 4, decayRate: 0.5 });
    const schedule = linearWarmup(decay, { warmupSteps: 4, initialLearningRate: 0.2 });
    expect(schedule(0)).toBeCloseTo(0.2, 12);
    expect(schedule(2)).toBeCloseTo(0.6, 12);
    expect(schedule(4)).toBeCloseTo(1, 12);
    expect(schedule(8)).toBeCloseTo(0.5, 12);
  });
});
