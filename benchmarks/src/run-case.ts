import * as tf from '@tensorflow/tfjs';
import { memory } from '@tessera/core';
import type { BenchCase } from './cases/bench-case';
import { type FrameworkName, frameworkLabels, frameworkNames, type PreparedRun } from './frameworks/framework';
import { useTfjsBackend } from './frameworks/use-tfjs-backend';
import { CellTimer } from './timing/cell-timer';
import { defaultTimingPolicy, type TimingPolicy } from './timing/timing-policy';

export type CellResult =
  | {
      kind: 'measured';
      /** The estimated full-size time where the cell ran the case's scaled-down version (see `extrapolation`). */
      medianMilliseconds: number;
      timedRuns: number;
      firstRunTimed: boolean;
      firstOutput: Float32Array[];
      /** Tensors that the timed runs left alive: a leak in the framework (or in the case's code). */
      leakedTensors: number;
      extrapolation?: { description: string; workRatio: number };
    }
  /** The framework lacks a kernel the case needs (tfjs-wasm has no Conv2DBackpropFilter). */
  | { kind: 'unsupported'; reason: string }
  | { kind: 'failed'; reason: string };

export interface CaseResult {
  benchCase: BenchCase;
  cells: Record<FrameworkName, CellResult>;
  /** Problems of the case's own setup: tensors its `prepare` created that its `dispose` did not free. */
  setupLeaks: string[];
}

/** A cell while its case runs: prepared once, timed over several rounds, disposed at the end. */
interface CellInProgress {
  framework: FrameworkName;
  prepared?: PreparedRun;
  timer?: CellTimer<Float32Array[]>;
  /** Set once the cell failed; it is then skipped in later rounds. */
  problem?: Extract<CellResult, { kind: 'unsupported' | 'failed' }>;
  leakedTensors: number;
}

/**
 * Runs one case on every framework, on the same inputs, in interleaved rounds (see `TimingPolicy.rounds`). A failure
 * in one cell never stops the others.
 */
export async function runCase(benchCase: BenchCase): Promise<CaseResult> {
  const policy: TimingPolicy = { ...defaultTimingPolicy, ...benchCase.timing };
  const tensorsBefore = { tessera: memory().numTensors, tfjs: tf.memory().numTensors };

  const cells: CellInProgress[] = [];
  for (const framework of frameworkNames) {
    await activate(framework);
    const cell: CellInProgress = { framework, leakedTensors: 0 };
    await attempt(cell, () => {
      cell.prepared = prepareFor(benchCase, framework);
      const prepared = cell.prepared;
      cell.timer = new CellTimer(() => prepared.runOnce(), policy);
    });
    cells.push(cell);
  }

  for (let round = 0; round < policy.rounds; round++) {
    for (const cell of cells) {
      const timer = cell.timer;
      if (cell.problem || !timer) continue;
      await activate(cell.framework);
      // Tensors the first run creates and keeps (Adam's slots in the training cases) are state, not a leak.
      const liveBeforeWarmUp = liveTensors(cell.framework);
      await attempt(cell, () => timer.warmUp());
      if (cell.problem) {
        // A failed first run is not state: what it stranded is reported on the cell.
        cell.leakedTensors += liveTensors(cell.framework) - liveBeforeWarmUp;
        continue;
      }
      const liveBefore = liveTensors(cell.framework);
      await attempt(cell, () => timer.runRound(round));
      cell.leakedTensors += liveTensors(cell.framework) - liveBefore;
    }
  }

  for (const cell of cells) cell.prepared?.dispose();
  // What the runs leaked is reported on their cells; anything else left behind comes from prepare/dispose.
  let tesseraRunLeaks = 0;
  let tfjsRunLeaks = 0;
  for (const cell of cells) {
    if (cell.framework === 'tessera') tesseraRunLeaks += cell.leakedTensors;
    else tfjsRunLeaks += cell.leakedTensors;
  }
  const setupLeaks: string[] = [];
  const tesseraLeft = memory().numTensors - tensorsBefore.tessera - tesseraRunLeaks;
  const tfjsLeft = tf.memory().numTensors - tensorsBefore.tfjs - tfjsRunLeaks;
  if (tesseraLeft !== 0) setupLeaks.push(`Tessera: ${tesseraLeft} tensors left alive after the case was disposed`);
  if (tfjsLeft !== 0) setupLeaks.push(`tfjs: ${tfjsLeft} tensors left alive after the case was disposed`);

  const results = {} as Record<FrameworkName, CellResult>;
  for (const cell of cells) {
    results[cell.framework] = finish(benchCase, cell);
    console.error(`  ${frameworkLabels[cell.framework].padEnd(12)} ${describeCell(results[cell.framework])}`);
  }
  return { benchCase, cells: results, setupLeaks };
}

function prepareFor(benchCase: BenchCase, framework: FrameworkName): PreparedRun {
  if (framework === 'tessera') return benchCase.prepareTessera();
  if (framework === 'jax-js') {
    if (!benchCase.prepareJaxJs) throw new Error('no jax-js version of this case is written');
    return benchCase.prepareJaxJs();
  }
  const scaledDown = benchCase.scaledDown;
  return scaledDown?.frameworks.includes(framework) ? scaledDown.prepareTfjs() : benchCase.prepareTfjs();
}

/** tfjs tensors belong to the backend that was active when they were created, so switch before touching them. */
async function activate(framework: FrameworkName): Promise<void> {
  if (framework === 'tfjs-cpu') await useTfjsBackend('cpu');
  if (framework === 'tfjs-wasm') await useTfjsBackend('wasm');
}

/** jax-js has no global count of live arrays (it counts references per array): its cells report 0. */
function liveTensors(framework: FrameworkName): number {
  if (framework === 'jax-js') return 0;
  return framework === 'tessera' ? memory().numTensors : tf.memory().numTensors;
}

async function attempt(cell: CellInProgress, work: () => void | Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // tfjs names a missing kernel in a stable phrase; anything else is a real failure and is reported as one.
    cell.problem = /not registered for backend|no jax-js version/.test(reason)
      ? { kind: 'unsupported', reason }
      : { kind: 'failed', reason };
  }
}

function finish(benchCase: BenchCase, cell: CellInProgress): CellResult {
  if (cell.problem) {
    // A run that throws half-way can strand tensors (tfjs's valueAndGrads keeps its forward value): worth knowing.
    if (cell.leakedTensors === 0) return cell.problem;
    return {
      ...cell.problem,
      reason: `${cell.problem.reason} (the failed run left ${cell.leakedTensors} tensors alive)`,
    };
  }
  const timer = cell.timer;
  if (!timer) return { kind: 'failed', reason: 'the cell was never prepared' };
  const scaledDown = benchCase.scaledDown?.frameworks.includes(cell.framework) ? benchCase.scaledDown : undefined;
  return {
    kind: 'measured',
    medianMilliseconds: timer.medianMilliseconds() * (scaledDown?.workRatio ?? 1),
    timedRuns: timer.timedRuns,
    firstRunTimed: timer.firstRunTimed,
    firstOutput: timer.firstOutput,
    leakedTensors: cell.leakedTensors,
    extrapolation: scaledDown && { description: scaledDown.description, workRatio: scaledDown.workRatio },
  };
}

function describeCell(cell: CellResult): string {
  if (cell.kind !== 'measured') return `${cell.kind}: ${cell.reason}`;
  const extrapolation = cell.extrapolation;
  const estimate = extrapolation ? ` (estimated: ${extrapolation.description} × ${extrapolation.workRatio})` : '';
  return `${cell.medianMilliseconds.toFixed(3)} ms, median of ${cell.timedRuns} runs${estimate}`;
}
