import { InvalidArgumentError } from '@tessera/core';
import type { Callback, Logs, TrainingParams } from '../models/callback';
import { formatEta, formatTimePerStep } from './format-duration';
import { formatLogValue } from './format-number';
import {
  defaultProgressStream,
  isContinuousIntegration,
  type ProgressStream,
  processEnvironment,
} from './progress-stream';

export interface ProgressBarOptions {
  /** Default `process.stdout` (console.log in browsers). */
  stream?: ProgressStream;
  /** 'auto' (default): a live bar on a TTY outside CI, else one line per epoch. 'bar' and 'lines' force one. */
  mode?: 'auto' | 'bar' | 'lines';
  /** A clock in milliseconds (default `performance.now`); tests inject a fake one. */
  now?: () => number;
  /** Where `CI` is looked up (default `process.env`). */
  environment?: Record<string, string | undefined>;
  /** Used for `Epoch n/N` when `fit` does not call setModel (standalone use). */
  epochs?: number;
}

const BAR_WIDTH = 30;
const MIN_BAR_WIDTH = 10;
// At most ten redraws a second: enough to look live, few enough not to slow training or flood a terminal.
const REDRAW_INTERVAL_MS = 100;
// Keys some loops put in batch logs that are bookkeeping, not metrics.
const HIDDEN_KEYS = new Set(['batch', 'size']);

function formatMetrics(logs: Logs | undefined): string {
  if (logs === undefined) return '';
  return Object.entries(logs)
    .filter(([key]) => !HIDDEN_KEYS.has(key))
    .map(([key, value]) => ` - ${key}: ${formatLogValue(value)}`)
    .join('');
}

function drawBar(current: number, target: number, width: number): string {
  const filled = Math.min(width, Math.floor((width * current) / target));
  let bar = filled > 0 ? '='.repeat(filled - 1) + (current < target ? '>' : '=') : '';
  bar += '.'.repeat(width - filled);
  return `[${bar}]`;
}

/**
 * The progress output of `fit`. verbose 1: a live bar redrawn in place on a terminal (one line per epoch when the
 * output is not a TTY or runs under CI); verbose 2: one line per epoch; verbose 0: nothing.
 */
export function progressBar(options: ProgressBarOptions = {}): Callback {
  const mode = options.mode ?? 'auto';
  if (mode !== 'auto' && mode !== 'bar' && mode !== 'lines') {
    throw new InvalidArgumentError(`progressBar: mode must be 'auto', 'bar' or 'lines', got ${String(mode)}`);
  }
  const stream = options.stream ?? defaultProgressStream();
  const now = options.now ?? (() => performance.now());
  let params: TrainingParams | undefined;
  let live = false;
  let epochStart = 0;
  let currentEpoch = 0;
  let batchesSeen = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastLineLength = 0;
  let lineOpen = false;

  const epochLabel = (epoch: number): string => {
    const epochs = params?.epochs ?? options.epochs;
    return epochs === undefined ? `Epoch ${epoch + 1}` : `Epoch ${epoch + 1}/${epochs}`;
  };

  const liveLine = (logs: Logs | undefined, finished: boolean): string => {
    const steps = params?.stepsPerEpoch;
    const elapsedSeconds = (now() - epochStart) / 1000;
    const perStep = batchesSeen > 0 ? ` ${formatTimePerStep(elapsedSeconds / batchesSeen)}` : '';
    const metrics = formatMetrics(logs);
    if (steps === undefined) {
      return `${epochLabel(currentEpoch)}  ${batchesSeen} - ${Math.round(elapsedSeconds)}s${perStep}${metrics}`;
    }
    const counter = `${String(batchesSeen).padStart(String(steps).length)}/${steps}`;
    const timing = finished
      ? `${Math.round(elapsedSeconds)}s${perStep}`
      : `ETA: ${formatEta((elapsedSeconds / Math.max(batchesSeen, 1)) * (steps - batchesSeen))}${perStep}`;
    const withoutBar = `${epochLabel(currentEpoch)}  ${counter}  - ${timing}${metrics}`;
    // Shrink the bar so the line fits the terminal: a wrapped line cannot be redrawn with '\r'.
    const columns = stream.columns;
    const room = columns === undefined ? BAR_WIDTH : columns - 1 - withoutBar.length - 2;
    const width = Math.max(MIN_BAR_WIDTH, Math.min(BAR_WIDTH, room));
    return `${epochLabel(currentEpoch)}  ${counter} ${drawBar(batchesSeen, steps, width)} - ${timing}${metrics}`;
  };

  const redraw = (line: string, finished: boolean): void => {
    const columns = stream.columns;
    // A running line longer than the terminal would wrap and break the in-place redraw, so it is cut.
    const shown = !finished && columns !== undefined && line.length > columns - 1 ? line.slice(0, columns - 1) : line;
    const padding = ' '.repeat(Math.max(0, lastLineLength - shown.length));
    stream.write(`\r${shown}${padding}${finished ? '\n' : ''}`);
    lastLineLength = finished ? 0 : shown.length;
    lineOpen = !finished;
  };

  return {
    setModel(_model, trainingParams) {
      params = trainingParams;
    },
    onTrainBegin() {
      const isTerminal = stream.isTTY === true && !isContinuousIntegration(options.environment ?? processEnvironment());
      live = (params?.verbose ?? 1) === 1 && (mode === 'bar' || (mode === 'auto' && isTerminal));
    },
    onEpochBegin(epoch: number) {
      currentEpoch = epoch;
      epochStart = now();
      batchesSeen = 0;
      lastDraw = Number.NEGATIVE_INFINITY;
    },
    onBatchEnd(batch: number, logs: Logs) {
      batchesSeen = batch + 1;
      if (!live || params?.verbose === 0) return;
      const time = now();
      if (time - lastDraw < REDRAW_INTERVAL_MS) return;
      lastDraw = time;
      redraw(liveLine(logs, false), false);
    },
    onEpochEnd(epoch: number, logs: Logs) {
      if (params?.verbose === 0) return;
      currentEpoch = epoch;
      if (live) {
        redraw(liveLine(logs, true), true);
        return;
      }
      const steps = params?.stepsPerEpoch;
      const seconds = (now() - epochStart) / 1000;
      // No count when no batch was reported (standalone use); otherwise done/total, or just done when unknown.
      const count = batchesSeen === 0 ? '' : steps === undefined ? ` - ${batchesSeen}` : ` - ${batchesSeen}/${steps}`;
      stream.write(`${epochLabel(epoch)}${count} - ${seconds.toFixed(1)}s${formatMetrics(logs)}\n`);
    },
    onTrainEnd() {
      // Training stopped mid-epoch (terminateOnNaN): finish the half-drawn line so later output starts clean.
      if (lineOpen) stream.write('\n');
      lineOpen = false;
      lastLineLength = 0;
    },
  };
}
