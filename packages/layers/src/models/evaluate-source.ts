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
      tidy(() => {
        const outputs = model.applyToList(batch.inputs, { training: false });
        const loss = totalLoss(model, compiled, batch.targets, outputs, undefined, true);
        lossSum += loss.dataSync()[0] * batch.size;
        updateMetrics(compiled, batch.targets, outputs);
      });
      examples += batch.size;
    } finally {
      batch.dispose();
    }
  }
  return { loss: examples === 0 ? Number.NaN : lossSum / examples, ...metricResults(compiled) };
}
