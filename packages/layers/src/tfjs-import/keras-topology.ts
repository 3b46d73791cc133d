import type { DType } from '@tessera/core';
import { input } from '../functional/input';
import type { SymbolicTensor } from '../functional/symbolic-tensor';
import type { Layer } from '../layer';
import type { LayersModel } from '../models/layers-model';
import { Model } from '../models/model';
import { Sequential } from '../models/sequential';
import { builtinLayerClasses } from '../serialization/builtin-layer-classes';
import { layerFromConfig } from '../serialization/layer-registry';
import { kerasLayerOptions, type TesseraLayerSpec } from './keras-layer-options';
import { parseInboundNodes, parseTensorReferences, type TensorReference } from './keras-node-references';
import { describeJson, expectArray, expectObject, expectString, failTfjs, type TfjsLocation } from './tfjs-json-checks';

interface KerasLayerEntry {
  readonly className: string;
  readonly name: string;
  readonly spec: TesseraLayerSpec;
  readonly rawEntry: Record<string, unknown>;
}

function readLayerEntries(location: TfjsLocation, layersValue: unknown): KerasLayerEntry[] {
  return expectArray(location, layersValue, 'modelTopology layers').map((value, position) => {
    const what = `layers[${position}]`;
    const entry = expectObject(location, value, what);
    const className = expectString(location, entry.class_name, `${what}.class_name`);
    const spec = kerasLayerOptions(location, className, entry.config, `${what} (${className})`);
    const name = expectString(location, entry.name ?? spec.options.name, `${what}.name`);
    spec.options.name = name;
    return { className, name, spec, rawEntry: entry };
  });
}

/**
 * Creates every non-input layer. Layers build lazily, so no weights are allocated here; a class Tessera does not
 * know is collected so the error lists all of them at once instead of one per attempt.
 */
function createLayers(location: TfjsLocation, entries: readonly KerasLayerEntry[]): Map<string, Layer> {
  const builtins = builtinLayerClasses();
  const layers = new Map<string, Layer>();
  const unsupported = new Set<string>();
  for (const entry of entries) {
    if (entry.className === 'InputLayer') continue;
    if (layers.has(entry.name)) failTfjs(location, `two layers are named '${entry.name}'`);
    try {
      layers.set(
        entry.name,
        layerFromConfig(entry.spec.className, entry.spec.options, `importTfjsModel (${entry.name})`),
      );
    } catch (error) {
      if (Object.hasOwn(builtins, entry.spec.className)) throw error;
      unsupported.add(entry.className);
    }
  }
  if (unsupported.size > 0) {
    failTfjs(
      location,
      `unsupported layer classes: ${[...unsupported].join(', ')} (register custom ones with registerLayer)`,
    );
  }
  return layers;
}

function sequentialFromKeras(location: TfjsLocation, config: unknown): Sequential {
  // Keras before 2.2 wrote the layer list itself as the config.
  const settings = Array.isArray(config) ? { layers: config } : expectObject(location, config, 'Sequential config');
  const entries = readLayerEntries(location, settings.layers);
  let exampleShape: number[] | undefined;
  const bodyEntries = entries.filter((entry, position) => {
    if (entry.className !== 'InputLayer') return true;
    if (position !== 0) failTfjs(location, `Sequential layers[${position}] is an InputLayer after other layers`);
    exampleShape = entry.spec.exampleShape;
    return false;
  });
  const first = bodyEntries[0];
  if (first === undefined) failTfjs(location, 'the Sequential model has no layers');
  exampleShape ??= first.spec.exampleShape;
  if (exampleShape === undefined) {
    failTfjs(location, `the first layer '${first.name}' has no batch_input_shape, so the weights cannot be shaped`);
  }
  first.spec.options.inputShape = exampleShape;
  const layers = createLayers(location, bodyEntries);
  const name = typeof settings.name === 'string' ? settings.name : undefined;
  const model = new Sequential([...layers.values()], { name });
  model.build([null, ...exampleShape]);
  return model;
}

function inputDType(value: unknown): DType {
  return value === 'int32' || value === 'bool' ? value : 'float32';
}

function functionalFromKeras(location: TfjsLocation, config: unknown): Model {
  const settings = expectObject(location, config, 'functional model config');
  const entries = readLayerEntries(location, settings.layers);
  const layers = createLayers(location, entries);
  const produced = new Map<string, SymbolicTensor>();
  const keyOf = (layerName: string, nodeIndex: number) => `${layerName}#${nodeIndex}`;
  const pending: Array<{ layer: Layer; nodeIndex: number; sources: TensorReference[] }> = [];
  for (const entry of entries) {
    if (entry.className === 'InputLayer') {
      const shape = entry.spec.exampleShape;
      if (shape === undefined) failTfjs(location, `InputLayer '${entry.name}' has no batch_input_shape`);
      const dtype = inputDType((entry.rawEntry.config as Record<string, unknown>).dtype);
      produced.set(keyOf(entry.name, 0), input({ shape, dtype, name: entry.name }));
      continue;
    }
    const layer = layers.get(entry.name) as Layer;
    parseInboundNodes(location, entry.rawEntry.inbound_nodes, `layer '${entry.name}'`).forEach((sources, nodeIndex) => {
      pending.push({ layer, nodeIndex, sources });
    });
  }
  const resolve = (reference: TensorReference, what: string): SymbolicTensor | undefined => {
    if (reference.tensorIndex !== 0)
      failTfjs(
        location,
        `${what} uses output ${reference.tensorIndex} of '${reference.layerName}'; Tessera layers have one output`,
      );
    return produced.get(keyOf(reference.layerName, reference.nodeIndex));
  };
  // Keras lists layers, not calls, so a shared layer's later call may need layers listed after it: repeat until stuck.
  while (pending.length > 0) {
    const before = pending.length;
    for (let position = 0; position < pending.length; position++) {
      const node = pending[position];
      const what = `node ${node.nodeIndex} of '${node.layer.name}'`;
      const sources = node.sources.map((reference) => resolve(reference, what));
      if (sources.some((source) => source === undefined)) continue;
      const inputs = sources as SymbolicTensor[];
      produced.set(keyOf(node.layer.name, node.nodeIndex), node.layer.apply(inputs.length === 1 ? inputs[0] : inputs));
      pending.splice(position, 1);
      position--;
    }
    if (pending.length === before) {
      const stuck = pending[0];
      const missing = stuck.sources.find((reference) => resolve(reference, '') === undefined) as TensorReference;
      failTfjs(
        location,
        `node ${stuck.nodeIndex} of '${stuck.layer.name}' needs ${describeJson([missing.layerName, missing.nodeIndex, missing.tensorIndex])}, which no layer produces`,
      );
    }
  }
  const endpoints = (value: unknown, what: string) =>
    parseTensorReferences(location, value, what).map((reference) => {
      const tensor = resolve(reference, what);
      if (tensor === undefined) failTfjs(location, `${what} names '${reference.layerName}', which produces nothing`);
      return tensor;
    });
  return new Model({
    inputs: endpoints(settings.input_layers, 'input_layers'),
    outputs: endpoints(settings.output_layers, 'output_layers'),
    name: typeof settings.name === 'string' ? settings.name : undefined,
  });
}

/** Rebuilds a Keras / tfjs-layers `modelTopology` (`{ class_name, config }`, maybe under `model_config`) in Tessera. */
export function modelFromKerasTopology(location: TfjsLocation, value: unknown): LayersModel {
  let topology = expectObject(location, value, 'modelTopology');
  if (topology.model_config !== undefined)
    topology = expectObject(location, topology.model_config, 'modelTopology.model_config');
  const className = topology.class_name;
  if (className === 'Sequential') return sequentialFromKeras(location, topology.config);
  if (className === 'Model' || className === 'Functional') return functionalFromKeras(location, topology.config);
  return failTfjs(
    location,
    `modelTopology.class_name must be 'Sequential', 'Model' or 'Functional', got ${describeJson(className)}`,
  );
}
