import { fileStorageHandler } from '../io/file-storage-handler';
import { httpStorageHandler } from '../io/http-storage-handler';
import type { StoredModelReader } from '../io/model-storage-handler';
import { DEFAULT_MAX_MODEL_JSON_BYTES, DEFAULT_MAX_WEIGHTS_BYTES, type LoadOptions } from '../io/storage-options';
import { describeJson, expectObject, failTfjs, type TfjsLocation } from './tfjs-json-checks';
import { parseWeightSpecs, parseWeightsManifest, type TfjsWeightSpec } from './tfjs-weight-specs';

/** tfjs's in-memory `ModelArtifacts` (what `tf.io.withSaveHandler` receives); only these fields are read. */
export interface TfjsModelArtifacts {
  modelTopology: unknown;
  weightSpecs?: unknown;
  weightData?: ArrayBuffer | ArrayBuffer[] | ArrayBufferView;
}

/** A parsed tfjs model: its Keras topology, weight specs and the concatenated weight bytes. */
export interface TfjsModelContents {
  readonly location: TfjsLocation;
  readonly modelTopology: unknown;
  readonly specs: TfjsWeightSpec[];
  readonly data: Uint8Array;
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

function bytesOf(location: TfjsLocation, value: unknown): Uint8Array {
  if (value === undefined || value === null) return new Uint8Array(0);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return concatenate(value.map((part) => bytesOf(location, part)));
  return failTfjs(location, `weightData must be an ArrayBuffer (or a list of them), got ${typeof value}`);
}

function fromArtifacts(artifacts: TfjsModelArtifacts): TfjsModelContents {
  const location = { file: 'in-memory artifacts' };
  const record = expectObject(location, artifacts, 'artifacts');
  const specs = record.weightSpecs === undefined ? [] : parseWeightSpecs(location, record.weightSpecs, 'weightSpecs');
  return { location, modelTopology: record.modelTopology, specs, data: bytesOf(location, record.weightData) };
}

async function openStored(url: string, options: LoadOptions): Promise<StoredModelReader> {
  const resolved = {
    ...options,
    maxModelJsonBytes: options.maxModelJsonBytes ?? DEFAULT_MAX_MODEL_JSON_BYTES,
    maxWeightsBytes: options.maxWeightsBytes ?? DEFAULT_MAX_WEIGHTS_BYTES,
  };
  if (url.startsWith('http://') || url.startsWith('https://')) return httpStorageHandler.load(url, resolved);
  if (!url.startsWith('file://')) {
    failTfjs(
      { file: url },
      "source must be a 'file://' folder or model.json, an 'http(s)://' URL or tfjs ModelArtifacts",
    );
  }
  // The file handler reads `<folder>/model.json`; a path to model.json itself names that folder.
  const folder = url.endsWith('/model.json') ? url.slice(0, -'/model.json'.length) : url;
  if (folder.endsWith('.json'))
    failTfjs({ file: url }, "a file:// source must be a folder or a path ending in '/model.json'");
  return fileStorageHandler.load(folder, resolved);
}

async function fromUrl(url: string, options: LoadOptions): Promise<TfjsModelContents> {
  const reader = await openStored(url, options);
  const location = { file: reader.modelJson.location };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(reader.modelJson.bytes));
  } catch (error) {
    failTfjs(location, `model.json is not valid UTF-8 JSON (${(error as Error).message})`);
  }
  const modelJson = expectObject(location, parsed, 'model.json');
  const { paths, specs } = parseWeightsManifest(location, modelJson.weightsManifest ?? []);
  const expectedBytes = specs.reduce((total, spec) => total + spec.byteLength, 0);
  const limit = options.maxWeightsBytes ?? DEFAULT_MAX_WEIGHTS_BYTES;
  if (expectedBytes > limit) {
    failTfjs(location, `the manifest describes ${expectedBytes} weight bytes, above the ${limit}-byte limit`);
  }
  const shards: Uint8Array[] = [];
  let readBytes = 0;
  for (const path of paths) {
    const shard = await reader.readWeights(path);
    readBytes += shard.bytes.byteLength;
    // Stops reading as soon as the shards hold more than the manifest accounts for.
    if (readBytes > expectedBytes) {
      failTfjs(
        location,
        `weight shards hold more than the ${expectedBytes} bytes the manifest describes (at ${describeJson(path)})`,
        'TENSOR_MISMATCH',
      );
    }
    shards.push(shard.bytes);
  }
  return { location, modelTopology: modelJson.modelTopology, specs, data: concatenate(shards) };
}

/** Reads a tfjs Layers model from a URL or from in-memory artifacts, validating the manifest before any shard. */
export async function readTfjsArtifacts(
  source: string | TfjsModelArtifacts,
  options: LoadOptions,
): Promise<TfjsModelContents> {
  if (typeof source === 'string') return fromUrl(source, options);
  if (typeof source !== 'object' || source === null) {
    failTfjs({ file: String(source) }, `source must be a URL string or tfjs ModelArtifacts, got ${typeof source}`);
  }
  return fromArtifacts(source);
}
