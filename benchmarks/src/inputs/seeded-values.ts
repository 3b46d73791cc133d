/**
 * Deterministic input values from a seed. Inputs are built here in plain JavaScript, not with each framework's own
 * random ops, so that Tessera, tfjs-cpu and tfjs-wasm receive bit-identical numbers and their first outputs can
 * be compared.
 */
export class SeededValues {
  private state: number;

  constructor(seed: number) {
    // Any 32-bit value works as a state; the odd constant keeps seed 0 from starting at zero.
    this.state = (seed ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform in [low, high). */
  uniform(count: number, low = 0, high = 1): Float32Array {
    const values = new Float32Array(count);
    for (let index = 0; index < count; index++) values[index] = low + (high - low) * this.nextUnit();
    return values;
  }

  /** Normal with mean 0 and the given standard deviation (Box–Muller). */
  normal(count: number, standardDeviation = 1): Float32Array {
    const values = new Float32Array(count);
    for (let index = 0; index < count; index += 2) {
      // 1 - u keeps the logarithm's argument in (0, 1].
      const radius = Math.sqrt(-2 * Math.log(1 - this.nextUnit())) * standardDeviation;
      const angle = 2 * Math.PI * this.nextUnit();
      values[index] = radius * Math.cos(angle);
      if (index + 1 < count) values[index + 1] = radius * Math.sin(angle);
    }
    return values;
  }

  /** One-hot rows of a random class each: `rows × classes` values, row-major. */
  oneHot(rows: number, classes: number): Float32Array {
    const values = new Float32Array(rows * classes);
    for (let row = 0; row < rows; row++) {
      const label = Math.min(classes - 1, Math.floor(this.nextUnit() * classes));
      values[row * classes + label] = 1;
    }
    return values;
  }

  /** Mulberry32: tiny, fast and well distributed enough for benchmark inputs (not for cryptography). */
  private nextUnit(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }
}
