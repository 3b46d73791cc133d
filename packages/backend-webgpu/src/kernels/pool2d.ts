import type { KernelFunction, Pool2dAttributes, TensorInfo } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, elementwiseMain, WGSL_COMMON } from '../wgsl-helpers';

/*
 * NHWC pooling with the CPU backend's rules: windows are clipped to the input (padding never wins a max nor counts
 * in an average), max keeps the first strict maximum, a window wholly in the padding gives -Infinity (max) or 0
 * (average). The backward kernels gather: one invocation per input element visits the windows that contain it, in
 * the CPU backend's (row, column) order, so the sums are the same. params: [size, inHeight, inWidth, channels,
 * outHeight, outWidth, poolHeight, poolWidth, strideHeight, strideWidth, padTop, padLeft].
 */
const POOL_COMMON = /* wgsl */ `
struct Window { row_start: i32, row_end: i32, column_start: i32, column_end: i32 }

fn window_of(out_row: i32, out_column: i32) -> Window {
  let top = out_row * i32(params[8]) - i32(params[10]);
  let left = out_column * i32(params[9]) - i32(params[11]);
  return Window(max(0, top), min(i32(params[1]), top + i32(params[6])),
                max(0, left), min(i32(params[2]), left + i32(params[7])));
}

fn input_offset(image: i32, row: i32, column: i32, channel: i32) -> i32 {
  return ((image * i32(params[1]) + row) * i32(params[2]) + column) * i32(params[3]) + channel;
}
`;

const FIRST_MAXIMUM = /* wgsl */ `
/** The input offset of the first maximum of a window, or -1 when nothing in it exceeds -Infinity. */
fn first_maximum(image: i32, window: Window, channel: i32) -> i32 {
  var best = make_inf(true);
  var best_offset = -1;
  for (var row = window.row_start; row < window.row_end; row++) {
    for (var column = window.column_start; column < window.column_end; column++) {
      let offset = input_offset(image, row, column, channel);
      let value = x_values[offset];
      if (value > best && !is_nan(value)) {
        best = value;
        best_offset = offset;
      }
    }
  }
  return best_offset;
}
`;

const OUTPUT_COORDINATES = /* wgsl */ `
  let channels = params[3];
  let channel = i32(index % channels);
  let out_column = i32((index / channels) % params[5]);
  let out_row = i32((index / (channels * params[5])) % params[4]);
  let image = i32(index / (channels * params[5] * params[4]));
  let window = window_of(out_row, out_column);`;

const MAX_POOL_BODY = `${OUTPUT_COORDINATES}
  let offset = first_maximum(image, window, channel);
  out[index] = select(make_inf(true), x_values[max(offset, 0)], offset >= 0);`;

const AVG_POOL_BODY = `${OUTPUT_COORDINATES}
  var total = 0.0;
  for (var row = window.row_start; row < window.row_end; row++) {
    for (var column = window.column_start; column < window.column_end; column++) {
      total += x_values[input_offset(image, row, column, channel)];
    }
  }
  let count = (window.row_end - window.row_start) * (window.column_end - window.column_start);
  out[index] = select(0.0, total / f32(count), count > 0);`;

/** One invocation per input element; `CONTRIBUTION` adds what output (out_row, out_column) sends to it. */
const BACKWARD_BODY = /* wgsl */ `
  let channels = params[3];
  let channel = i32(index % channels);
  let column = i32((index / channels) % params[2]);
  let row = i32((index / (channels * params[2])) % params[1]);
  let image = i32(index / (channels * params[2] * params[1]));
  let stride_row = i32(params[8]);
  let stride_column = i32(params[9]);
  // Output rows whose window [r * stride - padTop, + poolHeight) contains this row, and likewise for columns.
  let first_row = max(0, (row + i32(params[10]) - i32(params[6]) + stride_row) / stride_row);
  let last_row = min(i32(params[4]) - 1, (row + i32(params[10])) / stride_row);
  let first_column = max(0, (column + i32(params[11]) - i32(params[7]) + stride_column) / stride_column);
  let last_column = min(i32(params[5]) - 1, (column + i32(params[11])) / stride_column);
  var total = 0.0;
  for (var out_row = first_row; out_row <= last_row; out_row++) {
    for (var out_column = first_column; out_column <= last_column; out_column++) {
      let window = window_of(out_row, out_column);
      let gradient = dy_values[((image * i32(params[4]) + out_row) * i32(params[5]) + out_column) * i32(channels) + channel];
      CONTRIBUTION
    }
  }
  out[index] = total;`;

const MAX_CONTRIBUTION = `if (first_maximum(image, window, channel) == i32(index)) { total += gradient; }`;
const AVG_CONTRIBUTION = `let count = (window.row_end - window.row_start) * (window.column_end - window.column_start);
      total += gradient * (1.0 / f32(count));`;

function poolParams(inputShape: readonly number[], attributes: Pool2dAttributes, size: number): number[] {
  const [, inHeight, inWidth, channels] = inputShape;
  const [poolHeight, poolWidth] = attributes.poolSize;
  const [strideHeight, strideWidth] = attributes.strides;
  const [padTop, padBottom, padLeft, padRight] = attributes.padding;
  const outHeight = Math.max(0, Math.floor((inHeight + padTop + padBottom - poolHeight) / strideHeight) + 1);
  const outWidth = Math.max(0, Math.floor((inWidth + padLeft + padRight - poolWidth) / strideWidth) + 1);
  return [
    size,
    inHeight,
    inWidth,
    channels,
    outHeight,
    outWidth,
    poolHeight,
    poolWidth,
    strideHeight,
    strideWidth,
    padTop,
    padLeft,
  ];
}

function dispatchPool(
  environment: KernelEnvironment,
  key: string,
  body: string,
  inputs: Array<readonly [string, TensorInfo]>,
  inputShape: readonly number[],
  outputShape: readonly number[],
  attributes: Pool2dAttributes,
  functions = '',
): TensorInfo {
  const { storage } = environment;
  const output = storage.allocate(outputShape, 'float32');
  if (output.length === 0) return output.info;
  environment.context().dispatch({
    key,
    source: () =>
      `${bindings(
        inputs.map(([name]) => [name, 'f32'] as const),
        'f32',
      )}\n${WGSL_COMMON}\n${POOL_COMMON}\n${functions}\n${elementwiseMain(body)}`,
    inputs: inputs.map(([, info]) => storage.bufferOf(info)),
    output: output.buffer,
    meta: poolParams(inputShape, attributes, output.length),
    workgroups: workgroupsFor(output.length),
  });
  return output.info;
}

function outputShapeOf(inputShape: readonly number[], attributes: Pool2dAttributes): number[] {
  const params = poolParams(inputShape, attributes, 0);
  return [inputShape[0], params[4], params[5], inputShape[3]];
}

export function createMaxPool2dKernel(environment: KernelEnvironment): KernelFunction<'maxPool2d'> {
  return ({ x }, attributes) =>
    dispatchPool(
      environment,
      'maxPool2d',
      MAX_POOL_BODY,
      [['x_values', x]],
      x.shape,
      outputShapeOf(x.shape, attributes),
      attributes,
      FIRST_MAXIMUM,
    );
}

export function createAvgPool2dKernel(environment: KernelEnvironment): KernelFunction<'avgPool2d'> {
  return ({ x }, attributes) =>
    dispatchPool(
      environment,
      'avgPool2d',
      AVG_POOL_BODY,
      [['x_values', x]],
      x.shape,
      outputShapeOf(x.shape, attributes),
      attributes,
    );
}

export function createMaxPool2dBackwardKernel(environment: KernelEnvironment): KernelFunction<'maxPool2dBackward'> {
  return ({ dy, x }, attributes) =>
    dispatchPool(
      environment,
      'maxPool2dBackward',
      BACKWARD_BODY.replace('CONTRIBUTION', MAX_CONTRIBUTION),
      [
        ['x_values', x],
        ['dy_values', dy],
      ],
      x.shape,
      x.shape,
      attributes,
      FIRST_MAXIMUM,
    );
}

export function createAvgPool2dBackwardKernel(environment: KernelEnvironment): KernelFunction<'avgPool2dBackward'> {
  return ({ dy }, attributes) =>
    dispatchPool(
      environment,
      'avgPool2dBackward',
      BACKWARD_BODY.replace('CONTRIBUTION', AVG_CONTRIBUTION),
      [['dy_values', dy]],
      attributes.inputShape,
      attributes.inputShape,
      attributes,
    );
}
