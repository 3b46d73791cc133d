import { InvalidArgumentError, ShapeError, type Tensor } from '@tessera/core';
import { type CallOptions, Layer } from '../layer';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

/**
 * A layer combining a list of at least two inputs (Add, Multiply, Concatenate). Subclasses validate the shapes,
 * give the output shape and combine the tensors; the base handles the multi-input hooks of `Layer`.
 */
export abstract class MergeLayer extends Layer {
  /** Throws a ShapeError naming the layer when the shapes cannot be combined. */
  protected abstract validateShapes(inputShapes: readonly SymbolicShape[]): void;

  /** The combined shape of shapes already validated. */
  protected abstract mergedShape(inputShapes: readonly SymbolicShape[]): SymbolicShape;

  /** Combines the tensors, whose shapes were validated. */
  protected abstract merge(inputs: readonly Tensor[]): Tensor;

  override buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    this.assertInputList(inputShapes);
    this.markBuilt(inputShapes);
  }

  override callOnInputs(inputs: readonly Tensor[], _options: CallOptions): Tensor {
    const shapes = inputs.map((input) => input.shape);
    this.assertInputList(shapes);
    return this.merge(inputs);
  }

  override outputShapeFor(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    this.assertInputList(inputShapes);
    return this.mergedShape(inputShapes);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return this.outputShapeFor([inputShape]);
  }

  /** Error text listing the shapes received. */
  protected describeShapes(inputShapes: readonly SymbolicShape[]): string {
    return inputShapes.map((shape) => formatSymbolicShape(shape)).join(', ');
  }

  private assertInputList(inputShapes: readonly SymbolicShape[]): void {
    if (inputShapes.length < 2) {
      throw new InvalidArgumentError(
        `${this.className} (${this.name}): expected a list of at least 2 inputs, got ${inputShapes.length}`,
      );
    }
    if (inputShapes.some((shape) => shape.length < 1)) {
      throw new ShapeError(
        `${this.className} (${this.name}): inputs need a batch axis, got ${this.describeShapes(inputShapes)}`,
      );
    }
    this.validateShapes(inputShapes);
  }
}

/** The size shared by several inputs along one axis: null (unknown) entries defer to known ones. */
export function sharedSize(sizes: ReadonlyArray<number | null>): number | null | 'conflict' {
  let known: number | null = null;
  for (const size of sizes) {
    if (size === null) continue;
    if (known !== null && known !== size) return 'conflict';
    known = size;
  }
  return known;
}
