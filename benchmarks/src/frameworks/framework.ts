/** The contenders, always run in this order on the same inputs; jax-js only in the cases written for it. */
export const frameworkNames = ['tessera', 'tfjs-cpu', 'tfjs-wasm', 'jax-js'] as const;
export type FrameworkName = (typeof frameworkNames)[number];

export const frameworkLabels: Record<FrameworkName, string> = {
  tessera: 'Tessera cpu',
  'tfjs-cpu': 'tfjs cpu',
  'tfjs-wasm': 'tfjs wasm',
  'jax-js': 'jax-js wasm',
};

/** One framework's side of a case, with its inputs already created on that framework. */
export interface PreparedRun {
  /**
   * Does the work once and returns the values it read back. Reading back (dataSync) is what guarantees the work
   * finished before the clock stops, and the values let the harness check that every framework computed the same.
   * Training cases return a promise (`fit` is asynchronous in both frameworks); the timing then includes awaiting it.
   */
  runOnce(): Float32Array[] | Promise<Float32Array[]>;
  /** Frees the inputs (and variables) so that the next case starts from a clean memory count. */
  dispose(): void;
}
