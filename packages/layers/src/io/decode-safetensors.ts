import { bytesPerElementOf, describeValue, isPlainObject } from './json-checks';
import { convertLittleEndianInPlace } from './little-endian';
import { ModelFormatError } from './model-format-error';
import { knownSafetensorsDTypes, tesseraDTypeOf } from './safetensors-dtype';
import type { TensorBytes } from './tensor-bytes';

/** Headers beyond this are refused before any allocation, as the reference implementation does. */
export const MAX_SAFETENSORS_HEADER_BYTES = 100_000_000;

interface EntryRange {
  name: string;
  begin: number;
  end: number;
}

function fail(fileName: string, message: string): never {
  throw new ModelFormatError('INVALID_SAFETENSORS', fileName, message);
}

function readHeaderLength(file: Uint8Array, fileName: string): number {
  if (file.length < 8) fail(fileName, `file is ${file.length} bytes, shorter than the 8-byte header length`);
  const view = new DataView(file.buffer, file.byteOffset, 8);
  const low = view.getUint32(0, true);
  const high = view.getUint32(4, true);
  // Anything with high bits set is far above the cap; stating it as 2^32·high avoids building an unsafe number.
  if (high !== 0) fail(fileName, `header length is at least ${high * 2 ** 32} bytes, above the 100 MB limit`);
  if (low > MAX_SAFETENSORS_HEADER_BYTES) fail(fileName, `header length ${low} bytes is above the 100 MB limit`);
  if (low > file.length - 8) {
    fail(fileName, `header length ${low} bytes runs past the end of the file (${file.length - 8} bytes after it)`);
  }
  return low;
}

function parseHeader(file: Uint8Array, headerLength: number, fileName: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(8, 8 + headerLength));
  } catch {
    fail(fileName, 'header is not valid UTF-8');
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (error) {
    fail(fileName, `header is not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(header)) fail(fileName, `header must be a JSON object, got ${describeValue(header)}`);
  return header;
}

function checkShape(shape: unknown, field: string, fileName: string): number[] {
  if (!Array.isArray(shape)) fail(fileName, `${field}.shape must be an array, got ${describeValue(shape)}`);
  for (const [axis, size] of shape.entries()) {
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      fail(fileName, `${field}.shape[${axis}] must be a non-negative integer, got ${describeValue(size)}`);
    }
  }
  return shape as number[];
}

/** Element count × element size, refusing early once it exceeds what the data section could hold. */
function byteLengthOf(shape: number[], elementSize: number, limit: number, field: string, fileName: string): number {
  if (shape.includes(0)) return 0;
  let byteLength = elementSize;
  for (const size of shape) {
    byteLength *= size;
    if (byteLength > limit) {
      fail(fileName, `${field}.shape [${shape.join(', ')}] needs more bytes than the ${limit}-byte data section`);
    }
  }
  return byteLength;
}

function checkOffsets(offsets: unknown, dataLength: number, field: string, fileName: string): [number, number] {
  if (!Array.isArray(offsets) || offsets.length !== 2) {
    fail(fileName, `${field}.data_offsets must be [begin, end], got ${describeValue(offsets)}`);
  }
  const [begin, end] = offsets;
  for (const [position, value] of [begin, end].entries()) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      fail(fileName, `${field}.data_offsets[${position}] must be a non-negative integer, got ${describeValue(value)}`);
    }
  }
  if (end < begin) fail(fileName, `${field}.data_offsets [${begin}, ${end}] ends before it begins`);
  if (end > dataLength) {
    fail(fileName, `${field}.data_offsets [${begin}, ${end}] run past the ${dataLength}-byte data section`);
  }
  return [begin, end];
}

/** Overlapping ranges would alias tensors; holes would hide data; the spec forbids both. */
function checkRangesTileDataSection(ranges: EntryRange[], dataLength: number, fileName: string): void {
  const sorted = [...ranges].sort((first, second) => first.begin - second.begin || first.end - second.end);
  let covered = 0;
  for (const range of sorted) {
    if (range.begin < covered) {
      const other = sorted.find((candidate) => candidate !== range && candidate.end > range.begin);
      fail(fileName, `tensor '${range.name}' overlaps tensor '${other?.name}' (data_offsets from ${range.begin})`);
    }
    if (range.begin > covered) fail(fileName, `data section has a gap of unused bytes [${covered}, ${range.begin})`);
    covered = range.end;
  }
  if (covered !== dataLength) fail(fileName, `data section has ${dataLength - covered} unused trailing bytes`);
}

/**
 * Parses and validates a whole safetensors file, copying each tensor's bytes out (aligned, host byte order).
 * Every check happens before any tensor is copied, and nothing is allocated beyond the file's own size.
 */
export function decodeSafetensors(file: Uint8Array, fileName: string): Map<string, TensorBytes> {
  const headerLength = readHeaderLength(file, fileName);
  const header = parseHeader(file, headerLength, fileName);
  const dataStart = 8 + headerLength;
  const dataLength = file.length - dataStart;
  const entries: Array<TensorBytes & EntryRange> = [];
  for (const [name, entry] of Object.entries(header)) {
    const field = `header['${name}']`;
    if (name === '__metadata__') {
      const valid = isPlainObject(entry) && Object.values(entry).every((value) => typeof value === 'string');
      if (!valid) fail(fileName, `__metadata__ must be an object of strings, got ${describeValue(entry)}`);
      continue;
    }
    if (!isPlainObject(entry)) fail(fileName, `${field} must be an object, got ${describeValue(entry)}`);
    const dtype = typeof entry.dtype === 'string' ? tesseraDTypeOf(entry.dtype) : undefined;
    if (dtype === undefined) {
      fail(
        fileName,
        `${field}.dtype ${describeValue(entry.dtype)} is not one of ${knownSafetensorsDTypes().join(', ')}`,
      );
    }
    const shape = checkShape(entry.shape, field, fileName);
    const [begin, end] = checkOffsets(entry.data_offsets, dataLength, field, fileName);
    const expectedBytes = byteLengthOf(shape, bytesPerElementOf(dtype), dataLength, field, fileName);
    if (end - begin !== expectedBytes) {
      fail(
        fileName,
        `${field} has ${end - begin} bytes but shape [${shape.join(', ')}] × ${entry.dtype} needs ${expectedBytes}`,
      );
    }
    entries.push({ name, dtype, shape: [...shape], begin, end, bytes: new Uint8Array(0) });
  }
  checkRangesTileDataSection(entries, dataLength, fileName);
  const tensors = new Map<string, TensorBytes>();
  for (const entry of entries) {
    // slice() copies into a fresh buffer, so Float32Array/Int32Array views are aligned and the file can be freed.
    const bytes = file.slice(dataStart + entry.begin, dataStart + entry.end);
    convertLittleEndianInPlace(bytes, bytesPerElementOf(entry.dtype));
    tensors.set(entry.name, { name: entry.name, dtype: entry.dtype, shape: entry.shape, bytes });
  }
  return tensors;
}
