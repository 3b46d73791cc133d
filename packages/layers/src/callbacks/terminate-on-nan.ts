import type { Callback, Logs, TrainingModel } from '../models/callback';

export interface TerminateOnNaNOptions {
  print?: (line: string) => void;
}

/** Stops training as soon as a batch's loss is NaN or infinite, as Keras's `TerminateOnNaN` does. */
export function terminateOnNaN(options: TerminateOnNaNOptions = {}): Callback {
  const print = options.print ?? console.log;
  let model: TrainingModel | undefined;
  return {
    setModel(trainingModel) {
      model = trainingModel;
    },
    onBatchEnd(batch: number, logs: Logs) {
      const loss = logs.loss;
      if (loss !== undefined && !Number.isFinite(loss) && model !== undefined) {
        print(`Batch ${batch}: Invalid loss, terminating training`);
        model.stopTraining = true;
      }
    },
  };
}
