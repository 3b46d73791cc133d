import {
  fill,
  InvalidArgumentError,
  noGrad,
  registeredVariables,
  ShapeError,
  type Tensor,
  tensor,
  tidy,
  type Variable,
  variable,
  variableGrads,
} from '@tessera/core';
import { type ClipOptions, clipGradients, validateClipOptions } from './clip-gradients';
import { assertNonNegative } from './validate-config';

/** A learning rate as a function of the optimizer's iteration count (0 for the first step). */
export type LearningRateSchedule = (step: number) => number;

export type LearningRate = number | LearningRateSchedule;

/** Options every optimizer accepts. */
export interface OptimizerOptions extends ClipOptions {
  learningRate?: LearningRate;
}

/** What `getState` returns: plain JSON, so it can be written next to saved weights and read back. */
export interface OptimizerState {
  name: string;
  config: Record<string, number | boolean | string>;
  iterations: number;
  /** Keyed `${variableName}/${slotName}`; values in row-major order. */
  slots: Record<string, { shape: number[]; values: number[] }>;
}

interface SlotEntry {
  variable: Variable;
  /** Shape of the variable the slot belongs to, checked when the slot is reused. */
  shape: readonly number[];
}

/**
 * The base every optimizer extends. Subclasses implement `applyUpdate` for one variable; the base resolves
 * gradient names, clips, evaluates the learning-rate schedule, keeps slot variables and saves/restores state.
 */
export abstract class Optimizer {
  /** Registry name (`'adam'`, `'sgd'`, ...), written into the state so a mismatched restore fails loudly. */
  abstract readonly name: string;
  iterations = 0;
  learningRate: LearningRate;
  protected readonly clipOptions: ClipOptions;
  private readonly slotsByKey = new Map<string, SlotEntry>();
  /** Values restored by `setState` for slots not created yet (their variables may not exist yet either). */
  private readonly pendingSlotValues = new Map<string, { shape: number[]; values: number[] }>();

  protected constructor(owner: string, options: OptimizerOptions, defaultLearningRate: number) {
    const learningRate = options.learningRate ?? defaultLearningRate;
    if (typeof learningRate !== 'function') assertNonNegative(owner, 'learningRate', learningRate);
    this.learningRate = learningRate;
    this.clipOptions = validateClipOptions(owner, options);
  }

  /** Optimizer-specific hyperparameters, merged into `getConfig()`. */
  protected abstract ownConfig(): Record<string, number | boolean>;

  /**
   * Updates one variable. Called inside `noGrad` and `tidy`; `step` is 1 for the first update (bias
   * corrections use it), `learningRate` is already evaluated for this step.
   */
  protected abstract applyUpdate(variable: Variable, gradient: Tensor, learningRate: number, step: number): void;

  /** Applies one update from gradients keyed by variable name (as `variableGrads` returns) or by variable. */
  step(gradients: Record<string, Tensor> | Map<Variable, Tensor>): void {
    const pairs = this.resolveGradients(gradients);
    const learningRate = this.currentLearningRate();
    const stepNumber = this.iterations + 1;
    noGrad(() =>
      tidy(() => {
        const clipped = clipGradients(
          pairs.map(([, gradient]) => gradient),
          this.clipOptions,
        );
        pairs.forEach(([target], index) => {
          this.applyUpdate(target, clipped[index], learningRate, stepNumber);
        });
      }),
    );
    this.iterations = stepNumber;
  }

  /** Computes the gradients of `lossFunction`, applies one step and returns the loss (the caller disposes it). */
  minimize(lossFunction: () => Tensor, variables?: Variable[]): Tensor {
    const { value, grads } = variableGrads(lossFunction, variables);
    try {
      this.step(grads);
    } finally {
      for (const gradient of Object.values(grads)) gradient.dispose();
    }
    return value;
  }

  /** The learning rate the next step will use. */
  currentLearningRate(): number {
    if (typeof this.learningRate === 'number') return this.learningRate;
    const value = this.learningRate(this.iterations);
    return assertNonNegative(`${this.name}.step`, `learningRate schedule result at step ${this.iterations}`, value);
  }

  /** JSON-friendly configuration; a schedule is reported as the rate the next step will use. */
  getConfig(): Record<string, number | boolean> {
    const config: Record<string, number | boolean> = { learningRate: this.currentLearningRate() };
    for (const [key, value] of Object.entries(this.clipOptions)) if (value !== undefined) config[key] = value;
    return { ...config, ...this.ownConfig() };
  }

  async getState(): Promise<OptimizerState> {
    const slots: OptimizerState['slots'] = {};
    for (const [key, entry] of this.slotsByKey) {
      slots[key] = { shape: [...entry.variable.shape], values: Array.from(await entry.variable.data()) };
    }
    for (const [key, saved] of this.pendingSlotValues) if (!(key in slots)) slots[key] = saved;
    return { name: this.name, config: this.getConfig(), iterations: this.iterations, slots };
  }

  async setState(state: OptimizerState): Promise<void> {
    const owner = `${this.name}.setState`;
    if (typeof state !== 'object' || state === null) {
      throw new InvalidArgumentError(`${owner}: expected an OptimizerState object, got ${String(state)}`);
    }
    if (state.name !== this.name) {
      throw new InvalidArgumentError(`${owner}: state is for optimizer '${state.name}', this is '${this.name}'`);
    }
    if (!Number.isInteger(state.iterations) || state.iterations < 0) {
      throw new InvalidArgumentError(`${owner}: iterations must be an integer >= 0, got ${String(state.iterations)}`);
    }
    for (const [key, saved] of Object.entries(state.slots ?? {})) {
      const size = saved.shape.reduce((product, dimension) => product * dimension, 1);
      if (!Array.isArray(saved.values) || saved.values.length !== size) {
        throw new ShapeError(
          `${owner}: slot '${key}' has shape [${saved.shape.join(',')}] (${size} values), got ${saved.values?.length} values`,
        );
      }
    }
    this.disposeSlots();
    this.iterations = state.iterations;
    for (const [key, saved] of Object.entries(state.slots ?? {})) {
      this.pendingSlotValues.set(key, { shape: [...saved.shape], values: [...saved.values] });
    }
  }

  /** Frees every slot variable; the optimizer starts from fresh slots if used again. */
  dispose(): void {
    this.disposeSlots();
  }

  /**
   * The slot variable `slotName` of `target`, created on first use with `initialValue` (or the value restored
   * by `setState`). Slots are not trainable so `variableGrads` never watches them.
   */
  protected slot(target: Variable, slotName: string, initialValue = 0): Variable {
    const key = `${target.name}/${slotName}`;
    const existing = this.slotsByKey.get(key);
    if (existing !== undefined) {
      if (!sameShape(existing.shape, target.shape)) {
        throw new ShapeError(
          `${this.name}.step: slot '${key}' has shape [${existing.shape.join(',')}], variable is [${target.shape.join(',')}]`,
        );
      }
      return existing.variable;
    }
    const restored = this.pendingSlotValues.get(key);
    if (restored !== undefined && !sameShape(restored.shape, target.shape)) {
      throw new ShapeError(
        `${this.name}.step: restored slot '${key}' has shape [${restored.shape.join(',')}], variable is [${target.shape.join(',')}]`,
      );
    }
    const initial =
      restored !== undefined ? tensor(restored.values, restored.shape) : fill(target.shape, initialValue, 'float32');
    this.pendingSlotValues.delete(key);
    const created = variable(initial, { trainable: false, name: uniqueVariableName(key) });
    initial.dispose();
    this.slotsByKey.set(key, { variable: created, shape: [...target.shape] });
    return created;
  }

  private disposeSlots(): void {
    for (const entry of this.slotsByKey.values()) entry.variable.dispose();
    this.slotsByKey.clear();
    this.pendingSlotValues.clear();
  }

  private resolveGradients(gradients: Record<string, Tensor> | Map<Variable, Tensor>): Array<[Variable, Tensor]> {
    const owner = `${this.name}.step`;
    let pairs: Array<[Variable, Tensor]>;
    if (gradients instanceof Map) {
      pairs = [...gradients.entries()];
    } else if (typeof gradients === 'object' && gradients !== null) {
      const byName = new Map(registeredVariables().map((candidate) => [candidate.name, candidate]));
      pairs = Object.entries(gradients).map(([name, gradient]) => {
        const target = byName.get(name);
        if (target === undefined) {
          throw new InvalidArgumentError(`${owner}: got a gradient for '${name}', but no live variable has that name`);
        }
        return [target, gradient];
      });
    } else {
      throw new InvalidArgumentError(
        `${owner}: expected gradients as a Record<name, Tensor> or Map<Variable, Tensor>, got ${String(gradients)}`,
      );
    }
    for (const [target, gradient] of pairs) {
      if (!sameShape(gradient.shape, target.shape)) {
        throw new ShapeError(
          `${owner}: gradient for '${target.name}' has shape [${gradient.shape.join(',')}], variable is [${target.shape.join(',')}]`,
        );
      }
    }
    return pairs;
  }
}

function sameShape(left: readonly number[], right: readonly number[]): boolean {
  return left.length === right.length && left.every((dimension, axis) => dimension === right[axis]);
}

/** Two optimizers over the same variable would both want `${name}/m`; the second gets a numbered suffix. */
function uniqueVariableName(base: string): string {
  const taken = new Set(registeredVariables().map((candidate) => candidate.name));
  if (!taken.has(base)) return base;
  let counter = 1;
  while (taken.has(`${base}_${counter}`)) counter++;
  return `${base}_${counter}`;
}
