/**
 * The existing element-wise ops with their tfjs counterparts, input domains and float64 references, as tables
 * for ops/elementwise.test.ts.
 */
import * as ops from '../exports/core-ops';
import type { TensorLike } from '../ops/tensor-like';
import type { Tensor } from '../tensor';
import { erf64 } from './erf-float64';
import { tf } from './oracle';

type Operand = Tensor | TensorLike;

export interface UnaryCase {
  name: string;
  op: (x: Operand) => Tensor;
  tfOp: (x: tf.Tensor) => tf.Tensor;
  /** Where values are drawn for the value check (outside the domain is fine: NaN must match tfjs). */
  low: number;
  high: number;
  /** Keeps int32 as int32; every other numeric op computes in float32. */
  keepsInt32?: boolean;
  gradient?: { low: number; high: number; kinks?: number[]; margin?: number; reference: (x: number) => number };
}

const integers = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

export const UNARY_CASES: UnaryCase[] = [
  {
    name: 'neg',
    op: ops.neg,
    tfOp: tf.neg,
    low: -3,
    high: 3,
    keepsInt32: true,
    gradient: { low: -3, high: 3, reference: (x) => -x },
  },
  {
    name: 'abs',
    op: ops.abs,
    tfOp: tf.abs,
    low: -3,
    high: 3,
    keepsInt32: true,
    gradient: { low: -3, high: 3, kinks: [0], reference: Math.abs },
  },
  { name: 'exp', op: ops.exp, tfOp: tf.exp, low: -5, high: 5, gradient: { low: -3, high: 3, reference: Math.exp } },
  { name: 'log', op: ops.log, tfOp: tf.log, low: -1, high: 5, gradient: { low: 0.2, high: 4, reference: Math.log } },
  {
    name: 'log1p',
    op: ops.log1p,
    tfOp: tf.log1p,
    low: -1.5,
    high: 5,
    gradient: { low: -0.8, high: 3, reference: Math.log1p },
  },
  {
    name: 'expm1',
    op: ops.expm1,
    tfOp: tf.expm1,
    low: -5,
    high: 5,
    gradient: { low: -3, high: 3, reference: Math.expm1 },
  },
  {
    name: 'sqrt',
    op: ops.sqrt,
    tfOp: tf.sqrt,
    low: -1,
    high: 9,
    gradient: { low: 0.1, high: 4, reference: Math.sqrt },
  },
  {
    name: 'rsqrt',
    op: ops.rsqrt,
    tfOp: tf.rsqrt,
    low: -1,
    high: 9,
    gradient: { low: 0.2, high: 4, reference: (x) => 1 / Math.sqrt(x) },
  },
  {
    name: 'square',
    op: ops.square,
    tfOp: tf.square,
    low: -4,
    high: 4,
    keepsInt32: true,
    gradient: { low: -3, high: 3, reference: (x) => x * x },
  },
  {
    name: 'reciprocal',
    op: ops.reciprocal,
    tfOp: tf.reciprocal,
    low: -3,
    high: 3,
    gradient: { low: -3, high: 3, kinks: [0], margin: 0.3, reference: (x) => 1 / x },
  },
  { name: 'sin', op: ops.sin, tfOp: tf.sin, low: -7, high: 7, gradient: { low: -6, high: 6, reference: Math.sin } },
  { name: 'cos', op: ops.cos, tfOp: tf.cos, low: -7, high: 7, gradient: { low: -6, high: 6, reference: Math.cos } },
  { name: 'tanh', op: ops.tanh, tfOp: tf.tanh, low: -6, high: 6, gradient: { low: -4, high: 4, reference: Math.tanh } },
  {
    name: 'sigmoid',
    op: ops.sigmoid,
    tfOp: tf.sigmoid,
    low: -10,
    high: 10,
    gradient: { low: -6, high: 6, reference: (x) => 1 / (1 + Math.exp(-x)) },
  },
  {
    name: 'relu',
    op: ops.relu,
    tfOp: tf.relu,
    low: -3,
    high: 3,
    keepsInt32: true,
    gradient: { low: -3, high: 3, kinks: [0], reference: (x) => Math.max(x, 0) },
  },
  {
    name: 'sign',
    op: ops.sign,
    tfOp: tf.sign,
    low: -3,
    high: 3,
    keepsInt32: true,
    gradient: { low: -3, high: 3, kinks: [0], reference: Math.sign },
  },
  {
    name: 'floor',
    op: ops.floor,
    tfOp: tf.floor,
    low: -3,
    high: 3,
    gradient: { low: -3, high: 3, kinks: integers(-3, 3), reference: Math.floor },
  },
  {
    name: 'ceil',
    op: ops.ceil,
    tfOp: tf.ceil,
    low: -3,
    high: 3,
    gradient: { low: -3, high: 3, kinks: integers(-3, 3), reference: Math.ceil },
  },
  {
    name: 'round',
    op: ops.round,
    tfOp: tf.round,
    low: -3,
    high: 3,
    gradient: { low: -3, high: 3, kinks: integers(-3, 2).map((value) => value + 0.5), reference: Math.round },
  },
  { name: 'erf', op: ops.erf, tfOp: tf.erf, low: -4, high: 4, gradient: { low: -3, high: 3, reference: erf64 } },
  { name: 'isNaN', op: ops.isNaN, tfOp: tf.isNaN, low: -3, high: 3 },
  { name: 'isFinite', op: ops.isFinite, tfOp: tf.isFinite, low: -3, high: 3 },
];

export interface BinaryCase {
  name: string;
  op: (a: Operand, b: Operand) => Tensor;
  tfOp: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
  /** Value domains of a and b; `nonZeroB` keeps divisors away from 0. */
  a: [number, number];
  b: [number, number];
  nonZeroB?: boolean;
  /** Integer domains for the int32 check. */
  intA: [number, number];
  intB: [number, number];
  reference?: (a: number, b: number) => number;
}

export const BINARY_CASES: BinaryCase[] = [
  {
    name: 'add',
    op: ops.add,
    tfOp: tf.add,
    a: [-3, 3],
    b: [-3, 3],
    intA: [-20, 20],
    intB: [-20, 20],
    reference: (a, b) => a + b,
  },
  {
    name: 'sub',
    op: ops.sub,
    tfOp: tf.sub,
    a: [-3, 3],
    b: [-3, 3],
    intA: [-20, 20],
    intB: [-20, 20],
    reference: (a, b) => a - b,
  },
  {
    name: 'mul',
    op: ops.mul,
    tfOp: tf.mul,
    a: [-3, 3],
    b: [-3, 3],
    intA: [-20, 20],
    intB: [-20, 20],
    reference: (a, b) => a * b,
  },
  {
    name: 'div',
    op: ops.div,
    tfOp: tf.div,
    a: [-3, 3],
    b: [-3, 3],
    nonZeroB: true,
    intA: [-20, 20],
    intB: [-6, 6],
    reference: (a, b) => a / b,
  },
  {
    name: 'pow',
    op: ops.pow,
    tfOp: tf.pow,
    a: [0.2, 3],
    b: [-2, 2],
    intA: [-5, 5],
    intB: [0, 5],
    reference: (a, b) => a ** b,
  },
  {
    name: 'maximum',
    op: ops.maximum,
    tfOp: tf.maximum,
    a: [-3, 3],
    b: [-3, 3],
    intA: [-9, 9],
    intB: [-9, 9],
    reference: Math.max,
  },
  {
    name: 'minimum',
    op: ops.minimum,
    tfOp: tf.minimum,
    a: [-3, 3],
    b: [-3, 3],
    intA: [-9, 9],
    intB: [-9, 9],
    reference: Math.min,
  },
  {
    name: 'mod',
    op: ops.mod,
    tfOp: tf.mod,
    a: [-5, 5],
    b: [-3, 3],
    nonZeroB: true,
    intA: [-20, 20],
    intB: [-6, 6],
    reference: (a, b) => a - b * Math.floor(a / b),
  },
  {
    name: 'floorDiv',
    op: ops.floorDiv,
    tfOp: tf.floorDiv,
    a: [-5, 5],
    b: [-3, 3],
    nonZeroB: true,
    intA: [-20, 20],
    intB: [-6, 6],
  },
];

export interface CompareCase {
  name: string;
  op: (a: Operand, b: Operand) => Tensor;
  tfOp: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
}

export const COMPARE_CASES: CompareCase[] = [
  { name: 'equal', op: ops.equal, tfOp: tf.equal },
  { name: 'notEqual', op: ops.notEqual, tfOp: tf.notEqual },
  { name: 'less', op: ops.less, tfOp: tf.less },
  { name: 'lessEqual', op: ops.lessEqual, tfOp: tf.lessEqual },
  { name: 'greater', op: ops.greater, tfOp: tf.greater },
  { name: 'greaterEqual', op: ops.greaterEqual, tfOp: tf.greaterEqual },
];

export const LOGICAL_CASES: CompareCase[] = [
  { name: 'logicalAnd', op: ops.logicalAnd, tfOp: tf.logicalAnd },
  { name: 'logicalOr', op: ops.logicalOr, tfOp: tf.logicalOr },
];

/** Pairs of shapes that broadcast: equal, trailing, both sides, scalars and zero-size. */
export const BROADCAST_SHAPES: Array<{ aShape: number[]; bShape: number[] }> = [
  { aShape: [2, 3], bShape: [2, 3] },
  { aShape: [2, 3], bShape: [3] },
  { aShape: [4, 1, 3], bShape: [1, 5, 1] },
  { aShape: [], bShape: [2, 2] },
  { aShape: [3, 1], bShape: [] },
  { aShape: [2, 1, 4], bShape: [3, 1] },
  { aShape: [0, 3], bShape: [3] },
  { aShape: [2, 0, 3], bShape: [1, 3] },
];
