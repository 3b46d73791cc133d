import { InvalidArgumentError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { ModelFormatError, type ModelFormatErrorReason } from './model-format-error';
import { isPlainFileName, parseModelJson } from './model-json';

const FILE = '/models/m/model.json';

function validModelJson(): Record<string, unknown> {
  return {
    format: 'tessera-layers-model',
    formatVersion: 1,
    generatedBy: '@tessera/layers',
    modelTopology: { className: 'Sequential', config: { layers: [] } },
    trainingConfig: { loss: 'meanSquaredError' },
    weightsFile: 'weights.safetensors',
    weights: [{ name: 'dense_1/kernel', shape: [3, 2], dtype: 'float32' }],
    optimizer: { name: 'adam', config: { learningRate: 0.01, amsgrad: false }, iterations: 4, slots: [] },
  };
}

function parse(value: unknown, maxBytes = 1 << 20) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return parseModelJson(new TextEncoder().encode(text), FILE, maxBytes);
}

function expectRejected(value: unknown, reason: ModelFormatErrorReason, ...fragments: string[]): void {
  let caught: unknown;
  try {
    parse(value);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ModelFormatError);
  expect((caught as ModelFormatError).reason).toBe(reason);
  expect((caught as ModelFormatError).file).toBe(FILE);
  expect((caught as Error).message.startsWith(`${FILE}: `)).toBe(true);
  for (const fragment of fragments) expect((caught as Error).message).toContain(fragment);
}

function modified(change: (json: Record<string, unknown>) => void): Record<string, unknown> {
  const json = validModelJson();
  change(json);
  return json;
}

describe('parseModelJson', () => {
  it('accepts a valid model.json and keeps the opaque parts as they are', () => {
    const parsed = parse(validModelJson());
    expect(parsed.modelTopology).toEqual({ className: 'Sequential', config: { layers: [] } });
    expect(parsed.weights).toEqual([{ name: 'dense_1/kernel', shape: [3, 2], dtype: 'float32' }]);
    expect(parsed.optimizer?.config).toEqual({ learningRate: 0.01, amsgrad: false });
  });

  it('refuses a model.json above the size cap before parsing it', () => {
    expect(() => parse(validModelJson(), 10)).toThrow(/above the 10-byte limit/);
  });

  it('refuses text that is not JSON', () => {
    expectRejected('{"format": ', 'INVALID_JSON', 'is not valid UTF-8 JSON');
  });

  it.each([['[]'], ['null'], ['"model"'], ['42']])('refuses a top level that is not an object: %s', (text) => {
    expectRejected(text, 'INVALID_FIELD', 'the top level must be an object');
  });

  it('refuses another format', () => {
    expectRejected(
      modified((json) => {
        json.format = 'tfjs-layers';
      }),
      'INVALID_FIELD',
      "format must be 'tessera-layers-model'",
      "'tfjs-layers'",
    );
  });

  it('refuses a newer formatVersion, naming both versions', () => {
    expectRejected(
      modified((json) => {
        json.formatVersion = 7;
      }),
      'UNSUPPORTED_VERSION',
      'formatVersion 7',
      '(1)',
      'upgrade',
    );
  });

  it.each([[0], [1.5], ['1'], [null]])('refuses formatVersion %j', (version) => {
    expectRejected(
      modified((json) => {
        json.formatVersion = version;
      }),
      'INVALID_FIELD',
      'formatVersion',
    );
  });

  it.each([
    ['generatedBy', 5, 'generatedBy must be a string, got 5'],
    ['modelTopology', [], 'modelTopology must be an object, got an array of length 0'],
    ['modelTopology', undefined, 'modelTopology must be an object, got nothing'],
    ['trainingConfig', 'mse', "trainingConfig must be an object, got 'mse'"],
    ['weights', {}, 'weights must be an array, got an object'],
    ['weightsFile', 3, 'weightsFile must be a string'],
    ['optimizer', [], 'optimizer must be an object'],
  ])('refuses %s = %j', (field, value, message) => {
    expectRejected(
      modified((json) => {
        json[field] = value;
      }),
      'INVALID_FIELD',
      message,
    );
  });

  it.each([
    ['../../etc/passwd'],
    ['/etc/passwd'],
    ['sub/weights.bin'],
    ['..\\weights.bin'],
    ['..'],
    ['.'],
    [''],
    ['w\0.bin'],
    ['C:weights'],
  ])('refuses weightsFile %j so nothing outside the folder is read', (weightsFile) => {
    expectRejected(
      modified((json) => {
        json.weightsFile = weightsFile;
      }),
      'INVALID_FIELD',
      'weightsFile must be a plain file name',
    );
  });

  it.each([
    [{ shape: [1], dtype: 'float32' }, 'weights[0].name must be a string, got nothing'],
    [{ name: '', shape: [1], dtype: 'float32' }, "weights[0].name must not be ''"],
    [{ name: 'w', shape: [-1], dtype: 'float32' }, 'weights[0].shape[0] must be a non-negative integer, got -1'],
    [{ name: 'w', shape: 3, dtype: 'float32' }, 'weights[0].shape must be an array'],
    [
      { name: 'w', shape: [1], dtype: 'float64' },
      "weights[0].dtype must be 'float32', 'int32' or 'bool', got 'float64'",
    ],
    ['w', 'weights[0] must be an object'],
  ])('refuses weight entry %j', (entry, message) => {
    expectRejected(
      modified((json) => {
        json.weights = [entry];
      }),
      'INVALID_FIELD',
      message,
    );
  });

  it('refuses duplicate weight names', () => {
    const entry = { name: 'w', shape: [1], dtype: 'float32' };
    expectRejected(
      modified((json) => {
        json.weights = [entry, entry];
      }),
      'INVALID_FIELD',
      "weights[1].name 'w' appears more than once",
    );
  });

  it.each([
    [
      { name: 'adam', config: { beta: [1] }, iterations: 0, slots: [] },
      'optimizer.config.beta must be a number, boolean or string',
    ],
    [{ name: 'adam', config: {}, iterations: -1, slots: [] }, 'optimizer.iterations must be a non-negative integer'],
    [{ name: 'adam', config: {}, iterations: 0 }, 'optimizer.slots must be an array, got nothing'],
    [{ config: {}, iterations: 0, slots: [] }, 'optimizer.name must be a string'],
  ])('refuses optimizer %j', (optimizer, message) => {
    expectRejected(
      modified((json) => {
        json.optimizer = optimizer;
      }),
      'INVALID_FIELD',
      message,
    );
  });

  it('refuses an optimizer slot that collides with a weight stored under optimizer/', () => {
    const json = modified((value) => {
      value.weights = [{ name: 'optimizer/m', shape: [1], dtype: 'float32' }];
      value.optimizer = {
        name: 'adam',
        config: {},
        iterations: 0,
        slots: [{ name: 'm', shape: [1], dtype: 'float32' }],
      };
    });
    expectRejected(json, 'INVALID_FIELD', "'m' collides with weight 'optimizer/m'");
  });
});

describe('isPlainFileName', () => {
  it('accepts ordinary names', () => {
    expect(isPlainFileName('weights.safetensors')).toBe(true);
    expect(isPlainFileName('model-v2.weights.bin')).toBe(true);
  });
});

describe('ModelFormatError', () => {
  it('is an InvalidArgumentError, while plain InvalidArgumentErrors are not ModelFormatErrors', () => {
    const error = new ModelFormatError('INVALID_FIELD', 'model.json', 'weights must be an array');
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toBe('model.json: weights must be an array');
    expect(new InvalidArgumentError('other')).not.toBeInstanceOf(ModelFormatError);
  });
});
