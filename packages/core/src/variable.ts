import type { Backend } from './backend/backend-definition';
import type { DataId } from './backend/kernel-specs';
import { bytesPerElement } from './dtype';
import { ENGINE } from './engine/engine';
import { DTypeError, InvalidArgumentError, ShapeError } from './errors';
import { Tensor } from './tensor';
import { formatShape, shapesEqual } from './util/shape';

const variablesByName = new Map<string, Variable>();

/**
 * A mutable holder of a tensor value: what models train. Not owned by any `tidy`/`scope`; freed only by
 * `dispose()`. Gradient functions watch trainable variables by default.
 */
export class Variable extends Tensor {
  readonly name: string;
  private isTrainable: boolean;

  constructor(initial: Tensor, trainable: boolean, name: string) {
    super(ENGINE.nextId(), initial.dataId, initial.shape, initial.dtype, initial.backend);
    if (variablesByName.has(name)) {
      throw new InvalidArgumentError(`variable: a variable named '${name}' already exists; names must be unique`);
    }
    this.name = name;
    this.isTrainable = trainable;
    ENGINE.retainBuffer(initial.dataId, initial.backend, initial.size * bytesPerElement(initial.dtype));
    ENGINE.registerTensor(this, false);
    variablesByName.set(name, this);
  }

  override get trainable(): boolean {
    return this.isTrainable;
  }

  override set trainable(value: boolean) {
    this.isTrainable = value;
  }

  /** Replaces the value (same shape and dtype). The variable shares `value`'s buffer; `value` may be disposed after. */
  assign(value: Tensor): void {
    this.assertAlive('assign');
    value.assertAlive('assign (value)');
    if (value.dtype !== this.dtype) {
      throw new DTypeError(`assign: variable '${this.name}' is ${this.dtype}, got a ${value.dtype} value`);
    }
    if (!shapesEqual(value.shape, this.shape)) {
      throw new ShapeError(
        `assign: variable '${this.name}' has shape ${formatShape(this.shape)}, got a value of shape ${formatShape(value.shape)}`,
      );
    }
    ENGINE.tracer?.assign(this, value);
    this.replaceBuffer(value.dataId, value.backend);
  }

  /** @internal Points the variable at another buffer (the replay of a compiled step assigns this way). */
  replaceBuffer(dataId: DataId, backend: Backend): void {
    ENGINE.retainBuffer(dataId, backend, this.size * bytesPerElement(this.dtype));
    ENGINE.releaseBuffer(this.dataId);
    this.moveTo(dataId, backend);
  }

  override dispose(): void {
    if (variablesByName.get(this.name) === this) variablesByName.delete(this.name);
    super.dispose();
  }
}

/** The live variables, in creation order. */
export function registeredVariables(): Variable[] {
  return [...variablesByName.values()];
}
