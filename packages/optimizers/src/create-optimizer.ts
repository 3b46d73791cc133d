import { InvalidArgumentError } from '@tessera/core';
import { Adadelta, type AdadeltaOptions } from './adadelta';
import { Adagrad, type AdagradOptions } from './adagrad';
import { Adam, type AdamOptions } from './adam';
import { Adamax, type AdamaxOptions } from './adamax';
import { AdamW, type AdamWOptions } from './adamw';
import type { Optimizer } from './optimizer';
import { RMSprop, type RmspropOptions } from './rmsprop';
import { SGD, type SgdOptions } from './sgd';

export type OptimizerName = 'sgd' | 'adam' | 'adamw' | 'rmsprop' | 'adagrad' | 'adadelta' | 'adamax';

export type OptimizerOptionsByName = {
  sgd: SgdOptions;
  adam: AdamOptions;
  adamw: AdamWOptions;
  rmsprop: RmspropOptions;
  adagrad: AdagradOptions;
  adadelta: AdadeltaOptions;
  adamax: AdamaxOptions;
};

const constructors: { [Name in OptimizerName]: (options: OptimizerOptionsByName[Name]) => Optimizer } = {
  sgd: (options) => new SGD(options),
  adam: (options) => new Adam(options),
  adamw: (options) => new AdamW(options),
  rmsprop: (options) => new RMSprop(options),
  adagrad: (options) => new Adagrad(options),
  adadelta: (options) => new Adadelta(options),
  adamax: (options) => new Adamax(options),
};

/** Builds an optimizer from its registry name, for `model.compile({ optimizer: 'adam' })`. */
export function createOptimizer<Name extends OptimizerName>(
  name: Name,
  options: OptimizerOptionsByName[Name] = {},
): Optimizer {
  if (typeof name !== 'string' || !Object.hasOwn(constructors, name)) {
    throw new InvalidArgumentError(
      `createOptimizer: name must be one of ${Object.keys(constructors).join(', ')}, got ${String(name)}`,
    );
  }
  return (constructors[name] as (options: OptimizerOptionsByName[Name]) => Optimizer)(options);
}
