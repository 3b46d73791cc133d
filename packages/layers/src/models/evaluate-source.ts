import { tidy } from '@tessera/core';
import type { BatchSource } from './batch-source';
import type { Logs } from './callback';
import type { CompiledModel } from './compile-model';
import { type StepModel, totalLoss, updateMetrics } from './train-step';

/** The compiled metrics' current results, by key. */
export function metricResults(compiled: CompiledModel): Logs {
  const logs: Logs = {};
  for (const outputMetrics of compiled.metrics)
    for (const { key, metric } of outputMetrics) logs[key] = metric.result();
  return logs;
}

export function resetMetrics(compiled: CompiledModel): void {
  for (const outputMetrics of compiled.metrics) for (const { metric } of outputMetrics) metric.reset();
}

/** Loss (example-weighted mean, penalties included as Keras does) and metrics over every batch of `source`. */
export async function evaluateSource(model: StepModel, compiled: CompiledModel, source: BatchSource): Promise<Logs> {
  resetMetrics(compiled);
  let lossSum = 0;
  let examples = 0;
  for await (const batch of source.epochBatches()) {
    try {
      const { loss, outputs } = tidy(() => {
        const produced = model.applyToList(batch.inputs, { training: false });
        return { loss: totalLoss(model, compiled, batch.targets, produced, undefined, true), outputs: produced };
      });
      try {
        await updateMetrics(compiled, batch.targets, outputs);
        lossSum += ((await loss.data())[0] as number) * batch.size;
      } finally {
        loss.dispose();
        for (const output of outputs) output.dispose();
      }
      examples += batch.size;
    } finally {
      batch.dispose();
    }
  }
  return { loss: examples === 0 ? Number.NaN : lossSum / examples, ...metricResults(compiled) };
}
