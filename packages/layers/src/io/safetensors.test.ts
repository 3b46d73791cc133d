import { describe, expect, it } from 'vitest';
import { decodeSafetensors } from './decode-safetensors';
import { encodeSafetensors } from './encode-safetensors';
import { ModelFormatError, type ModelFormatErrorReason } from './model-format-error';
import type { TensorBytes } from './tensor-bytes';

const FILE = 'weights.safetensors';

/** A safetensors file with an arbitrary (possibly hostile) header and data section. */
function rawFile(header: unknown, data: Uint8Array = new Uint8Array(0), headerLength?: number): Uint8Array {
  const headerBytes = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const file = new Uint8Array(8 + headerBytes.length + data.length);
  const view = new DataView(file.buffer);
  const length = headerLength ?? headerBytes.length;
  view.setUint32(0, length % 2 ** 32, true);
  view.setUint32(4, Math.floor(length / 2 ** 32), true);
  file.set(headerBytes, 8);
  file.set(data, 8 + headerBytes.length);
  return file;
}

function expectRejected(file: Uint8Array, reason: ModelFormatErrorReason, ...fragments: string[]): void {
  let caught: unknown;
  try {
    decodeSafetensors(file, FILE);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ModelFormatError);
  const error = caught as ModelFormatError;
  expect(error.reason).toBe(reason);
  expect(error.code).toBe('INVALID_ARGUMENT');
  expect(error.message).toContain(FILE);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

const sample: TensorBytes[] = [
  {
    name: 'dense_1/kernel',
    dtype: 'float32',
    shape: [2, 3],
    bytes: new Uint8Array(new Float32Array([1, 2, 3, 4, 5, 6]).buffer),
  },
  { name: 'counts', dtype: 'int32', shape: [1], bytes: new Uint8Array(new Int32Array([-7]).buffer) },
  { name: 'mask', dtype: 'bool', shape: [3], bytes: new Uint8Array([1, 0, 1]) },
  { name: 'empty', dtype: 'float32', shape: [0, 4], bytes: new Uint8Array(0) },
];

describe('encodeSafetensors', () => {
  const file = encodeSafetensors(sample, { format: 'pt' });

  it('writes the spec layout: u64 length, space-padded JSON header aligned to 8, then the data', () => {
    const headerLength = new DataView(file.buffer).getUint32(0, true);
    expect(new DataView(file.buffer).getUint32(4, true)).toBe(0);
    expect((8 + headerLength) % 8).toBe(0);
    const headerText = new TextDecoder().decode(file.subarray(8, 8 + headerLength));
    const header = JSON.parse(headerText);
    expect(header.__metadata__).toEqual({ format: 'pt' });
    expect(header['dense_1/kernel']).toEqual({ dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] });
    expect(header.counts).toEqual({ dtype: 'I32', shape: [1], data_offsets: [24, 28] });
    expect(header.mask).toEqual({ dtype: 'BOOL', shape: [3], data_offsets: [28, 31] });
    expect(header.empty).toEqual({ dtype: 'F32', shape: [0, 4], data_offsets: [31, 31] });
    expect(headerText.trimEnd()).toBe(headerText.replace(/ +$/, ''));
    expect(file.length).toBe(8 + headerLength + 31);
  });

  it('decodes back to the same names, shapes, dtypes and bytes', () => {
    const decoded = decodeSafetensors(file, FILE);
    expect([...decoded.keys()]).toEqual(sample.map((entry) => entry.name));
    for (const entry of sample) expect(decoded.get(entry.name)).toEqual(entry);
  });

  it('reads U8 entries as bool (as some writers store masks)', () => {
    const decoded = decodeSafetensors(
      rawFile({ m: { dtype: 'U8', shape: [2], data_offsets: [0, 2] } }, new Uint8Array([0, 1])),
      FILE,
    );
    expect(decoded.get('m')?.dtype).toBe('bool');
  });
});

describe('decodeSafetensors rejects corrupt files', () => {
  const valid = encodeSafetensors(sample);

  it.each([0, 1, 7])('a file truncated to %i bytes (no room for the header length)', (length) => {
    expectRejected(valid.slice(0, length), 'INVALID_SAFETENSORS', 'shorter than the 8-byte header length');
  });

  it.each([8, 20, 40])('a file truncated to %i bytes (header cut off)', (length) => {
    expectRejected(valid.slice(0, length), 'INVALID_SAFETENSORS', 'runs past the end of the file');
  });

  it.each([1, 10, 31])('a file missing its last %i data bytes', (missing) => {
    expectRejected(valid.slice(0, valid.length - missing), 'INVALID_SAFETENSORS', 'data_offsets', 'run past');
  });

  it('a header length larger than the file', () => {
    expectRejected(rawFile({}, new Uint8Array(0), 1000), 'INVALID_SAFETENSORS', 'header length 1000', 'past the end');
  });

  it('an absurd header length (2^60) without allocating it', () => {
    expectRejected(rawFile({}, new Uint8Array(0), 2 ** 60), 'INVALID_SAFETENSORS', 'above the 100 MB limit');
  });

  it('a header length just above 100 MB', () => {
    expectRejected(rawFile({}, new Uint8Array(0), 100_000_001), 'INVALID_SAFETENSORS', 'above the 100 MB limit');
  });

  it('a header that is not JSON', () => {
    expectRejected(rawFile('{"a": {'), 'INVALID_SAFETENSORS', 'not valid JSON');
  });

  it('a header that is not UTF-8', () => {
    const file = rawFile('{}  ');
    file[9] = 0xff;
    expectRejected(file, 'INVALID_SAFETENSORS', 'not valid UTF-8');
  });

  it.each([['[]'], ['null'], ['3']])('a header that is not an object: %s', (header) => {
    expectRejected(rawFile(header), 'INVALID_SAFETENSORS', 'header must be a JSON object');
  });

  it('an entry that is not an object', () => {
    expectRejected(rawFile({ w: 5 }), 'INVALID_SAFETENSORS', "header['w'] must be an object");
  });

  it('an unknown dtype', () => {
    const header = { w: { dtype: 'F16', shape: [1], data_offsets: [0, 2] } };
    expectRejected(rawFile(header, new Uint8Array(2)), 'INVALID_SAFETENSORS', "header['w'].dtype 'F16'", 'F32');
  });

  it.each([[[-1, 2]], [[1.5]], [['2']], ['3'], [[Number.MAX_SAFE_INTEGER * 2]]])('a bad shape %j', (shape) => {
    const header = { w: { dtype: 'F32', shape, data_offsets: [0, 4] } };
    expectRejected(rawFile(header, new Uint8Array(4)), 'INVALID_SAFETENSORS', "header['w'].shape");
  });

  it('a shape whose product overflows, refused before multiplying it out', () => {
    const header = { w: { dtype: 'F32', shape: [2 ** 40, 2 ** 40, 2 ** 40], data_offsets: [0, 4] } };
    expectRejected(
      rawFile(header, new Uint8Array(4)),
      'INVALID_SAFETENSORS',
      'needs more bytes than the 4-byte data section',
    );
  });

  it.each([
    [[-4, 0], 'data_offsets[0] must be a non-negative integer'],
    [[0, 2.5], 'data_offsets[1] must be a non-negative integer'],
    [[0], 'must be [begin, end]'],
    [[8, 4], 'ends before it begins'],
    [[0, 12], 'run past the 8-byte data section'],
  ])('bad offsets %j', (offsets, message) => {
    const header = { w: { dtype: 'F32', shape: [1], data_offsets: offsets } };
    expectRejected(rawFile(header, new Uint8Array(8)), 'INVALID_SAFETENSORS', "header['w']", message as string);
  });

  it('overlapping ranges', () => {
    const header = {
      a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
    };
    expectRejected(rawFile(header, new Uint8Array(12)), 'INVALID_SAFETENSORS', "'b' overlaps tensor 'a'");
  });

  it('a gap in the data section', () => {
    const header = { a: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } };
    expectRejected(rawFile(header, new Uint8Array(8)), 'INVALID_SAFETENSORS', 'gap of unused bytes [0, 4)');
  });

  it('trailing unused bytes', () => {
    const header = { a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } };
    expectRejected(rawFile(header, new Uint8Array(6)), 'INVALID_SAFETENSORS', '2 unused trailing bytes');
  });

  it('shape × dtype that does not match the byte length', () => {
    const header = { a: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } };
    expectRejected(
      rawFile(header, new Uint8Array(16)),
      'INVALID_SAFETENSORS',
      'has 8 bytes but shape [3] × F32 needs 12',
    );
  });

  it('metadata that is not an object of strings', () => {
    expectRejected(rawFile({ __metadata__: { format: 3 } }), 'INVALID_SAFETENSORS', '__metadata__');
  });
});
