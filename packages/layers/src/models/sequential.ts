import {
  concat,
  InvalidArgumentError,
  keep,
  ShapeError,
  type Tensor,
  tidy,
  type Variable,
  variableGrads,
} from '@tessera/core';
import type { OptimizerName } from '@tessera/optimizers';
import type { CallOptions, Layer } from '../layer';
import { getLoss, type LossName } from '../losses/get-loss';
import type { LossFunction } from '../losses/loss-function';
import { getMetric, type MetricFunction, type MetricName } from '../metrics/get-metric';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { uniqueLayerName } from '../util/unique-layer-name';
import { sliceRows } from './batching';
import { formatSummary } from './format-summary';
import { type OptimizerLike, resolveOptimizer } from './resolve-optimizer';
import { type FitOptions, type History, runFit } from './run-fit';

export interface CompileOptions {
  optimizer: OptimizerName | OptimizerLike;
  loss: LossName | LossFunction;
  metrics?: ReadonlyArray<MetricName | MetricFunction>;
}

export interface BatchOptions {
  batchSize?: number;
}

interface Compiled {
  optimizer: OptimizerLike;
  /** True when compile made the optimizer from a name: then its slot variables are ours to free. */
  ownsOptimizer: boolean;
  loss: LossFunction;
  metrics: Array<{ key: string; metric: MetricFunction }>;
}

export function assertBatchSize(batchSize: number, context: string): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InvalidArgumentError(`${context}: batchSize must be a positive integer, got ${String(batchSize)}`);
  }
}

/** A linear stack of layers with the Keras training API: compile, fit, evaluate, predict, summary. */
export class Sequential {
  readonly name: string;
  /** Set from a callback to end `fit` after the current epoch. */
  stopTraining = false;
  private readonly layerList: Layer[] = [];
  private compiled: Compiled | undefined;
  private lastInputShape: SymbolicShape | undefined;

  constructor(layers: readonly Layer[] = [], options: { name?: string } = {}) {
    this.name = options.name ?? uniqueLayerName('sequential');
    for (const layer of layers) this.add(layer);
  }

  get layers(): Layer[] {
    return [...this.layerList];
  }

  add(layer: Layer): void {
    if (typeof layer?.apply !== 'function') {
      throw new InvalidArgumentError(`Sequential.add: expected a Layer, got ${String(layer)}`);
    }
    this.layerList.push(layer);
  }

  get weights(): Variable[] {
    return this.layerList.flatMap((layer) => layer.weights);
  }

  get trainableWeights(): Variable[] {
    return this.layerList.flatMap((layer) => layer.trainableWeights);
  }

  /** Builds every layer for inputs of `inputShape` (batch axis first, null allowed) and returns the output shapes. */
  build(inputShape: SymbolicShape): SymbolicShape[] {
    const shapes: SymbolicShape[] = [];
    this.lastInputShape = [...inputShape];
    let shape = inputShape;
    for (const layer of this.layerList) {
      if (!layer.isBuilt) layer.build(shape);
      shape = layer.computeOutputShape(shape);
      shapes.push(shape);
    }
    return shapes;
  }

  /** Runs the layers in order. */
  apply(input: Tensor, options: CallOptions = {}): Tensor {
    if (this.layerList.length === 0) throw new InvalidArgumentError(`${this.name}: the model has no layers`);
    return tidy(() => this.layerList.reduce((output, layer) => layer.apply(output, options), input));
  }

  /** The model's output for `x`, computed `batchSize` (default 32) examples at a time. */
  predict(x: Tensor, options: BatchOptions = {}): Tensor {
    const batchSize = options.batchSize ?? 32;
    assertBatchSize(batchSize, 'predict');
    if (x.rank < 1) throw new ShapeError(`predict: x must have a batch axis, got ${formatSymbolicShape(x.shape)}`);
    const count = x.shape[0];
    if (count <= batchSize) return this.apply(x);
    return tidy(() => {
      const outputs: Tensor[] = [];
      for (let start = 0; start < count; start += batchSize) {
        const size = Math.min(batchSize, count - start);
        outputs.push(tidy(() => this.apply(sliceRows(x, start, size))));
      }
      return concat(outputs, 0);
    });
  }

  compile(options: CompileOptions): void {
    if (options === undefined || options.optimizer === undefined || options.loss === undefined) {
      throw new InvalidArgumentError('compile: expected { optimizer, loss, metrics? }');
    }
    this.disposeOwnedOptimizer();
    this.compiled = {
      optimizer: resolveOptimizer(options.optimizer),
      ownsOptimizer: typeof options.optimizer === 'string',
      loss: getLoss(options.loss, 'compile'),
      metrics: (options.metrics ?? []).map((metric) => getMetric(metric, 'compile')),
    };
  }

  /** One optimizer step on one batch; returns the loss and metrics measured during that step. */
  async trainOnBatch(x: Tensor, y: Tensor): Promise<Record<string, number>> {
    const compiled = this.requireCompiled('trainOnBatch');
    this.assertPair(x, y, 'trainOnBatch');
    this.build([null, ...x.shape.slice(1)]);
    const optimizer = compiled.optimizer;
    const trainable = this.trainableWeights;
    if (trainable.length === 0) throw new InvalidArgumentError(`trainOnBatch: ${this.name} has no trainable weights`);
    return tidy(() => {
      let prediction: Tensor | undefined;
      const { value, grads } = variableGrads(() => {
        const output = this.apply(x, { training: true });
        // Metrics reuse this forward pass; keep lets the prediction outlive variableGrads' scope.
        prediction = keep(output);
        return compiled.loss(y, output);
      }, trainable);
      optimizer.step(grads);
      const logs: Record<string, number> = { loss: value.dataSync()[0] };
      try {
        for (const { key, metric } of compiled.metrics) logs[key] = metric(y, prediction as Tensor).dataSync()[0];
      } finally {
        prediction?.dispose();
      }
      return logs;
    });
  }

  /** Loss and metrics over (x, y), averaged over examples. */
  async evaluate(x: Tensor, y: Tensor, options: BatchOptions = {}): Promise<Record<string, number>> {
    return this.evaluateSync(x, y, options.batchSize ?? 32, 'evaluate');
  }

  evaluateSync(x: Tensor, y: Tensor, batchSize: number, context: string): Record<string, number> {
    const compiled = this.requireCompiled(context);
    this.assertPair(x, y, context);
    assertBatchSize(batchSize, context);
    const count = x.shape[0];
    const totals: Record<string, number> = {};
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      tidy(() => {
        const batchY = sliceRows(y, start, size);
        const prediction = this.apply(sliceRows(x, start, size));
        const values: Array<[string, Tensor]> = [
          ['loss', compiled.loss(batchY, prediction)],
          ...compiled.metrics.map(({ key, metric }): [string, Tensor] => [key, metric(batchY, prediction)]),
        ];
        for (const [key, value] of values) totals[key] = (totals[key] ?? 0) + value.dataSync()[0] * size;
      });
    }
    for (const key of Object.keys(totals)) totals[key] /= count;
    return totals;
  }

  /** Trains for `epochs` passes over (x, y); see FitOptions. */
  async fit(x: Tensor, y: Tensor, options: FitOptions = {}): Promise<History> {
    this.requireCompiled('fit');
    this.assertPair(x, y, 'fit');
    return runFit(this, x, y, options);
  }

  /** The summary table; printed unless `print` is false. */
  summary(options: { print?: boolean } = {}): string {
    const first = this.layerList[0];
    if (first === undefined) throw new InvalidArgumentError(`summary: ${this.name} has no layers`);
    const inputShape = first.inputShape === undefined ? this.lastInputShape : [null, ...first.inputShape];
    if (inputShape === undefined) {
      throw new InvalidArgumentError(
        `summary: ${this.name} is not built; give the first layer an inputShape, call build, or train it first`,
      );
    }
    const text = formatSummary(this.name, this.layerList, this.build(inputShape));
    if (options.print ?? true) console.log(text);
    return text;
  }

  countParams(): number {
    return this.layerList.reduce((total, layer) => total + layer.countParams(), 0);
  }

  getWeights(): Tensor[] {
    return this.layerList.flatMap((layer) => layer.getWeights());
  }

  setWeights(values: readonly Tensor[]): void {
    const expected = this.weights.length;
    if (!Array.isArray(values) || values.length !== expected) {
      throw new InvalidArgumentError(
        `${this.name}.setWeights: expected ${expected} tensors, got ${Array.isArray(values) ? values.length : typeof values}`,
      );
    }
    let offset = 0;
    for (const layer of this.layerList) {
      const count = layer.weights.length;
      layer.setWeights(values.slice(offset, offset + count));
      offset += count;
    }
  }

  dispose(): void {
    for (const layer of this.layerList) layer.dispose();
    this.disposeOwnedOptimizer();
  }

  private disposeOwnedOptimizer(): void {
    const compiled = this.compiled;
    if (compiled?.ownsOptimizer) (compiled.optimizer as OptimizerLike & { dispose?: () => void }).dispose?.();
  }

  private requireCompiled(context: string): Compiled {
    if (this.compiled === undefined) {
      throw new InvalidArgumentError(`${context}: call compile({ optimizer, loss }) on ${this.name} first`);
    }
    return this.compiled;
  }

  private assertPair(x: Tensor, y: Tensor, context: string): void {
    if (x.rank < 1 || y.rank < 1 || x.shape[0] !== y.shape[0]) {
      throw new ShapeError(
        `${context}: x and y must have the same number of examples on axis 0, got x=${formatSymbolicShape(x.shape)} y=${formatSymbolicShape(y.shape)}`,
      );
    }
  }
}
