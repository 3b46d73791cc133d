import { describeJson, expectArray, failTfjs, type TfjsLocation } from './tfjs-json-checks';

/** One tensor in a Keras graph: output `tensorIndex` of call `nodeIndex` of layer `layerName`. */
export interface TensorReference {
  readonly layerName: string;
  readonly nodeIndex: number;
  readonly tensorIndex: number;
}

function referenceFrom(location: TfjsLocation, value: unknown, what: string): TensorReference {
  const list = expectArray(location, value, what);
  const [layerName, nodeIndex, tensorIndex] = list;
  const validIndex = (index: unknown) => Number.isSafeInteger(index) && (index as number) >= 0;
  if (typeof layerName !== 'string' || !validIndex(nodeIndex) || !validIndex(tensorIndex ?? 0)) {
    failTfjs(location, `${what} must be [layerName, nodeIndex, tensorIndex], got ${describeJson(value)}`);
  }
  return { layerName, nodeIndex: nodeIndex as number, tensorIndex: (tensorIndex ?? 0) as number };
}

/** Keras 3 writes call arguments as `{ class_name: '__keras_tensor__', config: { keras_history } }`, nested in lists. */
function collectKerasTensors(location: TfjsLocation, value: unknown, what: string, found: TensorReference[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectKerasTensors(location, item, what, found);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (record.class_name === '__keras_tensor__') {
    const config = record.config as Record<string, unknown> | undefined;
    found.push(referenceFrom(location, config?.keras_history, `${what} keras_history`));
  }
}

/**
 * A layer's `inbound_nodes`: one entry per call. Keras 2 and tfjs write each call as a list of
 * `[layerName, nodeIndex, tensorIndex, kwargs]`; Keras 3 writes `{ args, kwargs }` holding keras tensors.
 */
export function parseInboundNodes(location: TfjsLocation, value: unknown, what: string): TensorReference[][] {
  if (value === undefined) return [];
  return expectArray(location, value, `${what} inbound_nodes`).map((node, nodeIndex) => {
    const nodeWhat = `${what} inbound_nodes[${nodeIndex}]`;
    let references: TensorReference[];
    if (Array.isArray(node)) {
      references = node.map((reference, position) => referenceFrom(location, reference, `${nodeWhat}[${position}]`));
    } else if (typeof node === 'object' && node !== null) {
      references = [];
      collectKerasTensors(location, (node as Record<string, unknown>).args, nodeWhat, references);
    } else {
      return failTfjs(location, `${nodeWhat} must be a list or { args }, got ${describeJson(node)}`);
    }
    if (references.length === 0) failTfjs(location, `${nodeWhat} has no inputs`);
    return references;
  });
}

/** `input_layers` / `output_layers`: a list of `[layerName, nodeIndex, tensorIndex]` (Keras 3 may write one bare). */
export function parseTensorReferences(location: TfjsLocation, value: unknown, what: string): TensorReference[] {
  const list = expectArray(location, value, what);
  if (typeof list[0] === 'string') return [referenceFrom(location, list, what)];
  if (list.length === 0) failTfjs(location, `${what} is empty`);
  return list.map((reference, position) => referenceFrom(location, reference, `${what}[${position}]`));
}
