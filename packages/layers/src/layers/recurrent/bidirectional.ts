import { add, concat, InvalidArgumentError, mul, reverse, type Tensor, type Variable } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions, type WeightEntry } from '../../layer';
import type { LayerConfig } from '../../util/json-value';
import type { SymbolicShape } from '../../util/shape-format';
import { isNestedLayerConfig, type NestedLayerConfig } from './cell-from-config';
import { nestedLayerFromConfig } from './recurrent-layer-from-config';
import { RNN } from './rnn';

export type BidirectionalMergeMode = 'concat' | 'sum' | 'mul' | 'ave';
const mergeModes: readonly string[] = ['concat', 'sum', 'mul', 'ave'];

export interface BidirectionalOptions extends LayerOptions {
  /** The forward recurrent layer; a goBackwards copy of it runs backwards unless `backwardLayer` is given. */
  layer: RNN | NestedLayerConfig;
  /** How the two directions' outputs combine (default 'concat'); null (separate outputs) is not supported yet. */
  mergeMode?: BidirectionalMergeMode | null;
  /** A layer with goBackwards: true to use as the backward direction. */
  backwardLayer?: RNN | NestedLayerConfig;
}

function recurrentLayerOf(value: unknown, option: string): RNN {
  const layer = isNestedLayerConfig(value) ? nestedLayerFromConfig(value, 'Bidirectional') : value;
  if (!(layer instanceof RNN)) {
    throw new InvalidArgumentError(`Bidirectional: ${option} must be a recurrent layer (LSTM, GRU, SimpleRNN, RNN)`);
  }
  return layer;
}

/**
 * Runs a recurrent layer forwards and a copy backwards over the same sequence and merges their outputs (the
 * backward outputs are flipped back into time order first). Weights: the forward layer's, then the backward's.
 */
export class Bidirectional extends Layer {
  readonly forwardLayer: RNN;
  readonly backwardLayer: RNN;
  readonly mergeMode: BidirectionalMergeMode;
  private readonly backwardGiven: boolean;

  constructor(options: BidirectionalOptions) {
    super('bidirectional', options);
    this.forwardLayer = recurrentLayerOf(options?.layer, 'layer');
    if (options.mergeMode === null) {
      throw new InvalidArgumentError(
        "Bidirectional: mergeMode null (two separate outputs) is not supported yet: a layer has one output; use 'concat', 'sum', 'mul' or 'ave'",
      );
    }
    const mergeMode = options.mergeMode ?? 'concat';
    if (!mergeModes.includes(mergeMode)) {
      throw new InvalidArgumentError(
        `Bidirectional: mergeMode must be one of ${mergeModes.join(', ')}, got ${String(mergeMode)}`,
      );
    }
    this.mergeMode = mergeMode;
    if (this.forwardLayer.returnState) {
      throw new InvalidArgumentError('Bidirectional: returnState on the wrapped layer is not supported yet');
    }
    this.backwardGiven = options.backwardLayer !== undefined;
    if (options.backwardLayer !== undefined) {
      this.backwardLayer = recurrentLayerOf(options.backwardLayer, 'backwardLayer');
      if (this.backwardLayer.goBackwards === this.forwardLayer.goBackwards) {
        throw new InvalidArgumentError('Bidirectional: backwardLayer must have the opposite goBackwards of layer');
      }
      if (this.backwardLayer.returnSequences !== this.forwardLayer.returnSequences) {
        throw new InvalidArgumentError('Bidirectional: layer and backwardLayer must agree on returnSequences');
      }
    } else {
      const forward = this.forwardLayer;
      const config = { ...forward.getConfig(), name: `backward_${forward.name}`, goBackwards: !forward.goBackwards };
      this.backwardLayer = recurrentLayerOf({ className: forward.className, config }, 'layer');
    }
  }

  get className(): string {
    return 'Bidirectional';
  }

  override getConfig(): LayerConfig {
    const nested = (layer: RNN): LayerConfig => ({ className: layer.className, config: layer.getConfig() });
    const config: LayerConfig = { ...super.getConfig(), layer: nested(this.forwardLayer), mergeMode: this.mergeMode };
    if (this.backwardGiven) config.backwardLayer = nested(this.backwardLayer);
    return config;
  }

  override get weights(): Variable[] {
    return [...this.forwardLayer.weights, ...this.backwardLayer.weights];
  }

  override get namedWeights(): readonly WeightEntry[] {
    const prefixed = (layer: RNN, prefix: string) =>
      layer.namedWeights.map((entry) => ({ ...entry, key: `${prefix}/${entry.key}` }));
    return [...prefixed(this.forwardLayer, 'forward'), ...prefixed(this.backwardLayer, 'backward')];
  }

  override get trainable(): boolean {
    return super.trainable;
  }

  override set trainable(value: boolean) {
    super.trainable = value;
    this.forwardLayer.trainable = value;
    this.backwardLayer.trainable = value;
  }

  override regularizationLoss(): Tensor | undefined {
    const penalties = [this.forwardLayer.regularizationLoss(), this.backwardLayer.regularizationLoss()];
    const present = penalties.filter((penalty): penalty is Tensor => penalty !== undefined);
    return present.length === 0 ? undefined : present.length === 1 ? present[0] : add(present[0], present[1]);
  }

  override applyConstraints(): void {
    this.forwardLayer.applyConstraints();
    this.backwardLayer.applyConstraints();
  }

  override dispose(): void {
    this.forwardLayer.dispose();
    this.backwardLayer.dispose();
    super.dispose();
  }

  /** Input: the sequence, optionally followed by the forward layer's initial states and then the backward's. */
  override buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    const stateCount = this.forwardLayer.cell.stateSizes.length;
    if (inputShapes.length !== 1 && inputShapes.length !== 1 + 2 * stateCount) {
      throw new InvalidArgumentError(
        `Bidirectional (${this.name}): expected [input] or [input, ${stateCount} forward state(s), ${stateCount} backward state(s)], got ${inputShapes.length} inputs`,
      );
    }
    if (!this.forwardLayer.isBuilt) this.forwardLayer.buildFromShapes([inputShapes[0]]);
    if (!this.backwardLayer.isBuilt) this.backwardLayer.buildFromShapes([inputShapes[0]]);
    this.markBuilt(inputShapes);
  }

  override outputShapeFor(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    return this.computeOutputShape(inputShapes[0]);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const shape = this.forwardLayer.outputShapeFor([inputShape]);
    const last = shape[shape.length - 1] as number;
    return [...shape.slice(0, -1), this.mergeMode === 'concat' ? 2 * last : last];
  }

  override computeMask(inputs: readonly Tensor[], mask: Tensor | undefined): Tensor | undefined {
    return this.forwardLayer.computeMask(inputs, mask);
  }

  override callOnInputs(inputs: readonly Tensor[], options: CallOptions): Tensor {
    return this.runBoth(inputs, options)[0];
  }

  /** Eager only: `[output, ...forward final states, ...backward final states]`, Keras's order. */
  applyWithState(input: Tensor | readonly Tensor[], options: CallOptions = {}): Tensor[] {
    const inputs = Array.isArray(input) ? [...input] : [input as Tensor];
    if (!this.isBuilt) this.buildFromShapes(inputs.map((value) => value.shape));
    return this.runBoth(inputs, { training: options.training ?? false, mask: options.mask });
  }

  private runBoth(inputs: readonly Tensor[], options: CallOptions): Tensor[] {
    const stateCount = this.forwardLayer.cell.stateSizes.length;
    const [sequence, ...states] = inputs;
    const forwardStates = states.slice(0, stateCount);
    const backwardStates = states.slice(stateCount);
    const forward = this.forwardLayer.run([sequence, ...forwardStates], options);
    const backward = this.backwardLayer.run([sequence, ...backwardStates], options);
    return [this.merge(forward.output, backward.output), ...forward.states, ...backward.states];
  }

  private merge(forward: Tensor, backwardOutput: Tensor): Tensor {
    // Keras: the backward direction's sequence comes out last step first; flip it back into time order.
    const backward = this.backwardLayer.returnSequences ? reverse(backwardOutput, 1) : backwardOutput;
    switch (this.mergeMode) {
      case 'concat':
        return concat([forward, backward], -1);
      case 'sum':
        return add(forward, backward);
      case 'mul':
        return mul(forward, backward);
      default:
        return mul(add(forward, backward), 0.5);
    }
  }
}
