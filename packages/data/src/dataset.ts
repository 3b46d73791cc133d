import { InvalidArgumentError, reshape, Tensor } from '@tessera/core';
import { assertCount } from './internal/assert-count';
import { createSeededRandom, deriveSeed } from './internal/seeded-random';
import { type Batched, batchElements } from './transforms/batch-elements';
import { concatenateElements } from './transforms/concatenate-elements';
import { filterElements } from './transforms/filter-elements';
import { mapElements } from './transforms/map-elements';
import { prefetchElements } from './transforms/prefetch-elements';
import { repeatElements } from './transforms/repeat-elements';
import { shuffleElements } from './transforms/shuffle-elements';
import { skipElements } from './transforms/skip-elements';
import { takeElements } from './transforms/take-elements';
import { zipElements } from './transforms/zip-elements';

export interface BatchOptions {
  /** Drop a final batch smaller than `size` (fixed batch shapes). Default false. */
  dropRemainder?: boolean;
}

export interface ShuffleOptions {
  /** Seed for a repeatable order; without one each dataset gets a random seed. */
  seed?: number;
  /** Draw a new (seed-determined) order on every pass. Default true. */
  reshuffleEachIteration?: boolean;
}

type ZippedTuple<Sources extends ReadonlyArray<Dataset<unknown>>> = {
  [Position in keyof Sources]: Sources[Position] extends Dataset<infer Element> ? Element : never;
};
type ZippedRecord<Sources extends Record<string, Dataset<unknown>>> = {
  [Key in keyof Sources]: Sources[Key] extends Dataset<infer Element> ? Element : never;
};

/**
 * A lazy, re-iterable stream of elements: each `for await` starts a fresh pass. Transformations return new
 * datasets and never change this one. Every element yielded belongs to the consumer, who disposes its tensors;
 * elements the pipeline drops itself (filter, skip, take, batch, buffers) are disposed for you.
 */
export class Dataset<T> implements AsyncIterable<T> {
  readonly #open: () => AsyncIterator<T>;

  constructor(open: () => AsyncIterator<T>) {
    if (typeof open !== 'function') {
      throw new InvalidArgumentError(`Dataset: expected a function that opens an iterator, got ${typeof open}`);
    }
    this.#open = open;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.#open();
  }

  /**
   * Elements of an array. Tensor elements are handed out as new tensor handles sharing the buffer, so a consumer
   * disposing them does not break the next pass.
   */
  static fromArray<T>(items: readonly T[]): Dataset<T> {
    if (!Array.isArray(items)) {
      throw new InvalidArgumentError(`fromArray: expected an array, got ${typeof items}`);
    }
    const snapshot = [...items];
    return new Dataset(async function* () {
      for (const item of snapshot) yield cloneTensors(item);
    });
  }

  /** Elements from a (sync or async) iterator; `create` is called once per pass. */
  static fromGenerator<T>(create: () => Iterator<T> | AsyncIterator<T> | Iterable<T> | AsyncIterable<T>): Dataset<T> {
    if (typeof create !== 'function') {
      throw new InvalidArgumentError(`fromGenerator: expected a function returning an iterator, got ${typeof create}`);
    }
    return new Dataset(async function* () {
      const produced = create();
      const iterator = toIterator(produced);
      try {
        while (true) {
          const result = await iterator.next();
          if (result.done) return;
          yield result.value;
        }
      } finally {
        await iterator.return?.();
      }
    });
  }

  /** Pairs the i-th elements of several datasets, as a tuple or a record; ends with the shortest. */
  static zip<Sources extends ReadonlyArray<Dataset<unknown>>>(...datasets: Sources): Dataset<ZippedTuple<Sources>>;
  static zip<Sources extends Record<string, Dataset<unknown>>>(datasets: Sources): Dataset<ZippedRecord<Sources>>;
  static zip(...datasets: unknown[]): Dataset<unknown> {
    const onlyArgument = datasets[0];
    const sources =
      datasets.length === 1 &&
      !(onlyArgument instanceof Dataset) &&
      typeof onlyArgument === 'object' &&
      onlyArgument !== null
        ? (onlyArgument as Record<string, Dataset<unknown>>)
        : datasets;
    const entries = Array.isArray(sources) ? sources.entries() : Object.entries(sources);
    for (const [key, source] of entries) {
      if (!(source instanceof Dataset)) {
        throw new InvalidArgumentError(`zip: expected datasets, got ${typeof source} at ${String(key)}`);
      }
    }
    return new Dataset(() => zipElements(sources as ReadonlyArray<Dataset<unknown>>));
  }

  map<U>(transform: (element: T, index: number) => U | Promise<U>): Dataset<U> {
    assertFunction(transform, 'map');
    return new Dataset(() => mapElements(this, transform));
  }

  filter(predicate: (element: T, index: number) => boolean | Promise<boolean>): Dataset<T> {
    assertFunction(predicate, 'filter');
    return new Dataset(() => filterElements(this, predicate));
  }

  batch(size: number, options: BatchOptions = {}): Dataset<Batched<T>> {
    assertCount(size, 'size', 'batch', 1);
    const dropRemainder = options.dropRemainder ?? false;
    return new Dataset(() => batchElements(this, size, dropRemainder));
  }

  shuffle(bufferSize: number, options: ShuffleOptions = {}): Dataset<T> {
    assertCount(bufferSize, 'bufferSize', 'shuffle', 1);
    if (options.seed !== undefined && !Number.isFinite(options.seed)) {
      throw new InvalidArgumentError(`shuffle: seed must be a finite number, got ${String(options.seed)}`);
    }
    const seed = options.seed ?? Math.floor(Math.random() * 4294967296);
    const reshuffle = options.reshuffleEachIteration ?? true;
    let pass = 0;
    return new Dataset(() => {
      const random = createSeededRandom(deriveSeed(seed, reshuffle ? pass++ : 0));
      return shuffleElements(this, bufferSize, random);
    });
  }

  prefetch(count: number): Dataset<T> {
    assertCount(count, 'count', 'prefetch', 1);
    return new Dataset(() => prefetchElements(this, count));
  }

  take(count: number): Dataset<T> {
    assertCount(count, 'count', 'take', 0, true);
    return new Dataset(() => takeElements(this, count));
  }

  skip(count: number): Dataset<T> {
    assertCount(count, 'count', 'skip', 0);
    return new Dataset(() => skipElements(this, count));
  }

  /** Passes over this dataset `count` times; forever when omitted. */
  repeat(count: number = Number.POSITIVE_INFINITY): Dataset<T> {
    assertCount(count, 'count', 'repeat', 0, true);
    return new Dataset(() => repeatElements(this, count));
  }

  concatenate<U>(other: Dataset<U>): Dataset<T | U> {
    if (!(other instanceof Dataset)) {
      throw new InvalidArgumentError(`concatenate: expected a Dataset, got ${typeof other}`);
    }
    return new Dataset(() => concatenateElements(this, other));
  }

  /** Every element, in order. Never call it on an endless dataset. */
  async toArray(): Promise<T[]> {
    const elements: T[] = [];
    for await (const element of this) elements.push(element);
    return elements;
  }
}

function assertFunction(value: unknown, operation: string): void {
  if (typeof value !== 'function') {
    throw new InvalidArgumentError(`${operation}: expected a function, got ${typeof value}`);
  }
}

function cloneTensors<T>(value: T): T {
  if (value instanceof Tensor) return reshape(value, value.shape) as T;
  if (Array.isArray(value)) return value.map((item) => cloneTensors(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = cloneTensors(item);
    return copy as T;
  }
  return value;
}

function toIterator<T>(
  produced: Iterator<T> | AsyncIterator<T> | Iterable<T> | AsyncIterable<T>,
): Iterator<T> | AsyncIterator<T> {
  if (produced !== null && typeof produced === 'object') {
    if (Symbol.asyncIterator in produced) return (produced as AsyncIterable<T>)[Symbol.asyncIterator]();
    if (Symbol.iterator in produced) return (produced as Iterable<T>)[Symbol.iterator]();
    if (typeof (produced as Iterator<T>).next === 'function') return produced as Iterator<T>;
  }
  throw new InvalidArgumentError(
    `fromGenerator: the function must return an iterator or iterable, got ${typeof produced}`,
  );
}
