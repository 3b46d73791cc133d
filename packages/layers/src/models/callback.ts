/** Numbers reported after a batch or an epoch: `loss`, each metric, and `val_`-prefixed validation values. */
export type Logs = Record<string, number>;

/** Hooks into `fit`. Each may be async; `fit` awaits it before going on. */
export interface Callback {
  onTrainBegin?(): void | Promise<void>;
  onEpochBegin?(epoch: number): void | Promise<void>;
  onBatchEnd?(batch: number, logs: Logs): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: Logs): void | Promise<void>;
  onTrainEnd?(logs: Logs): void | Promise<void>;
}
