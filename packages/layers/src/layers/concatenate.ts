import { concat, InvalidArgumentError, ShapeError, type Tensor } from '@tessera/core';
import type { LayerOptions } from '../layer';
import type { LayerConfig } from '../util/json-value';
import type { SymbolicShape } from '../util/shape-format';
import { MergeLayer, sharedSize } from './merge-layer';

export interface ConcatenateOptions extends LayerOptions {
  /** The axis joined along (default -1); every other axis must match across inputs. */
  axis?: number;
}

/** Joins a list of inputs along `axis`. */
export class Concatenate extends MergeLayer {
  readonly axis: number;

  constructor(options: ConcatenateOptions = {}) {
    super('concatenate', options);
    const axis = options.axis ?? -1;
    if (!Number.isInteger(axis)) {
      throw new InvalidArgumentError(`Concatenate: axis must be an integer, got ${String(axis)}`);
    }
    this.axis = axis;
  }

  get className(): string {
    return 'Concatenate';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), axis: this.axis };
  }

  protected validateShapes(inputShapes: readonly SymbolicShape[]): void {
    const rank = inputShapes[0].length;
    if (!inputShapes.every((shape) => shape.length === rank)) {
      throw new ShapeError(
        `Concatenate (${this.name}): inputs must have the same rank, got ${this.describeShapes(inputShapes)}`,
      );
    }
    const joined = this.joinedAxis(rank);
    if (joined < 1 || joined >= rank) {
      throw new ShapeError(
        `Concatenate (${this.name}): axis ${this.axis} must be a non-batch axis of inputs of rank ${rank}`,
      );
    }
    for (let axis = 1; axis < rank; axis++) {
      if (axis === joined) continue;
      if (sharedSize(inputShapes.map((shape) => shape[axis])) === 'conflict') {
        throw new ShapeError(
          `Concatenate (${this.name}): inputs must match on every axis but ${this.axis}, got ${this.describeShapes(inputShapes)}`,
        );
      }
    }
  }

  protected mergedShape(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    const joined = this.joinedAxis(inputShapes[0].length);
    return inputShapes[0].map((_, axis) => {
      const sizes = inputShapes.map((shape) => shape[axis]);
      if (axis !== joined) return sharedSize(sizes) as number | null;
      return sizes.some((size) => size === null) ? null : (sizes as number[]).reduce((total, size) => total + size, 0);
    });
  }

  protected merge(inputs: readonly Tensor[]): Tensor {
    return concat(inputs, this.joinedAxis(inputs[0].rank));
  }

  private joinedAxis(rank: number): number {
    return this.axis < 0 ? this.axis + rank : this.axis;
  }
}
