import { type DType, InvalidArgumentError } from '@tessera/core';
import { input } from '../functional/input';
import type { SymbolicTensor } from '../functional/symbolic-tensor';
import type { Layer } from '../layer';
import type { LayersModel } from '../models/layers-model';
import { Model } from '../models/model';
import { Sequential } from '../models/sequential';
import { layerFromConfig } from './layer-registry';

const context = 'loadModel (model.json modelTopology)';

function fail(message: string): never {
  throw new InvalidArgumentError(`${context}: ${message}`);
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) fail(`${what} must be an array, got ${typeof value}`);
  return value;
}

function asShape(value: unknown, what: string, allowNullFirst: boolean): Array<number | null> {
  const list = asArray(value, what);
  list.forEach((size, axis) => {
    const valid = (Number.isInteger(size) && (size as number) > 0) || (allowNullFirst && axis === 0 && size === null);
    if (!valid) fail(`${what}[${axis}] must be a positive integer, got ${JSON.stringify(size)}`);
  });
  return list as Array<number | null>;
}

function buildLayers(topology: Record<string, unknown>): Layer[] {
  return asArray(topology.layers, 'layers').map((entry, position) => {
    const layer = asObject(entry, `layers[${position}]`);
    return layerFromConfig(layer.className, layer.config, context);
  });
}

function sequentialFromTopology(topology: Record<string, unknown>): Sequential {
  const model = new Sequential(buildLayers(topology), {
    name: typeof topology.name === 'string' ? topology.name : undefined,
  });
  if (topology.buildInputShape !== null && topology.buildInputShape !== undefined) {
    model.build(asShape(topology.buildInputShape, 'buildInputShape', true));
  }
  return model;
}

function functionalFromTopology(topology: Record<string, unknown>): Model {
  const layers = buildLayers(topology);
  const layersByName = new Map(layers.map((layer) => [layer.name, layer]));
  if (layersByName.size !== layers.length) fail('two layers share a name');
  const tensors: SymbolicTensor[] = asArray(topology.inputs, 'inputs').map((entry, position) => {
    const spec = asObject(entry, `inputs[${position}]`);
    const dtype = spec.dtype ?? 'float32';
    if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool')
      fail(`inputs[${position}].dtype is ${String(dtype)}`);
    return input({
      shape: asShape(spec.shape, `inputs[${position}].shape`, false) as number[],
      dtype: dtype as DType,
      name: typeof spec.name === 'string' ? spec.name : undefined,
    });
  });
  const inputCount = tensors.length;
  const tensorAt = (index: unknown, what: string): SymbolicTensor => {
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= tensors.length) {
      fail(`${what} refers to tensor ${JSON.stringify(index)}, but only ${tensors.length} exist at that point`);
    }
    return tensors[index as number];
  };
  asArray(topology.nodes, 'nodes').forEach((entry, position) => {
    const node = asObject(entry, `nodes[${position}]`);
    const layer = layersByName.get(String(node.layer));
    if (layer === undefined) fail(`nodes[${position}] uses unknown layer ${JSON.stringify(node.layer)}`);
    const sources = asArray(node.inputs, `nodes[${position}].inputs`).map((index) =>
      tensorAt(index, `nodes[${position}]`),
    );
    if (sources.length === 0) fail(`nodes[${position}] has no inputs`);
    tensors.push(layer.apply(sources.length === 1 ? sources[0] : sources));
  });
  const outputs = asArray(topology.outputs, 'outputs').map((index, position) =>
    tensorAt(index, `outputs[${position}]`),
  );
  return new Model({
    inputs: tensors.slice(0, inputCount),
    outputs,
    name: typeof topology.name === 'string' ? topology.name : undefined,
  });
}

/** Rebuilds a model's architecture (fresh weights) from `model.json`'s modelTopology, validating as it goes. */
export function modelFromTopology(value: unknown): LayersModel {
  const topology = asObject(value, 'modelTopology');
  if (topology.className === 'Sequential') return sequentialFromTopology(topology);
  if (topology.className === 'Model') return functionalFromTopology(topology);
  return fail(`className must be 'Sequential' or 'Model', got ${JSON.stringify(topology.className)}`);
}
