import { InvalidArgumentError, reshape, ShapeError, type Tensor, type Variable } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions, type WeightEntry } from '../../layer';
import type { LayerConfig } from '../../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../../util/shape-format';
import { isNestedLayerConfig, type NestedLayerConfig } from './cell-from-config';
import { nestedLayerFromConfig } from './recurrent-layer-from-config';

export interface TimeDistributedOptions extends LayerOptions {
  /** The layer applied to every step (its weights are shared across steps). */
  layer: Layer | NestedLayerConfig;
}

/** Applies a layer to every step of a [batch, steps, ...] input by folding the steps into the batch. */
export class TimeDistributed extends Layer {
  readonly layer: Layer;

  constructor(options: TimeDistributedOptions) {
    super('time_distributed', options);
    const layer = isNestedLayerConfig(options?.layer)
      ? nestedLayerFromConfig(options.layer, 'TimeDistributed')
      : options?.layer;
    if (!(layer instanceof Layer)) {
      throw new InvalidArgumentError(`TimeDistributed: layer must be a Layer or its { className, config }`);
    }
    this.layer = layer;
  }

  get className(): string {
    return 'TimeDistributed';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), layer: { className: this.layer.className, config: this.layer.getConfig() } };
  }

  override get weights(): Variable[] {
    return this.layer.weights;
  }

  override get namedWeights(): readonly WeightEntry[] {
    return this.layer.namedWeights;
  }

  override get trainable(): boolean {
    return super.trainable;
  }

  override set trainable(value: boolean) {
    super.trainable = value;
    this.layer.trainable = value;
  }

  override regularizationLoss(): Tensor | undefined {
    return this.layer.regularizationLoss();
  }

  override applyConstraints(): void {
    this.layer.applyConstraints();
  }

  override dispose(): void {
    this.layer.dispose();
    super.dispose();
  }

  override build(inputShape: SymbolicShape): void {
    const stepShape = this.stepShape(inputShape);
    if (!this.layer.isBuilt) this.layer.buildFromShapes([stepShape]);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const stepOutput = this.layer.outputShapeFor([this.stepShape(inputShape)]);
    return [inputShape[0], inputShape[1], ...stepOutput.slice(1)];
  }

  /** The mask marks steps; the wrapped layer works per step, so it still applies. */
  override computeMask(_inputs: readonly Tensor[], mask: Tensor | undefined): Tensor | undefined {
    return mask;
  }

  override call(input: Tensor, options: CallOptions): Tensor {
    const [batch, steps, ...rest] = input.shape;
    const folded = reshape(input, [batch * steps, ...rest]);
    const output = this.layer.apply(folded, { training: options.training });
    return reshape(output, [batch, steps, ...output.shape.slice(1)]);
  }

  private stepShape(inputShape: SymbolicShape): SymbolicShape {
    if (inputShape.length < 3) {
      throw new ShapeError(
        `TimeDistributed (${this.name}): expected input [batch, steps, ...] of rank >= 3, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    return [null, ...inputShape.slice(2)];
  }
}
