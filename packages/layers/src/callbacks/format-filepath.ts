import { InvalidArgumentError } from '@tessera/core';
import { formatExponential, formatFixed } from './format-number';

// `{name}` or `{name:spec}`, the subset of Python's str.format that Keras checkpoint paths use.
const FIELD = /\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*))?\}/g;

function applySpec(value: number, spec: string, name: string): string {
  if (spec === '') return String(value);
  const fixed = /^\.(\d+)f$/.exec(spec);
  if (fixed !== null) return formatFixed(value, Number(fixed[1]));
  const exponential = /^\.(\d+)e$/.exec(spec);
  if (exponential !== null) return formatExponential(value, Number(exponential[1]));
  const integer = /^(0?)(\d*)d$/.exec(spec);
  if (integer !== null) {
    if (!Number.isInteger(value)) {
      throw new InvalidArgumentError(`modelCheckpoint: '{${name}:${spec}}' needs an integer, got ${value}`);
    }
    return String(value).padStart(Number(integer[2] || 0), integer[1] === '0' ? '0' : ' ');
  }
  throw new InvalidArgumentError(
    `modelCheckpoint: unsupported format '{${name}:${spec}}'; use {${name}}, {${name}:.4f}, {${name}:.2e} or {${name}:02d}`,
  );
}

/** Fills a Keras-style path template: `epoch-{epoch:02d}-{val_loss:.4f}` with the given values. */
export function formatFilepath(template: string, values: Record<string, number>): string {
  return template.replace(FIELD, (_field, name: string, spec: string | undefined) => {
    const value = values[name];
    if (value === undefined) {
      throw new InvalidArgumentError(
        `modelCheckpoint: the path template names '{${name}}', which is not in the logs; available: ${Object.keys(values).join(', ')}`,
      );
    }
    return applySpec(value, spec ?? '', name);
  });
}
