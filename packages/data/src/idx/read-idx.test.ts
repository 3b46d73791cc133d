import { gzipSync } from 'node:zlib';
import { InvalidArgumentError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { parseIdx, readIdx } from './read-idx';

/** Builds an IDX file: header (big-endian dimensions) followed by the already-encoded body. */
function buildIdx(typeByte: number, shape: number[], body: Uint8Array): Uint8Array {
  const header = new Uint8Array(4 + 4 * shape.length);
  const view = new DataView(header.buffer);
  header[2] = typeByte;
  header[3] = shape.length;
  for (const [axis, dimension] of shape.entries()) view.setUint32(4 + 4 * axis, dimension, false);
  const file = new Uint8Array(header.length + body.length);
  file.set(header);
  file.set(body, header.length);
  return file;
}

function bigEndian(values: number[], size: number, write: (view: DataView, offset: number, value: number) => void) {
  const body = new Uint8Array(values.length * size);
  const view = new DataView(body.buffer);
  for (const [index, value] of values.entries()) write(view, index * size, value);
  return body;
}

describe('readIdx', () => {
  it('reads unsigned bytes with their shape', async () => {
    const pixels = Uint8Array.from({ length: 2 * 3 * 4 }, (_, index) => index * 10);
    const parsed = await readIdx(buildIdx(0x08, [2, 3, 4], pixels));
    expect(parsed.dataType).toBe('uint8');
    expect(parsed.shape).toEqual([2, 3, 4]);
    expect(Array.from(parsed.values)).toEqual(Array.from(pixels));
  });

  it('decodes every element type from big-endian', async () => {
    const cases: Array<[number, string, number[], number, (view: DataView, offset: number, value: number) => void]> = [
      [0x09, 'int8', [-128, -1, 0, 127], 1, (view, offset, value) => view.setInt8(offset, value)],
      [0x0b, 'int16', [-32768, -2, 300, 32767], 2, (view, offset, value) => view.setInt16(offset, value, false)],
      [
        0x0c,
        'int32',
        [-2147483648, -5, 70000, 2147483647],
        4,
        (view, offset, value) => view.setInt32(offset, value, false),
      ],
      [0x0d, 'float32', [-1.5, 0, 0.25, 1024.5], 4, (view, offset, value) => view.setFloat32(offset, value, false)],
      [
        0x0e,
        'float64',
        [-1e-300, Math.PI, 0, 1e300],
        8,
        (view, offset, value) => view.setFloat64(offset, value, false),
      ],
    ];
    for (const [typeByte, dataType, values, size, write] of cases) {
      const parsed = await readIdx(buildIdx(typeByte, [2, 2], bigEndian(values, size, write)));
      expect(parsed.dataType).toBe(dataType);
      expect(parsed.shape).toEqual([2, 2]);
      expect(Array.from(parsed.values)).toEqual(values);
    }
  });

  it('detects gzip by its magic number', async () => {
    const labels = Uint8Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
    const parsed = await readIdx(new Uint8Array(gzipSync(buildIdx(0x08, [8], labels))));
    expect(parsed.shape).toEqual([8]);
    expect(Array.from(parsed.values)).toEqual(Array.from(labels));
  });

  it('accepts a view into a larger buffer', () => {
    const file = buildIdx(
      0x0c,
      [1],
      bigEndian([123456], 4, (view, offset, value) => view.setInt32(offset, value, false)),
    );
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect(Array.from(parseIdx(padded.subarray(3)).values)).toEqual([123456]);
  });

  describe('corruption', () => {
    const valid = buildIdx(0x08, [2, 2], Uint8Array.from([1, 2, 3, 4]));
    const expectError = async (bytes: Uint8Array, message: RegExp) => {
      await expect(readIdx(bytes)).rejects.toThrow(InvalidArgumentError);
      await expect(readIdx(bytes)).rejects.toThrow(message);
    };

    it('too short for a magic number', () =>
      expectError(Uint8Array.from([0, 0]), /readIdx: file is truncated: need a 4-byte magic number, got 2 bytes/));
    it('bad leading bytes', () =>
      expectError(
        Uint8Array.from([0x50, 0x4b, 8, 1, 0, 0, 0, 0]),
        /bad magic number: expected the file to start with 0x00 0x00, got 0x50 0x4b/,
      ));
    it('unknown type byte', () =>
      expectError(Uint8Array.from([0, 0, 0x0a, 1, 0, 0, 0, 0]), /unknown element type byte 0x0a/));
    it('zero dimensions', () => expectError(Uint8Array.from([0, 0, 8, 0]), /dimension count is 0/));
    it('header cut short', () =>
      expectError(
        valid.subarray(0, 9),
        /file is truncated: header needs 12 bytes for 2 dimensions but the file has 9/,
      ));
    it('body cut short', () =>
      expectError(valid.subarray(0, valid.length - 1), /file is truncated: header says 2×2 bytes \(4\) but 3 remain/));
    it('trailing bytes', () => {
      const longer = new Uint8Array(valid.length + 2);
      longer.set(valid);
      return expectError(longer, /file has trailing bytes: header says 2×2 bytes \(4\) but 6 remain/);
    });
    it('multi-byte sizes count the element size', () =>
      expectError(buildIdx(0x0e, [3], new Uint8Array(16)), /header says 3×8 bytes \(24\) but 16 remain/));

    it('a hostile header claiming huge dimensions fails without allocating', () => {
      const hostile = buildIdx(0x0e, [0xffffffff, 0xffffffff, 0xffffffff], new Uint8Array(8));
      return expectError(hostile, /file is truncated: header says 4294967295×4294967295×4294967295×8 bytes/);
    });

    it('the MNIST-sized truncation message', async () => {
      const truncated = buildIdx(0x08, [60000, 28, 28], new Uint8Array(1234));
      await expectError(
        truncated,
        /readIdx: file is truncated: header says 60000×28×28 bytes \(47040000\) but 1234 remain/,
      );
    });

    it('corrupt gzip', () => {
      const zipped = new Uint8Array(gzipSync(valid));
      return expectError(zipped.subarray(0, zipped.length - 6), /readIdx: gzip data is corrupt/);
    });

    it('a gzip bomb over the size limit', async () => {
      const zipped = new Uint8Array(gzipSync(buildIdx(0x08, [1 << 20], new Uint8Array(1 << 20))));
      await expect(readIdx(zipped, { maxBytes: 1000 })).rejects.toThrow(/over 1000 bytes/);
    });

    it('not a Uint8Array', async () => {
      await expect(readIdx([0, 0, 8, 1] as never)).rejects.toThrow(/readIdx: expected a Uint8Array, got object/);
    });
  });
});
