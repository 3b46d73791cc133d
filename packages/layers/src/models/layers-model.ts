import { concat, InvalidArgumentError, type Tensor, tidy, type Variable } from '@tessera/core';
import type { CallOptions, Layer } from '../layer';
import type { JsonValue } from '../util/json-value';
import { datasetBatchSource, isAsyncIterable, tensorBatchSource } from './batch-source';
import { sliceRows } from './batching';
import type { Logs, TrainingModel } from './callback';
import { type CompiledModel, type CompileOptions, compileModel } from './compile-model';
import { evaluateSource, metricResults, resetMetrics } from './evaluate-source';
import type { OptimizerLike } from './resolve-optimizer';
import { type FitOptions, type History, runFit } from './run-fit';
import { type SaveModelOptions, saveModel } from './save-model';
import { assertListLength, countExamples, type TensorOrList, toTensorList } from './tensor-list';
import { trainStep } from './train-step';
import { trainStepCompilerOf } from './train-step-compiler';

export interface BatchOptions {
  batchSize?: number;
}

export interface EvaluateOptions extends BatchOptions {
  /** With a dataset: evaluate only this many batches. */
  steps?: number;
}

export function assertBatchSize(batchSize: number, context: string): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InvalidArgumentError(`${context}: batchSize must be a positive integer, got ${String(batchSize)}`);
  }
}

/**
 * What Sequential and the functional Model share: the Keras training API (compile, fit, evaluate, predict,
 * trainOnBatch), weights, save. Subclasses say how inputs flow through their layers.
 */
export abstract class LayersModel implements TrainingModel {
  readonly name: string;
  /** Set from a callback to end `fit` (after the current batch). */
  stopTraining = false;
  private compiledModel: CompiledModel | undefined;

  protected constructor(name: string) {
    this.name = name;
  }

  /** `Sequential` or `Model`, as written into `model.json`. */
  abstract get className(): string;
  abstract get layers(): Layer[];
  abstract get inputCount(): number;
  /** One name per output; metric keys of multi-output models are prefixed with them. */
  abstract get outputNames(): string[];
  /** Runs the model on one tensor per input; returns one tensor per output. */
  abstract applyToList(inputs: readonly Tensor[], options: CallOptions): Tensor[];
  /** The architecture as JSON for `model.json`. */
  abstract getTopology(): { [key: string]: JsonValue };
  /** The summary table; printed unless `print` is false. */
  abstract summary(options?: { print?: boolean }): string;

  /** Builds layers that are not built yet; the functional Model builds while it is wired, so this does nothing. */
  ensureBuilt(_inputs: readonly Tensor[]): void {}

  get outputCount(): number {
    return this.outputNames.length;
  }

  get optimizer(): OptimizerLike {
    return this.requireCompiled('optimizer').optimizer;
  }

  get isCompiled(): boolean {
    return this.compiledModel !== undefined;
  }

  /** The `compile` settings as JSON (undefined if not compiled or something was a custom function). */
  get trainingConfig(): { [key: string]: JsonValue } | undefined {
    return this.compiledModel?.trainingConfig;
  }

  get weights(): Variable[] {
    return this.layers.flatMap((layer) => layer.weights);
  }

  get trainableWeights(): Variable[] {
    return this.layers.flatMap((layer) => layer.trainableWeights);
  }

  get nonTrainableWeights(): Variable[] {
    return this.layers.flatMap((layer) => layer.nonTrainableWeights);
  }

  /** Every weight with the name it is saved under (`dense_1/kernel`), in `weights` order. */
  get namedWeights(): Array<{ name: string; variable: Variable }> {
    return this.layers.flatMap((layer) =>
      layer.namedWeights.map((entry) => ({ name: `${layer.name}/${entry.key}`, variable: entry.variable })),
    );
  }

  /** The model's output: one tensor, or a list for several outputs. */
  apply(x: TensorOrList, options: CallOptions = {}): Tensor | Tensor[] {
    const inputs = toTensorList(x, 'x', this.name);
    assertListLength(inputs, this.inputCount, 'inputs', this.name);
    const outputs = tidy(() => this.applyToList(inputs, options));
    return outputs.length === 1 ? outputs[0] : outputs;
  }

  /** The model's output for `x`, computed `batchSize` (default 32) examples at a time. */
  predict(x: TensorOrList, options: BatchOptions = {}): Tensor | Tensor[] {
    const batchSize = options.batchSize ?? 32;
    assertBatchSize(batchSize, 'predict');
    const inputs = toTensorList(x, 'x', 'predict');
    assertListLength(inputs, this.inputCount, 'inputs', 'predict');
    const count = countExamples(inputs, 'predict');
    if (count <= batchSize) return this.apply(inputs);
    const outputs = tidy(() => {
      const batches: Tensor[][] = [];
      for (let start = 0; start < count; start += batchSize) {
        const size = Math.min(batchSize, count - start);
        batches.push(
          tidy(() =>
            this.applyToList(
              inputs.map((input) => sliceRows(input, start, size)),
              {},
            ),
          ),
        );
      }
      return batches[0].map((_, output) =>
        concat(
          batches.map((batch) => batch[output]),
          0,
        ),
      );
    });
    return outputs.length === 1 ? outputs[0] : outputs;
  }

  compile(options: CompileOptions): void {
    const compiled = compileModel(options, this.outputNames);
    this.disposeOwnedOptimizer();
    this.compiledModel = compiled;
  }

  /** One optimizer step on one batch; returns the loss and metrics of that batch. */
  async trainOnBatch(x: TensorOrList, y: TensorOrList): Promise<Logs> {
    const compiled = this.requireCompiled('trainOnBatch');
    const inputs = toTensorList(x, 'x', 'trainOnBatch');
    const targets = toTensorList(y, 'y', 'trainOnBatch');
    this.checkLists(inputs, targets, 'trainOnBatch');
    resetMetrics(compiled);
    const loss = await trainStep(this, compiled, inputs, targets, undefined, trainStepCompilerOf(this, compiled));
    return { loss, ...metricResults(compiled) };
  }

  /** Loss and metrics over (x, y) or a dataset of batches, averaged over examples. */
  async evaluate(
    x: TensorOrList | AsyncIterable<unknown>,
    y?: TensorOrList | EvaluateOptions,
    options: EvaluateOptions = {},
  ): Promise<Logs> {
    const compiled = this.requireCompiled('evaluate');
    if (isAsyncIterable(x)) {
      const datasetOptions = (y ?? {}) as EvaluateOptions;
      return evaluateSource(this, compiled, datasetBatchSource(x, datasetOptions.steps, 'evaluate'));
    }
    const batchSize = options.batchSize ?? 32;
    assertBatchSize(batchSize, 'evaluate');
    if (y === undefined) throw new InvalidArgumentError('evaluate: expected evaluate(x, y) or evaluate(dataset)');
    const inputs = toTensorList(x, 'x', 'evaluate');
    const targets = toTensorList(y as TensorOrList, 'y', 'evaluate');
    this.checkLists(inputs, targets, 'evaluate');
    return evaluateSource(this, compiled, tensorBatchSource(inputs, targets, batchSize, undefined));
  }

  /** Trains on (x, y) tensors or on a dataset of batches; see FitOptions. */
  fit(x: TensorOrList, y: TensorOrList, options?: FitOptions): Promise<History>;
  fit(dataset: AsyncIterable<unknown>, options?: FitOptions): Promise<History>;
  async fit(
    x: TensorOrList | AsyncIterable<unknown>,
    y?: TensorOrList | FitOptions,
    options: FitOptions = {},
  ): Promise<History> {
    const compiled = this.requireCompiled('fit');
    if (isAsyncIterable(x)) return runFit(this, compiled, x, undefined, (y ?? {}) as FitOptions);
    const inputs = toTensorList(x, 'x', 'fit');
    const targets = toTensorList(y as TensorOrList, 'y', 'fit');
    this.checkLists(inputs, targets, 'fit');
    return runFit(this, compiled, inputs, targets, options);
  }

  /** Writes `model.json` and `weights.safetensors` (and the optimizer state when asked) to `url`. */
  async save(url: string, options: SaveModelOptions = {}): Promise<unknown> {
    return saveModel(this, url, options);
  }

  countParams(): number {
    return this.layers.reduce((total, layer) => total + layer.countParams(), 0);
  }

  getWeights(): Tensor[] {
    return this.layers.flatMap((layer) => layer.getWeights());
  }

  setWeights(values: readonly Tensor[]): void {
    const expected = this.weights.length;
    if (!Array.isArray(values) || values.length !== expected) {
      throw new InvalidArgumentError(
        `${this.name}.setWeights: expected ${expected} tensors, got ${Array.isArray(values) ? values.length : typeof values}`,
      );
    }
    let offset = 0;
    for (const layer of this.layers) {
      const count = layer.weights.length;
      layer.setWeights(values.slice(offset, offset + count));
      offset += count;
    }
  }

  /** Frees every layer's weights and an optimizer that compile created from a name. */
  dispose(): void {
    for (const layer of this.layers) layer.dispose();
    this.disposeOwnedOptimizer();
    this.compiledModel = undefined;
  }

  protected requireCompiled(context: string): CompiledModel {
    if (this.compiledModel === undefined) {
      throw new InvalidArgumentError(`${context}: call compile({ optimizer, loss }) on ${this.name} first`);
    }
    return this.compiledModel;
  }

  private checkLists(inputs: readonly Tensor[], targets: readonly Tensor[], context: string): void {
    assertListLength(inputs, this.inputCount, 'inputs', context);
    assertListLength(targets, this.outputCount, 'outputs', context);
    countExamples([...inputs, ...targets], context);
  }

  /** Frees what a compile made: the compiled training step, and an optimizer created from a name. */
  private disposeOwnedOptimizer(): void {
    const compiled = this.compiledModel;
    compiled?.trainStepCompiler?.dispose();
    if (compiled?.ownsOptimizer) compiled.optimizer.dispose?.();
  }
}
