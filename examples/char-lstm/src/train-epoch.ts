import { slidingWindows } from '@tessera/data';
import type { LayersModel } from '@tessera/layers';

export interface TrainEpochOptions {
  /** Characters per training window (and per prediction sequence). */
  sequenceLength: number;
  batchSize: number;
  /**
   * The window order of this epoch. Each epoch builds its own shuffled dataset from `seed + epoch`, so a resumed
   * run sees exactly the batches an uninterrupted run would have seen.
   */
  seed: number;
  epoch: number;
  /** Stop after this many batches (short runs); the whole text when omitted. */
  maxSteps?: number;
}

export interface EpochResult {
  /** The loss of every batch, in order (before that batch's update, as Keras reports it). */
  stepLosses: number[];
  /** Input characters trained on (windows × sequence length). */
  tokens: number;
  seconds: number;
}

/**
 * One pass of next-character training: the ids are cut into non-overlapping windows whose targets are the same
 * windows moved one character ahead, shuffled, batched, and fed to `trainOnBatch`.
 */
export async function trainEpoch(
  model: LayersModel,
  ids: Int32Array,
  options: TrainEpochOptions,
): Promise<EpochResult> {
  const { sequenceLength, batchSize, seed, epoch, maxSteps = Number.POSITIVE_INFINITY } = options;
  const windows = slidingWindows(ids, { windowLength: sequenceLength });
  // The shuffle buffer covers the whole text (a few thousand windows), so the order is a full permutation.
  const batches = windows.shuffle(Math.ceil(ids.length / sequenceLength), { seed: seed + epoch }).batch(batchSize);
  const stepLosses: number[] = [];
  let tokens = 0;
  const startedAt = performance.now();
  for await (const { xs, ys } of batches) {
    if (stepLosses.length >= maxSteps) {
      xs.dispose();
      ys.dispose();
      break;
    }
    try {
      const logs = await model.trainOnBatch(xs, ys);
      stepLosses.push(logs.loss ?? Number.NaN);
      tokens += xs.size;
    } finally {
      xs.dispose();
      ys.dispose();
    }
  }
  return { stepLosses, tokens, seconds: (performance.now() - startedAt) / 1000 };
}
