const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * safetensors stores elements little-endian. Typed arrays use the host's byte order, so on the (rare) big-endian
 * host every element's bytes are reversed in place; elsewhere this does nothing.
 */
export function convertLittleEndianInPlace(bytes: Uint8Array, bytesPerElement: number): void {
  if (HOST_IS_LITTLE_ENDIAN || bytesPerElement === 1) return;
  for (let start = 0; start + bytesPerElement <= bytes.length; start += bytesPerElement) {
    bytes.subarray(start, start + bytesPerElement).reverse();
  }
}
