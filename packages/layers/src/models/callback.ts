import type { Tensor } from '@tessera/core';
import type { OptimizerLike } from './resolve-optimizer';

/** Numbers reported after a batch or an epoch: `loss`, each metric, and `val_`-prefixed validation values. */
export type Logs = Record<string, number>;

/** What `fit` tells callbacks before training starts. */
export interface TrainingParams {
  epochs: number;
  /** The epoch index training starts at (`initialEpoch`). */
  initialEpoch: number;
  /** Batches per epoch; undefined when training on a Dataset whose length is unknown until the first pass ends. */
  stepsPerEpoch: number | undefined;
  /** Training examples per epoch, when known. */
  samples: number | undefined;
  batchSize: number | undefined;
  /** 0 silent, 1 progress bar (one line per epoch when not a TTY or under CI), 2 one line per epoch. */
  verbose: 0 | 1 | 2;
  /** The metric keys the logs will carry (`loss`, `accuracy`, `val_loss`, ...). */
  metrics: string[];
}

/** The part of a model callbacks may use. */
export interface TrainingModel {
  readonly name: string;
  /** Set to true to end `fit` after the current batch's epoch. */
  stopTraining: boolean;
  readonly optimizer: OptimizerLike;
  getWeights(): Tensor[];
  setWeights(values: readonly Tensor[]): void;
  save(url: string, options?: { includeOptimizer?: boolean }): Promise<unknown>;
}

/** Hooks into `fit`. Each may be async; `fit` awaits it before going on. */
export interface Callback {
  /** Called once before `onTrainBegin` with the model being trained and the run's parameters. */
  setModel?(model: TrainingModel, params: TrainingParams): void;
  onTrainBegin?(logs?: Logs): void | Promise<void>;
  onEpochBegin?(epoch: number, logs?: Logs): void | Promise<void>;
  onBatchBegin?(batch: number, logs?: Logs): void | Promise<void>;
  onBatchEnd?(batch: number, logs: Logs): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: Logs): void | Promise<void>;
  onTrainEnd?(logs: Logs): void | Promise<void>;
}
