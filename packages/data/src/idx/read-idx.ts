import { InvalidArgumentError } from '@tessera/core';
import { gunzip, isGzip } from './gunzip';

/** The element types IDX files can hold, by their type byte. */
export type IdxDataType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

export type IdxValues = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

export interface IdxData {
  dataType: IdxDataType;
  shape: number[];
  /** Values in row-major order, converted from the file's big-endian bytes to native numbers. */
  values: IdxValues;
}

export interface ReadIdxOptions {
  /** Largest decompressed size accepted, in bytes. Default 1 GiB, far above any MNIST-family file. */
  maxBytes?: number;
}

const TYPES: Record<number, { dataType: IdxDataType; size: number }> = {
  8: { dataType: 'uint8', size: 1 },
  9: { dataType: 'int8', size: 1 },
  11: { dataType: 'int16', size: 2 },
  12: { dataType: 'int32', size: 4 },
  13: { dataType: 'float32', size: 4 },
  14: { dataType: 'float64', size: 8 },
};

const DEFAULT_MAX_BYTES = 2 ** 30;

/**
 * Parses an uncompressed IDX file. Every size is checked against the bytes actually present before anything is
 * allocated, so a hostile header cannot cause a huge allocation or an out-of-bounds read.
 */
export function parseIdx(bytes: Uint8Array): IdxData {
  if (!(bytes instanceof Uint8Array)) {
    throw new InvalidArgumentError(`readIdx: expected a Uint8Array, got ${typeof bytes}`);
  }
  if (bytes.length < 4) {
    throw new InvalidArgumentError(`readIdx: file is truncated: need a 4-byte magic number, got ${bytes.length} bytes`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new InvalidArgumentError(
      `readIdx: bad magic number: expected the file to start with 0x00 0x00, got 0x${hex(bytes[0])} 0x${hex(bytes[1])}`,
    );
  }
  const typeByte = bytes[2] as number;
  const type = TYPES[typeByte];
  if (!type) {
    throw new InvalidArgumentError(
      `readIdx: unknown element type byte 0x${hex(typeByte)}: expected one of 0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e`,
    );
  }
  const rank = bytes[3] as number;
  if (rank === 0) throw new InvalidArgumentError('readIdx: dimension count is 0: expected at least 1');
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new InvalidArgumentError(
      `readIdx: file is truncated: header needs ${headerLength} bytes for ${rank} dimensions but the file has ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  let count = 1;
  for (let axis = 0; axis < rank; axis++) {
    const dimension = view.getUint32(4 + 4 * axis, false);
    shape.push(dimension);
    count *= dimension;
  }
  // A product past 2^53 loses precision but is then far above any real byte count, so the check still fails safely.
  const expectedBytes = count * type.size;
  const remaining = bytes.length - headerLength;
  if (expectedBytes !== remaining) {
    const relation = expectedBytes > remaining ? 'file is truncated' : 'file has trailing bytes';
    throw new InvalidArgumentError(
      `readIdx: ${relation}: header says ${shape.join('×')}${type.size > 1 ? `×${type.size}` : ''} bytes (${expectedBytes}) but ${remaining} remain`,
    );
  }
  return { dataType: type.dataType, shape, values: decode(view, headerLength, count, type.dataType) };
}

/** Parses an IDX file, decompressing it first when it is gzip (detected by its magic number, not its name). */
export async function readIdx(bytes: Uint8Array, options: ReadIdxOptions = {}): Promise<IdxData> {
  if (!(bytes instanceof Uint8Array)) {
    throw new InvalidArgumentError(`readIdx: expected a Uint8Array, got ${typeof bytes}`);
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return parseIdx(isGzip(bytes) ? await gunzip(bytes, maxBytes, 'readIdx') : bytes);
}

function decode(view: DataView, offset: number, count: number, dataType: IdxDataType): IdxValues {
  switch (dataType) {
    case 'uint8':
      return new Uint8Array(view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count));
    case 'int8':
      return new Int8Array(view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count));
    case 'int16': {
      const values = new Int16Array(count);
      for (let index = 0; index < count; index++) values[index] = view.getInt16(offset + 2 * index, false);
      return values;
    }
    case 'int32': {
      const values = new Int32Array(count);
      for (let index = 0; index < count; index++) values[index] = view.getInt32(offset + 4 * index, false);
      return values;
    }
    case 'float32': {
      const values = new Float32Array(count);
      for (let index = 0; index < count; index++) values[index] = view.getFloat32(offset + 4 * index, false);
      return values;
    }
    case 'float64': {
      const values = new Float64Array(count);
      for (let index = 0; index < count; index++) values[index] = view.getFloat64(offset + 8 * index, false);
      return values;
    }
  }
}

function hex(value: number | undefined): string {
  return (value ?? 0).toString(16).padStart(2, '0');
}
