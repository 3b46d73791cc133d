/** Test-side conversions of the 2-D window options into tfjs's arguments and the references' explicit padding. */
import { samePaddingReference } from './window-references';

export type TestPadding = 'same' | 'valid' | number | [[number, number], [number, number]];
export type TfPadding =
  | 'same'
  | 'valid'
  | number
  | [[number, number], [number, number], [number, number], [number, number]];

export function pairOf(
  value: number | [number, number] | undefined,
  fallback: [number, number] = [1, 1],
): [number, number] {
  if (value === undefined) return fallback;
  return typeof value === 'number' ? [value, value] : value;
}

export function toTfPadding(padding: TestPadding | undefined): TfPadding {
  if (padding === undefined) return 'valid';
  if (typeof padding === 'string' || typeof padding === 'number') return padding;
  return [[0, 0], padding[0], padding[1], [0, 0]];
}

/** [top, bottom, left, right] for an input of spatial size `inputSize`, computed independently of core. */
export function toExplicitPadding(
  padding: TestPadding | undefined,
  inputSize: [number, number],
  window: [number, number],
  strides: [number, number],
  dilations: [number, number] = [1, 1],
): [number, number, number, number] {
  if (padding === undefined || padding === 'valid') return [0, 0, 0, 0];
  if (padding === 'same') {
    const [top, bottom] = samePaddingReference(inputSize[0], window[0], strides[0], dilations[0]);
    const [left, right] = samePaddingReference(inputSize[1], window[1], strides[1], dilations[1]);
    return [top, bottom, left, right];
  }
  if (typeof padding === 'number') return [padding, padding, padding, padding];
  return [padding[0][0], padding[0][1], padding[1][0], padding[1][1]];
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, dimension) => product * dimension, 1);
}
