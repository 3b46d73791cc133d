import type { DType } from '../dtype';
import type { Shape } from '../util/shape';

/** An opaque handle to a buffer owned by a backend's storage. */
export type DataId = object;

/** What a kernel sees of a tensor: its buffer, shape and dtype. Kernels never see `Tensor` objects. */
export interface TensorInfo {
  readonly dataId: DataId;
  readonly shape: Shape;
  readonly dtype: DType;
}

export type UnaryOp =
  | 'neg'
  | 'abs'
  | 'exp'
  | 'log'
  | 'log1p'
  | 'expm1'
  | 'sqrt'
  | 'rsqrt'
  | 'square'
  | 'reciprocal'
  | 'sin'
  | 'cos'
  | 'tanh'
  | 'sigmoid'
  | 'relu'
  | 'sign'
  | 'floor'
  | 'ceil'
  | 'round'
  | 'erf'
  | 'isNaN'
  | 'isFinite'
  | 'logicalNot';

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum' | 'mod' | 'floorDiv';
export type CompareOp = 'equal' | 'notEqual' | 'less' | 'lessEqual' | 'greater' | 'greaterEqual';
export type LogicalOp = 'and' | 'or';
export type ReduceOp = 'sum' | 'max' | 'min' | 'prod' | 'any' | 'all';
export type ArgReduceOp = 'argMax' | 'argMin';
export type Activation = 'linear' | 'relu' | 'sigmoid' | 'tanh';

/** Conv2d attributes after the op layer has resolved padding into explicit numbers. NHWC input, HWIO filter. */
export interface Conv2dAttributes {
  strides: [number, number];
  dilations: [number, number];
  /** [top, bottom, left, right] */
  padding: [number, number, number, number];
}

export interface Pool2dAttributes {
  poolSize: [number, number];
  strides: [number, number];
  padding: [number, number, number, number];
}

interface Spec<Inputs, Attributes, Output = TensorInfo> {
  inputs: Inputs;
  attributes: Attributes;
  output: Output;
}

/**
 * The required kernels: every backend implements these; everything else in core is built from them.
 * Each kernel's output dtype and shape are decided by the op layer and checked there, so a kernel may assume
 * valid, already-broadcastable inputs.
 */
export interface RequiredKernelSpecs {
  /** Element-wise; output dtype is `bool` for isNaN/isFinite/logicalNot, else the input dtype. */
  unary: Spec<{ x: TensorInfo }, { op: UnaryOp }>;
  /** Both inputs share one dtype; NumPy broadcasting. */
  binary: Spec<{ a: TensorInfo; b: TensorInfo }, { op: BinaryOp }>;
  compare: Spec<{ a: TensorInfo; b: TensorInfo }, { op: CompareOp }>;
  logical: Spec<{ a: TensorInfo; b: TensorInfo }, { op: LogicalOp }>;
  /** condition is bool; a and b share a dtype; all three broadcast. */
  where: Spec<{ condition: TensorInfo; a: TensorInfo; b: TensorInfo }, Record<string, never>>;
  cast: Spec<{ x: TensorInfo }, { dtype: DType }>;
  /** Reduces the listed axes (sorted, unique) away; the output shape omits them. */
  reduce: Spec<{ x: TensorInfo }, { op: ReduceOp; axes: number[] }>;
  /** Index of the first extreme value along `axis`; int32 output without that axis. */
  argReduce: Spec<{ x: TensorInfo }, { op: ArgReduceOp; axis: number }>;
  /** Rank ≥ 2 on both sides; batch dimensions broadcast. */
  matmul: Spec<{ a: TensorInfo; b: TensorInfo }, { transposeA: boolean; transposeB: boolean }>;
  transpose: Spec<{ x: TensorInfo }, { perm: number[] }>;
  slice: Spec<{ x: TensorInfo }, { begin: number[]; size: number[] }>;
  pad: Spec<{ x: TensorInfo }, { paddings: Array<[number, number]>; value: number }>;
  concat: Spec<{ tensors: TensorInfo[] }, { axis: number }>;
  /** Indices are int32 and in range (checked by the op layer on backends that can read synchronously). */
  gather: Spec<{ x: TensorInfo; indices: TensorInfo }, { axis: number }>;
  /** The transpose of gather: sums `updates` slices into a zero tensor with `size` rows along `axis`. */
  scatterAdd: Spec<{ updates: TensorInfo; indices: TensorInfo }, { axis: number; size: number }>;
  fill: Spec<Record<string, never>, { shape: number[]; value: number; dtype: DType }>;
  /** Philox 4x32-10 bits (see random/philox.ts); int32 output holding the uint32 words. */
  randomBits: Spec<Record<string, never>, { shape: number[]; key: [number, number]; counter: [number, number] }>;
  /** May return the input's dataId: the engine reference-counts shared buffers. */
  reshape: Spec<{ x: TensorInfo }, { shape: number[] }>;
}

/** Optional kernels: core has a composite fallback for each; a backend overrides them for speed. */
export interface OptionalKernelSpecs {
  broadcastTo: Spec<{ x: TensorInfo }, { shape: number[] }>;
  softmax: Spec<{ logits: TensorInfo }, { axis: number }>;
  logSoftmax: Spec<{ logits: TensorInfo }, { axis: number }>;
  conv2d: Spec<{ x: TensorInfo; filter: TensorInfo }, Conv2dAttributes>;
  conv2dBackpropInput: Spec<{ dy: TensorInfo; filter: TensorInfo }, Conv2dAttributes & { inputShape: number[] }>;
  conv2dBackpropFilter: Spec<{ x: TensorInfo; dy: TensorInfo }, Conv2dAttributes & { filterShape: number[] }>;
  maxPool2d: Spec<{ x: TensorInfo }, Pool2dAttributes>;
  maxPool2dBackward: Spec<{ dy: TensorInfo; x: TensorInfo }, Pool2dAttributes>;
  avgPool2d: Spec<{ x: TensorInfo }, Pool2dAttributes>;
  avgPool2dBackward: Spec<{ dy: TensorInfo }, Pool2dAttributes & { inputShape: number[] }>;
  /** matmul(a, b) + bias, then the activation; bias broadcasts against the product. */
  fusedMatmul: Spec<
    { a: TensorInfo; b: TensorInfo; bias: TensorInfo },
    { transposeA: boolean; transposeB: boolean; activation: Activation }
  >;
  /**
   * One Adam step for one variable, fused: returns [variable, firstMoment, secondMoment] updated, each float32 of
   * the variable's shape. In float32, rounding after every operation in this order (so that it equals the composite
   * bit for bit): m' = m·β1 + g·(1 − β1); v' = v·β2 + g²·(1 − β2); variable − m'·stepSize / (√(v' / secondCorrection)
   * + ε), where stepSize = learningRate / (1 − β1^t) and secondCorrection = 1 − β2^t.
   */
  adamUpdate: Spec<
    { variable: TensorInfo; gradient: TensorInfo; firstMoment: TensorInfo; secondMoment: TensorInfo },
    AdamUpdateAttributes,
    [TensorInfo, TensorInfo, TensorInfo]
  >;
  /**
   * A chain of float32 unary and binary kernels run as one (what a compiled step fuses), returning the last step's
   * result of `shape`. Each input has `shape`'s size, one element, or `shape`'s trailing dimensions (a bias),
   * broadcast as the binary kernel would. Every step rounds to float32 as the separate kernels do, so the result
   * equals running them one by one, bit for bit.
   */
  elementwiseChain: Spec<{ operands: TensorInfo[] }, { shape: number[]; steps: ElementwiseStep[] }>;
}

/**
 * One operation of a fused element-wise chain. Operand k < the chain's input count is input k; otherwise the
 * result of step k − input count. Unary ops here are those with a float32 result (not isNaN, isFinite, logicalNot).
 */
export type ElementwiseStep =
  | { kind: 'unary'; op: UnaryOp; operands: [number] }
  | { kind: 'binary'; op: BinaryOp; operands: [number, number] };

/** The numbers of one Adam step (see the adamUpdate kernel); host-side float64, rounded to float32 where used. */
export interface AdamUpdateAttributes {
  beta1: number;
  beta2: number;
  epsilon: number;
  stepSize: number;
  secondCorrection: number;
}

export type KernelSpecs = RequiredKernelSpecs & OptionalKernelSpecs;
export type RequiredKernelName = keyof RequiredKernelSpecs;
export type OptionalKernelName = keyof OptionalKernelSpecs;
export type KernelName = keyof KernelSpecs;

export type KernelInputs<K extends KernelName> = KernelSpecs[K]['inputs'];
export type KernelAttributes<K extends KernelName> = KernelSpecs[K]['attributes'];
export type KernelOutput<K extends KernelName> = KernelSpecs[K]['output'];
/** Kernels that return several tensors (the fused optimizer updates); all others return one. */
export type MultiOutputKernelName = {
  [K in KernelName]: KernelOutput<K> extends TensorInfo ? never : K;
}[KernelName];
export type SingleOutputKernelName = Exclude<KernelName, MultiOutputKernelName>;

export const REQUIRED_KERNELS: readonly RequiredKernelName[] = [
  'unary',
  'binary',
  'compare',
  'logical',
  'where',
  'cast',
  'reduce',
  'argReduce',
  'matmul',
  'transpose',
  'slice',
  'pad',
  'concat',
  'gather',
  'scatterAdd',
  'fill',
  'randomBits',
  'reshape',
];

export const OPTIONAL_KERNELS: readonly OptionalKernelName[] = [
  'broadcastTo',
  'softmax',
  'logSoftmax',
  'conv2d',
  'conv2dBackpropInput',
  'conv2dBackpropFilter',
  'maxPool2d',
  'maxPool2dBackward',
  'avgPool2d',
  'avgPool2dBackward',
  'fusedMatmul',
  'adamUpdate',
  'elementwiseChain',
];
