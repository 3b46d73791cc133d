import { InvalidArgumentError, type Tensor } from '@tessera/core';
import type { CallOptions, Layer } from '../layer';
import type { JsonValue } from '../util/json-value';
import type { SymbolicShape } from '../util/shape-format';
import { uniqueLayerName } from '../util/unique-layer-name';
import { formatSummary } from './format-summary';
import { type BatchOptions, LayersModel } from './layers-model';

export type { CompileOptions } from './compile-model';
export type { BatchOptions } from './layers-model';

/** A linear stack of layers with the Keras training API: compile, fit, evaluate, predict, summary, save. */
export class Sequential extends LayersModel {
  private readonly layerList: Layer[] = [];
  private lastInputShape: SymbolicShape | undefined;

  constructor(layers: readonly Layer[] = [], options: { name?: string } = {}) {
    super(options.name ?? uniqueLayerName('sequential'));
    for (const layer of layers) this.add(layer);
  }

  get className(): string {
    return 'Sequential';
  }

  get layers(): Layer[] {
    return [...this.layerList];
  }

  get inputCount(): number {
    return 1;
  }

  get outputNames(): string[] {
    const last = this.layerList[this.layerList.length - 1];
    return [last === undefined ? 'output' : last.name];
  }

  /** The model's output for a batch (a Sequential model has one input and one output). */
  override apply(x: Tensor, options: CallOptions = {}): Tensor {
    return super.apply(x, options) as Tensor;
  }

  /** The model's output for `x`, computed `batchSize` (default 32) examples at a time. */
  override predict(x: Tensor, options: BatchOptions = {}): Tensor {
    return super.predict(x, options) as Tensor;
  }

  add(layer: Layer): void {
    if (typeof layer?.apply !== 'function') {
      throw new InvalidArgumentError(`Sequential.add: expected a Layer, got ${String(layer)}`);
    }
    if (this.layerList.includes(layer)) {
      throw new InvalidArgumentError(`Sequential.add: layer ${layer.name} is already in ${this.name}`);
    }
    this.layerList.push(layer);
  }

  /** Builds every layer for inputs of `inputShape` (batch axis first, null allowed) and returns the output shapes. */
  build(inputShape: SymbolicShape): SymbolicShape[] {
    const shapes: SymbolicShape[] = [];
    this.lastInputShape = [...inputShape];
    let shape = inputShape;
    for (const layer of this.layerList) {
      if (!layer.isBuilt) layer.buildFromShapes([shape]);
      shape = layer.outputShapeFor([shape]);
      shapes.push(shape);
    }
    return shapes;
  }

  override ensureBuilt(inputs: readonly Tensor[]): void {
    if (this.layerList.some((layer) => !layer.isBuilt)) this.build([null, ...inputs[0].shape.slice(1)]);
  }

  applyToList(inputs: readonly Tensor[], options: CallOptions): Tensor[] {
    if (this.layerList.length === 0) throw new InvalidArgumentError(`${this.name}: the model has no layers`);
    if (this.lastInputShape === undefined) this.lastInputShape = [null, ...inputs[0].shape.slice(1)];
    // Callers run this inside a scope (apply, predict, the training step), which frees the intermediate results.
    let output = inputs[0];
    let mask = options.mask;
    for (const layer of this.layerList) {
      const next = layer.apply(output, { training: options.training, mask });
      mask = layer.computeMask([output], mask);
      output = next;
    }
    return [output];
  }

  getTopology(): { [key: string]: JsonValue } {
    const first = this.layerList[0];
    const inputShape = first?.inputShape === undefined ? this.lastInputShape : [null, ...first.inputShape];
    return {
      className: 'Sequential',
      name: this.name,
      buildInputShape: inputShape === undefined ? null : [...inputShape],
      layers: this.layerList.map((layer) => ({ className: layer.className, config: layer.getConfig() })),
    };
  }

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
}
