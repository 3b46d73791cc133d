import * as tf from '@tensorflow/tfjs';
import { memory } from '@tessera/core';
import type { BenchCase } from './cases/bench-case';
import { type FrameworkName, frameworkLabels, frameworkNames, type PreparedRun } from './frameworks/framework';
import { useTfjsBackend } from './frameworks/tfjs-backends';
import { defaultTimingPolicy, type Measurement, measureMedian, type TimingPolicy } from './timing/measure-median';

export type CellResult =
  | ({
      kind: 'measured';
      /** Tensors still alive after the case disposed its inputs: a leak in the framework or in the case. */
      leakedTensors: number;
      /** Set when the cell ran the case's scaled-down version; `medianMilliseconds` is then the full-size estimate. */
      extrapolation?: { description: string; workRatio: number };
    } & Measurement<Float32Array[]>)
  /** The framework lacks a kernel the case needs (tfjs-wasm has no Conv2DBackpropFilter). */
  | { kind: 'unsupported'; reason: string }
  | { kind: 'failed'; reason: string };

export interface CaseResult {
  benchCase: BenchCase;
  cells: Record<FrameworkName, CellResult>;
}

/** Runs one case on every framework in turn, on the same inputs. A failure in one cell never stops the others. */
export async function runCase(benchCase: BenchCase): Promise<CaseResult> {
  const policy: TimingPolicy = { ...defaultTimingPolicy, ...benchCase.timing };
  const cells = {} as Record<FrameworkName, CellResult>;
  for (const framework of frameworkNames) {
    const scaledDown = benchCase.scaledDown?.frameworks.includes(framework) ? benchCase.scaledDown : undefined;
    if (framework === 'tessera') {
      cells[framework] = measureCell(benchCase.prepareTessera, () => memory().numTensors, policy);
    } else {
      await useTfjsBackend(framework === 'tfjs-cpu' ? 'cpu' : 'wasm');
      const prepare = scaledDown ? scaledDown.prepareTfjs : benchCase.prepareTfjs;
      cells[framework] = measureCell(prepare, () => tf.memory().numTensors, policy);
    }
    const cell = cells[framework];
    if (scaledDown && cell.kind === 'measured') {
      cell.medianMilliseconds *= scaledDown.workRatio;
      cell.extrapolation = { description: scaledDown.description, workRatio: scaledDown.workRatio };
    }
    console.error(`  ${frameworkLabels[framework].padEnd(12)} ${describeCell(cells[framework])}`);
  }
  return { benchCase, cells };
}

function measureCell(prepare: () => PreparedRun, liveTensors: () => number, policy: TimingPolicy): CellResult {
  const tensorsBefore = liveTensors();
  let measurement: Measurement<Float32Array[]>;
  try {
    const prepared = prepare();
    try {
      measurement = measureMedian(() => prepared.runOnce(), policy);
    } finally {
      prepared.dispose();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // tfjs names a missing kernel in a stable phrase; anything else is a real failure and is reported as one.
    return /not registered for backend/.test(reason) ? { kind: 'unsupported', reason } : { kind: 'failed', reason };
  }
  return { kind: 'measured', ...measurement, leakedTensors: liveTensors() - tensorsBefore };
}

function describeCell(cell: CellResult): string {
  if (cell.kind === 'measured') {
    const estimate = cell.extrapolation
      ? ` (estimated: ${cell.extrapolation.description} × ${cell.extrapolation.workRatio})`
      : '';
    return `${cell.medianMilliseconds.toFixed(3)} ms, median of ${cell.timedRuns} runs${estimate}`;
  }
  return `${cell.kind}: ${cell.reason}`;
}
