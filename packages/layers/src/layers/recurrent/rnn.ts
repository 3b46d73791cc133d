import {
  DTypeError,
  dropout,
  InvalidArgumentError,
  mul,
  notEqual,
  ones,
  reshape,
  ShapeError,
  slice,
  type Tensor,
  transpose,
  unstack,
  type Variable,
  zeros,
} from '@tessera/core';
import { isSymbolicTensor } from '../../functional/symbolic-tensor';
import { type CallOptions, Layer, type LayerOptions, type WeightEntry } from '../../layer';
import type { LayerConfig } from '../../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../../util/shape-format';
import { cellFromConfig, isNestedLayerConfig, type NestedLayerConfig } from './cell-from-config';
import { RecurrentCell } from './recurrent-cell';
import { runRecurrence } from './run-recurrence';
import { StatefulStates } from './stateful-states';

/** The options of every recurrent layer besides its cell's. */
export interface RecurrentLayerOptions extends LayerOptions {
  /** Output every step's output ([batch, steps, units]) rather than the last one ([batch, units]). */
  returnSequences?: boolean;
  /** Also return the final states: only through `applyWithState` (graph nodes have one output for now). */
  returnState?: boolean;
  /** Process the steps last to first (outputs come in processing order, as Keras). */
  goBackwards?: boolean;
  /** Carry the final states of a call into the next one (fixed batch size; `resetStates()` clears them). */
  stateful?: boolean;
  /** Accepted for Keras compatibility; the loop is always the fused one. */
  unroll?: boolean;
}

export interface RNNOptions extends RecurrentLayerOptions {
  cell: RecurrentCell | NestedLayerConfig;
}

/** The final output and states of one run over a sequence. */
export interface RecurrentResult {
  output: Tensor;
  states: Tensor[];
}

function readBoolean(value: unknown, option: string, context: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(`${context}: ${option} must be a boolean, got ${String(value)}`);
  }
  return value;
}

/**
 * Runs a recurrent cell over the steps of a [batch, steps, features] input. The input projection of all steps
 * is one matmul before the loop; the loop itself is one op on the tape (see run-recurrence.ts). Initial states
 * may be passed as extra inputs: `apply([x, h0, c0])`. Masked steps (`options.mask`) keep the previous states.
 */
export class RNN extends Layer {
  readonly cell: RecurrentCell;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly stateful: boolean;
  readonly unroll: boolean;
  private readonly statefulStates: StatefulStates;
  private calls = 0;

  /** `makeCell` is for subclasses (LSTM...) whose cell is named after the layer; users pass `options.cell`. */
  constructor(options: RNNOptions, kind = 'rnn', makeCell?: (layerName: string) => RecurrentCell) {
    super(kind, options);
    const context = this.className;
    if (makeCell !== undefined) {
      this.cell = makeCell(this.name);
    } else if (options?.cell instanceof RecurrentCell) {
      this.cell = options.cell;
    } else if (isNestedLayerConfig(options?.cell)) {
      this.cell = cellFromConfig(options.cell, context);
    } else {
      throw new InvalidArgumentError(
        `${context}: cell must be a recurrent cell (SimpleRNNCell, LSTMCell, GRUCell) or its { className, config }, got ${typeof options?.cell}`,
      );
    }
    this.returnSequences = readBoolean(options.returnSequences, 'returnSequences', context);
    this.returnState = readBoolean(options.returnState, 'returnState', context);
    this.goBackwards = readBoolean(options.goBackwards, 'goBackwards', context);
    this.stateful = readBoolean(options.stateful, 'stateful', context);
    this.unroll = readBoolean(options.unroll, 'unroll', context);
    this.statefulStates = new StatefulStates(this.name, this.cell.stateSizes);
  }

  get className(): string {
    return 'RNN';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      cell: { className: this.cell.className, config: this.cell.getConfig() },
      ...this.recurrentConfig(),
    };
  }

  /** The RNN-level options as config entries. */
  protected recurrentConfig(): LayerConfig {
    return {
      returnSequences: this.returnSequences,
      returnState: this.returnState,
      goBackwards: this.goBackwards,
      stateful: this.stateful,
      unroll: this.unroll,
    };
  }

  // The weights are the cell's: getWeights/setWeights, saving and training see kernel, recurrent_kernel, bias.
  override get weights(): Variable[] {
    return this.cell.weights;
  }

  override get namedWeights(): readonly WeightEntry[] {
    return this.cell.namedWeights;
  }

  override get trainable(): boolean {
    return super.trainable;
  }

  override set trainable(value: boolean) {
    super.trainable = value;
    this.cell.trainable = value;
  }

  override regularizationLoss(): Tensor | undefined {
    return this.cell.regularizationLoss();
  }

  override applyConstraints(): void {
    this.cell.applyConstraints();
  }

  override dispose(): void {
    this.cell.dispose();
    this.statefulStates.dispose();
    super.dispose();
  }

  /** Clears a stateful layer's states (to zeros, or to the given [batch, size] values). */
  resetStates(states?: readonly Tensor[]): void {
    if (!this.stateful) {
      throw new InvalidArgumentError(`${this.className} (${this.name}): resetStates needs stateful: true`);
    }
    this.statefulStates.reset(states);
  }

  override buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    this.outputShapeOf(inputShapes);
    const features = inputShapes[0][2] as number;
    if (!this.cell.isBuilt) this.cell.build([null, features]);
    this.markBuilt(inputShapes);
  }

  override outputShapeFor(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    this.rejectReturnState();
    return this.outputShapeOf(inputShapes);
  }

  override computeMask(_inputs: readonly Tensor[], mask: Tensor | undefined): Tensor | undefined {
    return this.returnSequences ? mask : undefined;
  }

  override callOnInputs(inputs: readonly Tensor[], options: CallOptions): Tensor {
    this.rejectReturnState();
    return this.run(inputs, options).output;
  }

  /** Eager only: `[output, ...finalStates]` (an LSTM's final h and c), whatever `returnState` says. */
  applyWithState(input: Tensor | readonly Tensor[], options: CallOptions = {}): Tensor[] {
    const inputs = Array.isArray(input) ? [...input] : [input as Tensor];
    if (inputs.some((value) => isSymbolicTensor(value))) {
      throw new InvalidArgumentError(
        `${this.className} (${this.name}): applyWithState takes tensors; graph nodes with several outputs are not supported yet`,
      );
    }
    if (!this.isBuilt) this.buildFromShapes(inputs.map((value) => value.shape));
    const { output, states } = this.run(inputs, { training: options.training ?? false, mask: options.mask });
    return [output, ...states];
  }

  /** One run over the sequence; Bidirectional calls it on its two layers. */
  run(inputs: readonly Tensor[], options: CallOptions): RecurrentResult {
    const sequence = inputs[0];
    this.outputShapeOf(inputs.map((value) => value.shape));
    if (sequence.dtype !== 'float32') {
      throw new DTypeError(`${this.className} (${this.name}): expected a float32 input, got ${sequence.dtype}`);
    }
    const [batch, steps, features] = sequence.shape;
    const cell = this.cell;
    const training = options.training ?? false;
    // Like Dropout: training call n draws with seeds derived from seed + n, so masks differ between batches.
    const seed = (offset: number) => (cell.seed === undefined ? undefined : cell.seed + 2 * this.calls + offset);
    const initialStates = this.initialStates(inputs, batch);
    // Keras draws each dropout mask once per call and reuses it at every step.
    const dropped =
      training && cell.dropout > 0
        ? mul(sequence, dropout(ones([batch, 1, features]), cell.dropout, { seed: seed(0) }))
        : sequence;
    const recurrentMask =
      training && cell.recurrentDropout > 0
        ? dropout(ones([batch, cell.units]), cell.recurrentDropout, { seed: seed(1) })
        : undefined;
    if (dropped !== sequence || recurrentMask !== undefined) this.calls++;
    const timeMajor = reshape(transpose(dropped, [1, 0, 2]), [steps * batch, features]);
    const projected = cell.projectInputs(timeMajor);
    const packed = runRecurrence({
      cell,
      projected: reshape(projected, [steps, batch, projected.shape[1]]),
      initialStates,
      recurrent: cell.recurrentTensors(),
      stepMasks: this.stepMasks(options.mask, batch, steps),
      recurrentMask,
      goBackwards: this.goBackwards,
    });
    const units = cell.units;
    const last = reshape(slice(packed, [steps - 1, 0, 0], [1, batch, units]), [batch, units]);
    const sizes = cell.stateSizes;
    const extraStates = sizes
      .slice(1)
      .map((size, index) => reshape(slice(packed, [steps + index, 0, 0], [1, batch, size]), [batch, size]));
    const states = [last, ...extraStates];
    if (this.stateful) this.statefulStates.update(states);
    const output = this.returnSequences
      ? transpose(sizes.length === 1 ? packed : slice(packed, [0, 0, 0], [steps, batch, units]), [1, 0, 2])
      : last;
    return { output, states };
  }

  private rejectReturnState(): void {
    if (this.returnState) {
      throw new InvalidArgumentError(
        `${this.className} (${this.name}): returnState is not supported by apply or in models (a graph node has one output for now); call applyWithState(input) to get [output, ...states]`,
      );
    }
  }

  /** Validates [batch, steps, features] plus optional initial states, and returns the output shape. */
  private outputShapeOf(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    const [shape, ...stateShapes] = inputShapes;
    const where = `${this.className} (${this.name})`;
    if (shape.length !== 3 || shape[2] === null || shape[1] === 0) {
      throw new ShapeError(
        `${where}: expected input [batch, steps, features] with known features and at least one step, got ${formatSymbolicShape(shape)}`,
      );
    }
    const sizes = this.cell.stateSizes;
    if (stateShapes.length !== 0 && stateShapes.length !== sizes.length) {
      throw new InvalidArgumentError(
        `${where}: expected [input] or [input, ${sizes.length} initial state(s)], got ${inputShapes.length} inputs`,
      );
    }
    stateShapes.forEach((stateShape, index) => {
      if (stateShape.length !== 2 || (stateShape[1] !== null && stateShape[1] !== sizes[index])) {
        throw new ShapeError(
          `${where}: initial state ${index} must be [batch, ${sizes[index]}], got ${formatSymbolicShape(stateShape)}`,
        );
      }
    });
    return this.returnSequences ? [shape[0], shape[1], this.cell.units] : [shape[0], this.cell.units];
  }

  private initialStates(inputs: readonly Tensor[], batch: number): Tensor[] {
    if (inputs.length > 1) {
      inputs.slice(1).forEach((state, index) => {
        if (state.shape[0] !== batch) {
          throw new ShapeError(
            `${this.className} (${this.name}): initial state ${index} has batch ${state.shape[0]}, the input has ${batch}`,
          );
        }
      });
      return inputs.slice(1);
    }
    if (this.stateful) return this.statefulStates.current(batch);
    return this.cell.stateSizes.map((size) => zeros([batch, size]));
  }

  /** The mask [batch, steps] as per-step bool [batch, 1] tensors. */
  private stepMasks(mask: Tensor | undefined, batch: number, steps: number): Tensor[] | undefined {
    if (mask === undefined) return undefined;
    if (mask.rank !== 2 || mask.shape[0] !== batch || mask.shape[1] !== steps) {
      throw new ShapeError(
        `${this.className} (${this.name}): expected a mask of shape [${batch}, ${steps}], got ${formatSymbolicShape(mask.shape)}`,
      );
    }
    const flags = mask.dtype === 'bool' ? mask : notEqual(mask, 0);
    return unstack(reshape(transpose(flags, [1, 0]), [steps, batch, 1]), 0);
  }
}
