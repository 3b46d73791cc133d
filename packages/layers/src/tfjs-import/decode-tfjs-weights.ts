import { failTfjs, type TfjsLocation } from './tfjs-json-checks';
import type { TfjsWeightSpec } from './tfjs-weight-specs';

/** A weight's values, decoded but not yet a tensor, so a failure later leaves nothing to free. */
export interface DecodedWeight {
  readonly spec: TfjsWeightSpec;
  readonly values: Float32Array | Int32Array;
}

/** IEEE 754 half precision to a JS number. */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function decodeOne(spec: TfjsWeightSpec, bytes: Uint8Array): Float32Array | Int32Array {
  // Copying into a fresh buffer aligns it for the typed-array view; tfjs files are little-endian like every JS host.
  const buffer = bytes.slice().buffer;
  const quantization = spec.quantization;
  if (quantization === undefined) return spec.dtype === 'int32' ? new Int32Array(buffer) : new Float32Array(buffer);
  const stored = quantization.dtype === 'uint8' ? new Uint8Array(buffer) : new Uint16Array(buffer);
  const values = spec.dtype === 'int32' ? new Int32Array(spec.elements) : new Float32Array(spec.elements);
  for (let position = 0; position < spec.elements; position++) {
    const value =
      quantization.dtype === 'float16'
        ? halfToNumber(stored[position])
        : stored[position] * quantization.scale + quantization.min;
    values[position] = spec.dtype === 'int32' ? Math.round(value) : value;
  }
  return values;
}

/** Splits the concatenated weight bytes by the specs, after checking their sizes add up exactly. */
export function decodeTfjsWeights(
  location: TfjsLocation,
  specs: readonly TfjsWeightSpec[],
  data: Uint8Array,
): Map<string, DecodedWeight> {
  const expected = specs.reduce((total, spec) => total + spec.byteLength, 0);
  if (expected !== data.byteLength) {
    failTfjs(
      location,
      `the weight specs describe ${expected} bytes but the weight data holds ${data.byteLength}; a shard is truncated or the manifest does not match it`,
      'TENSOR_MISMATCH',
    );
  }
  const decoded = new Map<string, DecodedWeight>();
  let offset = 0;
  for (const spec of specs) {
    decoded.set(spec.name, { spec, values: decodeOne(spec, data.subarray(offset, offset + spec.byteLength)) });
    offset += spec.byteLength;
  }
  return decoded;
}
