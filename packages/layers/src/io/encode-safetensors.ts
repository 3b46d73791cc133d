import { SAFETENSORS_DTYPE_OF } from './safetensors-dtype';
import type { TensorBytes } from './tensor-bytes';

const HEADER_ALIGNMENT = 8;

/**
 * Writes tensors in the safetensors format: an 8-byte little-endian header length, a JSON header padded with
 * spaces to a multiple of 8 bytes (so the data section starts aligned), then the tensors' bytes back to back.
 */
export function encodeSafetensors(
  tensors: readonly TensorBytes[],
  metadata: Record<string, string> = {},
): Uint8Array<ArrayBuffer> {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const entry of tensors) {
    header[entry.name] = {
      dtype: SAFETENSORS_DTYPE_OF[entry.dtype],
      shape: entry.shape,
      data_offsets: [offset, offset + entry.bytes.length],
    };
    offset += entry.bytes.length;
  }
  const headerText = JSON.stringify(header);
  const unpaddedHeader = new TextEncoder().encode(headerText);
  const paddedLength = Math.ceil((8 + unpaddedHeader.length) / HEADER_ALIGNMENT) * HEADER_ALIGNMENT - 8;
  const output = new Uint8Array(8 + paddedLength + offset);
  const view = new DataView(output.buffer);
  view.setUint32(0, paddedLength, true);
  view.setUint32(4, Math.floor(paddedLength / 2 ** 32), true);
  output.set(unpaddedHeader, 8);
  output.fill(0x20, 8 + unpaddedHeader.length, 8 + paddedLength);
  let position = 8 + paddedLength;
  for (const entry of tensors) {
    output.set(entry.bytes, position);
    position += entry.bytes.length;
  }
  return output;
}
