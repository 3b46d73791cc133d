import { type DType, dispose, registerBackend, removeBackend, setBackend, type Tensor, tidy } from '@tessera/core';
import { type Backend, type KernelMap, type KernelName, supports } from '@tessera/core/backend';
import { assertResultsMatch, type ReadResult, type Tolerance } from './compare-values';
import type { ResolvedOptions } from './describe-backend-options';
import { SeededRandom } from './seeded-random';

/** The backend every result is compared against: core's embedded CPU backend. */
export const REFERENCE_BACKEND = 'cpu';

let sessionCount = 0;

/**
 * One backend under test, registered under a name of its own (so a backend called 'cpu' does not collide with the
 * reference) with every kernel call recorded, so that a check can prove it reached the kernel it is about.
 */
export class BackendSession {
  readonly name: string;
  readonly random: SeededRandom;
  private constructor(
    readonly original: Backend,
    readonly options: ResolvedOptions,
    readonly wrapped: Backend,
    /** Kernels the backend under test has run; the check runner clears it before each check. */
    readonly calls: Set<string>,
  ) {
    this.name = wrapped.name;
    this.random = new SeededRandom(options.seed);
  }

  static async open(
    createBackend: () => Backend | Promise<Backend>,
    options: ResolvedOptions,
  ): Promise<BackendSession> {
    const original = await createBackend();
    if (original?.isTesseraBackend !== true) {
      throw new Error('describeBackend: createBackend must return a backend made by defineBackend(...)');
    }
    sessionCount++;
    const calls = new Set<string>();
    const kernels: Record<string, unknown> = {};
    for (const [kernelName, kernel] of Object.entries(original.kernels as Record<string, unknown>)) {
      if (typeof kernel !== 'function') continue;
      kernels[kernelName] = (inputs: unknown, attributes: unknown) => {
        calls.add(kernelName);
        return kernel.call(original.kernels, inputs, attributes);
      };
    }
    // Built by hand rather than with defineBackend so that a backend missing required kernels still loads and
    // each missing kernel shows up as its own failing test.
    const wrapped: Backend = {
      ...original,
      name: `testkit-${original.name}-${sessionCount}`,
      kernels: kernels as unknown as KernelMap,
      isTesseraBackend: true,
    };
    registerBackend(wrapped);
    const session = new BackendSession(original, options, wrapped, calls);
    await setBackend(wrapped.name);
    await setBackend(REFERENCE_BACKEND);
    return session;
  }

  async close(): Promise<void> {
    await setBackend(REFERENCE_BACKEND);
    removeBackend(this.name);
  }

  supports(kernelName: KernelName): boolean {
    return supports(this.original, kernelName);
  }

  tolerance(dtype: DType): Tolerance {
    return this.options.tolerance[dtype];
  }

  /** How many random shapes each case draws. */
  get trials(): number {
    return this.options.shapes === 'full' ? 5 : 2;
  }

  /** The largest dimension a random shape may have. */
  get maxDimension(): number {
    return this.options.shapes === 'full' ? 7 : 4;
  }

  /** Runs `build` on a backend inside `tidy`, reads every returned tensor with `await data()`, then frees them. */
  async evaluate(backendName: string, build: () => Tensor | Tensor[]): Promise<ReadResult[]> {
    await setBackend(backendName);
    let outputs: Tensor[] = [];
    try {
      outputs = tidy(() => {
        const result = build();
        return Array.isArray(result) ? result : [result];
      });
      const results: ReadResult[] = [];
      for (const output of outputs) {
        if (output.backend.name !== backendName) {
          throw new Error(`a result lives on backend '${output.backend.name}', expected '${backendName}'`);
        }
        results.push({ shape: [...output.shape], dtype: output.dtype, values: Array.from(await output.data()) });
      }
      return results;
    } finally {
      dispose(outputs);
      await setBackend(REFERENCE_BACKEND);
    }
  }

  /** Runs `build` on the CPU reference and on the backend under test and asserts that every output agrees. */
  async compare(label: string, build: () => Tensor | Tensor[]): Promise<ReadResult[]> {
    const expected = await this.evaluate(REFERENCE_BACKEND, build);
    const actual = await this.evaluate(this.name, build);
    expected.forEach((reference, index) => {
      const outputLabel = expected.length > 1 ? `${label} (output ${index})` : label;
      assertResultsMatch(outputLabel, actual[index], reference, this.tolerance(reference.dtype));
    });
    return actual;
  }
}
