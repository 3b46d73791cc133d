import { InvalidArgumentError } from '@tessera/core';
import type { OptimizerName } from '@tessera/optimizers';
import { getLoss, type LossName } from '../losses/get-loss';
import type { LossFunction } from '../losses/loss-function';
import type { Metric } from '../metrics/metric';
import { type MetricIdentifier, resolveMetric } from '../metrics/resolve-metric';
import type { JsonValue } from '../util/json-value';
import { type OptimizerLike, resolveOptimizer } from './resolve-optimizer';
import type { TrainStepCompiler } from './train-step-compiler';

export type LossIdentifier = LossName | LossFunction;

export interface CompileOptions {
  optimizer: OptimizerName | OptimizerLike;
  /** One loss for every output, or one per output in order. */
  loss: LossIdentifier | readonly LossIdentifier[];
  /**
   * Metrics computed on every output, or one list per output (`[['mae'], ['accuracy']]`); keys get the output's
   * name as a prefix when there are several outputs.
   */
  metrics?: readonly MetricIdentifier[] | ReadonlyArray<readonly MetricIdentifier[]>;
  /** Scales each output's loss in the total (default 1 each). */
  lossWeights?: readonly number[];
  /**
   * Train op by op instead of through a compiled step (Keras's `run_eagerly`). Default false: `fit` traces its
   * step with core's `compileStep` and replays it, falling back to eager execution per input signature when the
   * step cannot be traced.
   */
  runEagerly?: boolean;
}

export interface CompiledModel {
  optimizer: OptimizerLike;
  /** True when compile made the optimizer from a name: then its slot variables are ours to free. */
  ownsOptimizer: boolean;
  losses: LossFunction[];
  lossWeights: number[];
  /** Per output, the metric objects (fresh per compile) and the keys they are logged under. */
  metrics: Array<Array<{ key: string; metric: Metric }>>;
  runEagerly: boolean;
  /**
   * The compiled training step, made by the first `fit` or `trainOnBatch` and kept (as Keras keeps its train
   * function) until the model is compiled again or disposed, so that later calls replay without tracing again.
   */
  trainStepCompiler?: TrainStepCompiler;
  /** What `model.json` records so `loadModel` can compile again; undefined when something is a custom function. */
  trainingConfig: { [key: string]: JsonValue } | undefined;
}

function optimizerConfig(optimizer: OptimizerLike): JsonValue | undefined {
  const described = optimizer as OptimizerLike & { name?: unknown; getConfig?: () => Record<string, number | boolean> };
  if (typeof described.name !== 'string' || typeof described.getConfig !== 'function') return undefined;
  return { name: described.name, config: described.getConfig() };
}

/** Resolves `compile`'s options against a model with the given output names. */
export function compileModel(options: CompileOptions, outputNames: readonly string[]): CompiledModel {
  if (options === undefined || options === null || options.optimizer === undefined || options.loss === undefined) {
    throw new InvalidArgumentError('compile: expected { optimizer, loss, metrics? }');
  }
  const outputCount = outputNames.length;
  const lossList = Array.isArray(options.loss) ? [...options.loss] : new Array(outputCount).fill(options.loss);
  if (lossList.length !== outputCount) {
    throw new InvalidArgumentError(`compile: the model has ${outputCount} outputs, got ${lossList.length} losses`);
  }
  const lossWeights = options.lossWeights === undefined ? new Array(outputCount).fill(1) : [...options.lossWeights];
  if (lossWeights.length !== outputCount || !lossWeights.every((weight) => Number.isFinite(weight))) {
    throw new InvalidArgumentError(
      `compile: lossWeights must be ${outputCount} finite numbers, got ${JSON.stringify(options.lossWeights)}`,
    );
  }
  const metricIdentifiers = options.metrics ?? [];
  if (!Array.isArray(metricIdentifiers)) {
    throw new InvalidArgumentError(`compile: metrics must be an array, got ${typeof metricIdentifiers}`);
  }
  const perOutput = metricIdentifiers.length > 0 && metricIdentifiers.every((entry) => Array.isArray(entry));
  if (perOutput && metricIdentifiers.length !== outputCount) {
    throw new InvalidArgumentError(
      `compile: metrics given per output need ${outputCount} lists, got ${metricIdentifiers.length}`,
    );
  }
  const metricsFor = (position: number): MetricIdentifier[] =>
    perOutput
      ? [...(metricIdentifiers[position] as readonly MetricIdentifier[])]
      : [...(metricIdentifiers as readonly MetricIdentifier[])];
  const metrics = outputNames.map((outputName, position) =>
    metricsFor(position).map((identifier) => {
      const metric = resolveMetric(identifier, 'compile');
      return { key: outputCount === 1 ? metric.name : `${outputName}_${metric.name}`, metric };
    }),
  );
  if (options.runEagerly !== undefined && typeof options.runEagerly !== 'boolean') {
    throw new InvalidArgumentError(`compile: runEagerly must be a boolean, got ${String(options.runEagerly)}`);
  }
  const optimizer = resolveOptimizer(options.optimizer);
  const serializableLosses = lossList.every((loss) => typeof loss === 'string');
  const serializableMetrics = metricIdentifiers.every((metric) =>
    Array.isArray(metric) ? metric.every((entry) => typeof entry === 'string') : typeof metric === 'string',
  );
  const optimizerDescription = optimizerConfig(optimizer);
  const trainingConfig =
    serializableLosses && serializableMetrics && optimizerDescription !== undefined
      ? {
          optimizer: optimizerDescription,
          loss: Array.isArray(options.loss) ? (lossList as string[]) : (options.loss as string),
          metrics: metricIdentifiers as JsonValue,
          lossWeights,
        }
      : undefined;
  return {
    optimizer,
    ownsOptimizer: typeof options.optimizer === 'string',
    losses: lossList.map((loss) => getLoss(loss, 'compile')),
    lossWeights,
    metrics,
    runEagerly: options.runEagerly ?? false,
    trainingConfig,
  };
}
