import * as tf from '@tensorflow/tfjs';

/**
 * Stock tfjs-backend-wasm 4.22 cannot train a CNN or an Embedding model: it lacks `Conv2DBackpropFilter` and
 * `UnsortedSegmentSum`. Issue 7 compares against tfjs wasm "with its missing kernels filled in", so the bench fills
 * them in from kernels the wasm backend does have (XNNPACK's Conv2D, Transpose, OneHot, Cast, BatchMatMul), run
 * directly on that backend's memory: no copy to JavaScript and no slower backend in between.
 */
export const tfjsWasmFillIns = ['Conv2DBackpropFilter', 'UnsortedSegmentSum'] as const;

type WasmBackend = tf.KernelBackend & { disposeData(dataId: tf.DataId): boolean };
type Attributes = Record<string, unknown>;

function runWasmKernel(
  name: string,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Attributes,
  backend: WasmBackend,
): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`tfjs wasm fill-in: the wasm backend has no '${name}' kernel to build on`);
  return kernel.kernelFunc({ inputs, attrs, backend } as never) as tf.TensorInfo;
}

/**
 * dW[kh, kw, ci, co] = Σ x[n, h + kh, w + kw, ci] · dy[n, h, w, co] (stride 1) is a convolution of x with the
 * channels and batch swapped ([ci, H, W, n]) by dy as the filter ([Ho, Wo, n, co]), with the forward padding.
 */
function conv2dBackpropFilter({
  inputs,
  attrs,
  backend,
}: {
  inputs: tf.NamedTensorInfoMap;
  attrs: Attributes;
  backend: WasmBackend;
}): tf.TensorInfo {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dimRoundingMode, filterShape } = attrs as {
    strides: number | [number, number];
    pad: 'valid' | 'same' | number;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  if (info.strideHeight !== 1 || info.strideWidth !== 1) {
    throw new Error('tfjs wasm fill-in Conv2DBackpropFilter: only stride 1 is filled in');
  }
  const { top, bottom, left, right } = info.padInfo;
  const swappedInput = runWasmKernel('Transpose', { x }, { perm: [3, 1, 2, 0] }, backend);
  const gradientAsFilter = runWasmKernel('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }, backend);
  const product = runWasmKernel(
    'Conv2D',
    { x: swappedInput, filter: gradientAsFilter },
    {
      strides: [1, 1],
      dilations: [1, 1],
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
    backend,
  );
  const filterGradient = runWasmKernel('Transpose', { x: product }, { perm: [1, 2, 0, 3] }, backend);
  for (const temporary of [swappedInput, gradientAsFilter, product]) backend.disposeData(temporary.dataId);
  return filterGradient;
}

/** out[s, ...] = Σ over i with ids[i] = s of data[i, ...], as oneHot(ids)ᵀ · data on the wasm backend's matmul. */
function unsortedSegmentSum({
  inputs,
  attrs,
  backend,
}: {
  inputs: tf.NamedTensorInfoMap;
  attrs: Attributes;
  backend: WasmBackend;
}): tf.TensorInfo {
  const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = attrs as { numSegments: number };
  const rows = segmentIds.shape.reduce((product, length) => product * length, 1);
  const rowSize = x.shape.reduce((product, length) => product * length, 1) / rows;
  const flatIds = runWasmKernel('Reshape', { x: segmentIds }, { shape: [rows] }, backend);
  const oneHotIds = runWasmKernel(
    'OneHot',
    { indices: flatIds },
    { depth: numSegments, onValue: 1, offValue: 0, dtype: 'int32' },
    backend,
  );
  const selector = runWasmKernel('Cast', { x: oneHotIds }, { dtype: 'float32' }, backend);
  const selector3d = runWasmKernel('Reshape', { x: selector }, { shape: [1, rows, numSegments] }, backend);
  const data3d = runWasmKernel('Reshape', { x }, { shape: [1, rows, rowSize] }, backend);
  const sums = runWasmKernel(
    'BatchMatMul',
    { a: selector3d, b: data3d },
    { transposeA: true, transposeB: false },
    backend,
  );
  const result = runWasmKernel(
    'Reshape',
    { x: sums },
    { shape: [numSegments, ...x.shape.slice(segmentIds.shape.length)] },
    backend,
  );
  for (const temporary of [flatIds, oneHotIds, selector, selector3d, data3d, sums])
    backend.disposeData(temporary.dataId);
  return result;
}

/** Registers the fill-ins for the wasm backend (once; later calls do nothing). */
export function registerTfjsWasmFillIns(): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') === undefined) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: conv2dBackpropFilter as never,
    });
  }
  if (tf.getKernel('UnsortedSegmentSum', 'wasm') === undefined) {
    tf.registerKernel({
      kernelName: 'UnsortedSegmentSum',
      backendName: 'wasm',
      kernelFunc: unsortedSegmentSum as never,
    });
  }
}
