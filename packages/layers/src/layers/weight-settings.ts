import type { Constraint } from '../constraints/constraint';
import { type ConstraintIdentifier, getConstraint } from '../constraints/get-constraint';
import { getInitializer, type InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import type { WeightOptions } from '../layer';
import { getRegularizer, type RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { Regularizer } from '../regularizers/regularizer';
import type { LayerConfig } from '../util/json-value';

/** The options one kind of weight (the kernel, the bias) takes on a layer. */
export interface WeightSettingsOptions {
  initializer?: InitializerName | Initializer;
  regularizer?: RegularizerIdentifier;
  constraint?: ConstraintIdentifier;
}

/**
 * Resolves a weight's initializer, regularizer and constraint options once, and writes them back as config:
 * a named initializer by name (a custom one is left out, as the saved weights replace it anyway), a regularizer
 * or constraint as its `config`.
 */
export class WeightSettings {
  readonly initializer: Initializer;
  readonly regularizer: Regularizer | undefined;
  readonly constraint: Constraint | undefined;
  private readonly initializerName: InitializerName | undefined;

  constructor(options: WeightSettingsOptions, defaultInitializer: InitializerName, context: string) {
    const initializer = options.initializer ?? defaultInitializer;
    this.initializer = getInitializer(initializer, context);
    this.initializerName = typeof initializer === 'string' ? initializer : undefined;
    this.regularizer = options.regularizer === undefined ? undefined : getRegularizer(options.regularizer, context);
    this.constraint = options.constraint === undefined ? undefined : getConstraint(options.constraint, context);
  }

  /** The regularizer and constraint as `addWeight` takes them. */
  get weightOptions(): WeightOptions {
    return { regularizer: this.regularizer, constraint: this.constraint };
  }

  /** Config entries named after the weight: `kernel` gives kernelInitializer, kernelRegularizer, kernelConstraint. */
  config(prefix: string): LayerConfig {
    const config: LayerConfig = {};
    if (this.initializerName !== undefined) config[`${prefix}Initializer`] = this.initializerName;
    if (this.regularizer !== undefined) config[`${prefix}Regularizer`] = { ...this.regularizer.config };
    if (this.constraint !== undefined) config[`${prefix}Constraint`] = { ...this.constraint.config };
    return config;
  }
}
