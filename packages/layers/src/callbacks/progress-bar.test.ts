import { InvalidArgumentError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import type { Callback, TrainingParams } from '../models/callback';
import { createFakeTrainingModel } from './fake-training-model';
import { formatEta, formatTimePerStep } from './format-duration';
import { formatExponential, formatLogValue } from './format-number';
import { progressBar } from './progress-bar';

interface Capture {
  chunks: string[];
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

function capture(isTTY: boolean, columns?: number): Capture {
  const chunks: string[] = [];
  return { chunks, isTTY, columns, write: (text) => void chunks.push(text) };
}

const baseParams: TrainingParams = {
  epochs: 5,
  initialEpoch: 0,
  stepsPerEpoch: 4,
  samples: 512,
  batchSize: 128,
  verbose: 1,
  metrics: ['loss', 'accuracy'],
};

/** Drives one epoch of `steps` batches, each `stepMs` long on the fake clock. */
async function driveEpoch(
  callback: Callback,
  clock: { time: number },
  epoch: number,
  steps: number,
  stepMs: number,
): Promise<void> {
  await callback.onEpochBegin?.(epoch);
  for (let batch = 0; batch < steps; batch++) {
    clock.time += stepMs;
    await callback.onBatchEnd?.(batch, { loss: 1 / (batch + 1), accuracy: 0.5 });
  }
  clock.time += 50;
  await callback.onEpochEnd?.(epoch, { loss: 0.4123, accuracy: 0.8512, val_loss: 0.5, val_accuracy: 0.8 });
}

function start(callback: Callback, params: Partial<TrainingParams> = {}): void {
  const model = createFakeTrainingModel();
  callback.setModel?.(model, { ...baseParams, ...params });
  callback.onTrainBegin?.();
  model.dispose();
}

describe('progressBar on a terminal', () => {
  it('redraws one line in place with a bar and ETA, at most ten times a second', async () => {
    const stream = capture(true, 200);
    const clock = { time: 0 };
    const bar = progressBar({ stream, now: () => clock.time, environment: {} });
    start(bar);
    await driveEpoch(bar, clock, 1, 4, 60);
    // Batches end at 60, 120, 180, 240 ms: drawn at 60 and 180 only (100 ms throttle), then the final line.
    expect(stream.chunks).toHaveLength(3);
    expect(stream.chunks.every((chunk) => chunk.startsWith('\r'))).toBe(true);
    expect(stream.chunks[0]).toBe(
      `\rEpoch 2/5  1/4 [${'='.repeat(6)}>${'.'.repeat(23)}] - ETA: 0s 60ms/step - loss: 1.0000 - accuracy: 0.5000`,
    );
    expect(stream.chunks[1]).toContain(`3/4 [${'='.repeat(21)}>${'.'.repeat(8)}]`);
    expect(stream.chunks[2]).toBe(
      '\rEpoch 2/5  4/4 [==============================] - 0s 73ms/step - loss: 0.4123 - accuracy: 0.8512 - val_loss: 0.5000 - val_accuracy: 0.8000\n',
    );
  });

  it('shows the ETA in minutes and pads over a longer previous line', async () => {
    const stream = capture(true, 300);
    const clock = { time: 0 };
    const bar = progressBar({ stream, now: () => clock.time, environment: {} });
    start(bar, { stepsPerEpoch: 1000 });
    await bar.onEpochBegin?.(0);
    clock.time += 1000;
    await bar.onBatchEnd?.(9, { loss: 0.5, accuracy: 0.25 });
    expect(stream.chunks[0]).toMatch(/^\rEpoch 1\/5 {4}10\/1000 \[\.+\] - ETA: 1:39 100ms\/step - loss/);
    clock.time += 1000;
    await bar.onBatchEnd?.(10, { loss: 0.5 });
    const previousLength = stream.chunks[0].length;
    expect(stream.chunks[1].length).toBe(previousLength);
    expect(stream.chunks[1].endsWith(' ')).toBe(true);
  });

  it('fits the line to narrow terminals', async () => {
    const stream = capture(true, 70);
    const clock = { time: 0 };
    const bar = progressBar({ stream, now: () => clock.time, environment: {} });
    start(bar);
    await bar.onEpochBegin?.(0);
    clock.time += 10;
    await bar.onBatchEnd?.(0, { loss: 0.5, accuracy: 0.25 });
    expect(stream.chunks[0].length - 1).toBeLessThanOrEqual(69);
    expect(stream.chunks[0]).toContain('[');
  });

  it('shows only the count when the steps per epoch are unknown (Dataset)', async () => {
    const stream = capture(true);
    const clock = { time: 0 };
    const bar = progressBar({ stream, now: () => clock.time, environment: {} });
    start(bar, { stepsPerEpoch: undefined });
    await driveEpoch(bar, clock, 0, 3, 500);
    expect(stream.chunks[0]).toBe('\rEpoch 1/5  1 - 1s 500ms/step - loss: 1.0000 - accuracy: 0.5000');
    expect(stream.chunks.at(-1)).toMatch(
      /^\rEpoch 1\/5 {2}3 - 2s 517ms\/step - loss: 0\.4123 .*val_accuracy: 0\.8000\n$/,
    );
    expect(stream.chunks.join('')).not.toContain('[');
  });

  it('ends a half-drawn line when training stops mid-epoch', async () => {
    const stream = capture(true);
    const clock = { time: 0 };
    const bar = progressBar({ stream, now: () => clock.time, environment: {} });
    start(bar);
    await bar.onEpochBegin?.(0);
    await bar.onBatchEnd?.(0, { loss: Number.NaN });
    expect(stream.chunks[0]).toContain('loss: nan');
    await bar.onTrainEnd?.({});
    expect(stream.chunks.at(-1)).toBe('\n');
  });
});

describe('progressBar without a terminal', () => {
  const expected =
    'Epoch 2/5 - 4/4 - 0.3s - loss: 0.4123 - accuracy: 0.8512 - val_loss: 0.5000 - val_accuracy: 0.8000\n';

  it.each([
    ['not a TTY', false, {}],
    ['under CI', true, { CI: 'true' }],
  ])('writes exactly one line per epoch when %s', async (_label, isTTY, environment) => {
    const stream = capture(isTTY);
    const clock = { time: 0 };
    const bar = progressBar({ stream, now: () => clock.time, environment });
    start(bar);
    await driveEpoch(bar, clock, 1, 4, 60);
    await driveEpoch(bar, clock, 2, 4, 60);
    expect(stream.chunks).toHaveLength(2);
    expect(stream.chunks[0]).toBe(expected);
    expect(stream.chunks[1]).toMatch(/^Epoch 3\/5 - 4\/4 - /);
  });

  it('writes one line per epoch for verbose 2 even on a terminal, and nothing for verbose 0', async () => {
    const clock = { time: 0 };
    const lines = capture(true);
    const verboseTwo = progressBar({ stream: lines, now: () => clock.time, environment: {} });
    start(verboseTwo, { verbose: 2 });
    await driveEpoch(verboseTwo, clock, 1, 4, 60);
    expect(lines.chunks).toEqual([expected]);
    const silent = capture(true);
    const quiet = progressBar({ stream: silent, now: () => clock.time, environment: {}, mode: 'bar' });
    start(quiet, { verbose: 0 });
    await driveEpoch(quiet, clock, 0, 4, 60);
    expect(silent.chunks).toEqual([]);
  });

  it('shows the batch count alone when the steps are unknown, and forced modes override detection', async () => {
    const stream = capture(true);
    const clock = { time: 0 };
    const bar = progressBar({ stream, now: () => clock.time, environment: {}, mode: 'lines' });
    start(bar, { stepsPerEpoch: undefined });
    await driveEpoch(bar, clock, 0, 7, 100);
    expect(stream.chunks).toEqual([expect.stringMatching(/^Epoch 1\/5 - 7 - 0\.8s - loss: 0\.4123/)]);
    const forced = capture(false);
    const live = progressBar({ stream: forced, now: () => clock.time, mode: 'bar' });
    start(live);
    await driveEpoch(live, clock, 0, 1, 10);
    expect(forced.chunks[0].startsWith('\r')).toBe(true);
  });

  it('rejects an unknown mode', () => {
    expect(() => progressBar({ mode: 'fancy' as 'bar' })).toThrow(InvalidArgumentError);
  });
});

describe('number and time formatting', () => {
  it('prints metrics like Keras and times like Keras', () => {
    expect(formatLogValue(0.41234)).toBe('0.4123');
    expect(formatLogValue(0.000123456)).toBe('1.2346e-04');
    expect(formatLogValue(0)).toBe('0.0000e+00');
    expect(formatLogValue(Number.POSITIVE_INFINITY)).toBe('inf');
    expect(formatExponential(123456, 2)).toBe('1.23e+05');
    expect(formatEta(59)).toBe('59s');
    expect(formatEta(125)).toBe('2:05');
    expect(formatEta(3725)).toBe('1:02:05');
    expect(formatTimePerStep(2.4)).toBe('2s/step');
    expect(formatTimePerStep(0.012)).toBe('12ms/step');
    expect(formatTimePerStep(0.0000123)).toBe('12us/step');
  });
});
