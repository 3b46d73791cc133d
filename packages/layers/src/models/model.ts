import { InvalidArgumentError, ShapeError, type Tensor } from '@tessera/core';
import { isSymbolicTensor, type SymbolicTensor } from '../functional/symbolic-tensor';
import type { CallOptions, Layer } from '../layer';
import type { JsonValue } from '../util/json-value';
import { formatSymbolicShape } from '../util/shape-format';
import { uniqueLayerName } from '../util/unique-layer-name';
import { formatSummary } from './format-summary';
import { LayersModel } from './layers-model';

export interface ModelOptions {
  /** What `input()` returned; one per model input, in the order `fit`/`predict` take them. */
  inputs: SymbolicTensor | readonly SymbolicTensor[];
  /** Layer outputs reachable from the inputs; one per model output. */
  outputs: SymbolicTensor | readonly SymbolicTensor[];
  name?: string;
}

function asSymbolicList(value: SymbolicTensor | readonly SymbolicTensor[], what: string): SymbolicTensor[] {
  const list = Array.isArray(value) ? [...value] : [value as SymbolicTensor];
  if (list.length === 0 || !list.every(isSymbolicTensor)) {
    throw new InvalidArgumentError(
      `Model: ${what} must be SymbolicTensors from input() or layer.apply, got ${String(value)}`,
    );
  }
  return list;
}

/**
 * Every layer output the outputs depend on, each after its inputs (depth-first post-order), so running them in
 * order evaluates the graph. Fails when the graph needs an input that is not among the model's inputs.
 */
function orderNodes(inputs: readonly SymbolicTensor[], outputs: readonly SymbolicTensor[]): SymbolicTensor[] {
  const inputIds = new Set(inputs.map((tensor) => tensor.id));
  const ordered: SymbolicTensor[] = [];
  const finished = new Set<number>();
  const visiting = new Set<number>();
  const visit = (tensor: SymbolicTensor): void => {
    if (inputIds.has(tensor.id) || finished.has(tensor.id)) return;
    if (tensor.sourceLayer === undefined) {
      throw new InvalidArgumentError(
        `Model: the graph is disconnected: outputs depend on input '${tensor.name}', which is not in inputs`,
      );
    }
    if (visiting.has(tensor.id)) throw new InvalidArgumentError(`Model: the graph has a cycle at ${tensor.name}`);
    visiting.add(tensor.id);
    for (const source of tensor.inputs) visit(source);
    visiting.delete(tensor.id);
    finished.add(tensor.id);
    ordered.push(tensor);
  };
  for (const output of outputs) visit(output);
  return ordered;
}

/** A model over a graph of layers: `new Model({ inputs, outputs })` after wiring layers with `input()` and `apply`. */
export class Model extends LayersModel {
  private readonly inputTensors: SymbolicTensor[];
  private readonly outputTensors: SymbolicTensor[];
  private readonly nodes: SymbolicTensor[];
  private readonly layerList: Layer[];

  constructor(options: ModelOptions) {
    super(options?.name ?? uniqueLayerName('model'));
    this.inputTensors = asSymbolicList(options?.inputs, 'inputs');
    this.outputTensors = asSymbolicList(options.outputs, 'outputs');
    if (new Set(this.inputTensors.map((tensor) => tensor.id)).size !== this.inputTensors.length) {
      throw new InvalidArgumentError('Model: an input is listed twice');
    }
    this.nodes = orderNodes(this.inputTensors, this.outputTensors);
    const layers: Layer[] = [];
    for (const node of this.nodes) {
      const layer = node.sourceLayer as Layer;
      if (!layers.includes(layer)) layers.push(layer);
    }
    const names = new Set<string>();
    for (const layer of layers) {
      if (names.has(layer.name))
        throw new InvalidArgumentError(`Model: two different layers are named '${layer.name}'`);
      names.add(layer.name);
    }
    this.layerList = layers;
  }

  get className(): string {
    return 'Model';
  }

  get layers(): Layer[] {
    return [...this.layerList];
  }

  get inputs(): SymbolicTensor[] {
    return [...this.inputTensors];
  }

  get outputs(): SymbolicTensor[] {
    return [...this.outputTensors];
  }

  get inputCount(): number {
    return this.inputTensors.length;
  }

  get outputNames(): string[] {
    return this.outputTensors.map((tensor) => tensor.sourceLayer?.name ?? tensor.name);
  }

  applyToList(inputs: readonly Tensor[], options: CallOptions): Tensor[] {
    const values = new Map<number, Tensor>();
    this.inputTensors.forEach((symbolic, position) => {
      const given = inputs[position];
      const matches =
        given.rank === symbolic.rank &&
        symbolic.shape.every((size, axis) => size === null || size === given.shape[axis]);
      if (!matches) {
        throw new ShapeError(
          `${this.name}: input ${position} ('${symbolic.name}') expects shape ${formatSymbolicShape(symbolic.shape)}, got ${formatSymbolicShape(given.shape)}`,
        );
      }
      values.set(symbolic.id, given);
    });
    // Callers run this inside a scope (apply, predict, the training step), which frees the intermediate results.
    const masks = new Map<number, Tensor | undefined>();
    for (const node of this.nodes) {
      const nodeInputs = node.inputs.map((source) => values.get(source.id) as Tensor);
      const layer = node.sourceLayer as Layer;
      const mask = masks.get(node.inputs[0].id);
      values.set(
        node.id,
        layer.apply(nodeInputs.length === 1 ? nodeInputs[0] : nodeInputs, { training: options.training, mask }),
      );
      masks.set(node.id, layer.computeMask(nodeInputs, mask));
    }
    return this.outputTensors.map((output) => values.get(output.id) as Tensor);
  }

  /** Tensors are numbered: inputs first, then each node's output in evaluation order. */
  getTopology(): { [key: string]: JsonValue } {
    const indexById = new Map<number, number>();
    for (const [position, tensor] of this.inputTensors.entries()) indexById.set(tensor.id, position);
    for (const [position, node] of this.nodes.entries()) indexById.set(node.id, this.inputTensors.length + position);
    return {
      className: 'Model',
      name: this.name,
      inputs: this.inputTensors.map((tensor) => ({
        name: tensor.name,
        shape: tensor.shape.slice(1) as number[],
        dtype: tensor.dtype,
      })),
      layers: this.layerList.map((layer) => ({ className: layer.className, config: layer.getConfig() })),
      nodes: this.nodes.map((node) => ({
        layer: (node.sourceLayer as Layer).name,
        inputs: node.inputs.map((source) => indexById.get(source.id) as number),
      })),
      outputs: this.outputTensors.map((tensor) => indexById.get(tensor.id) as number),
    };
  }

  summary(options: { print?: boolean } = {}): string {
    const shapes = this.layerList.map((layer) => {
      const shape = this.nodes.find((node) => node.sourceLayer === layer)?.shape;
      return shape ?? [];
    });
    const text = formatSummary(this.name, this.layerList, shapes);
    if (options.print ?? true) console.log(text);
    return text;
  }
}
