import { InvalidArgumentError, memory, ShapeError, type Tensor, tensor } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { Dataset } from './dataset';
import { fromArray } from './from-array';
import { fromGenerator } from './from-generator';
import { zip } from './zip';

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('Dataset basics', () => {
  it('iterates an array, re-iterably, and chains immutably', async () => {
    const base = fromArray([1, 2, 3, 4, 5]);
    const doubled = base.map((value) => value * 2);
    expect(await doubled.toArray()).toEqual([2, 4, 6, 8, 10]);
    expect(await doubled.toArray()).toEqual([2, 4, 6, 8, 10]);
    expect(await base.toArray()).toEqual([1, 2, 3, 4, 5]);
  });

  it('maps with async functions and passes the index', async () => {
    const result = await fromArray(['a', 'b'])
      .map(async (value, index) => `${value}${index}`)
      .toArray();
    expect(result).toEqual(['a0', 'b1']);
  });

  it('reads sync and async generators, calling the factory once per pass', async () => {
    let calls = 0;
    const sync = fromGenerator(function* () {
      calls++;
      yield* [1, 2, 3];
    });
    expect(await sync.toArray()).toEqual([1, 2, 3]);
    expect(await sync.toArray()).toEqual([1, 2, 3]);
    expect(calls).toBe(2);
    const asynchronous = Dataset.fromGenerator(async function* () {
      yield 'x';
      yield 'y';
    });
    expect(await asynchronous.toArray()).toEqual(['x', 'y']);
  });

  it('filters, takes, skips, repeats and concatenates', async () => {
    const numbers = fromArray(range(10));
    expect(await numbers.filter((value) => value % 3 === 0).toArray()).toEqual([0, 3, 6, 9]);
    expect(await numbers.take(3).toArray()).toEqual([0, 1, 2]);
    expect(await numbers.take(0).toArray()).toEqual([]);
    expect(await numbers.skip(8).toArray()).toEqual([8, 9]);
    expect(await numbers.take(2).repeat(3).toArray()).toEqual([0, 1, 0, 1, 0, 1]);
    expect(await numbers.take(2).repeat().take(5).toArray()).toEqual([0, 1, 0, 1, 0]);
    expect(await fromArray([]).repeat().toArray()).toEqual([]);
    expect(
      await numbers
        .take(2)
        .concatenate(fromArray(['a']))
        .toArray(),
    ).toEqual([0, 1, 'a']);
  });

  it('take stops pulling from the source', async () => {
    let produced = 0;
    const endless = fromGenerator(function* () {
      while (true) yield produced++;
    });
    expect(await endless.take(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(produced).toBeLessThanOrEqual(5);
  });

  it('zips tuples and records, ending with the shortest', async () => {
    const letters = fromArray(['a', 'b', 'c']);
    const numbers = fromArray([1, 2]);
    expect(await zip(letters, numbers).toArray()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(await Dataset.zip({ letter: letters, number: numbers }).toArray()).toEqual([
      { letter: 'a', number: 1 },
      { letter: 'b', number: 2 },
    ]);
  });

  it('prefetch keeps order and propagates errors', async () => {
    expect(await fromArray(range(20)).prefetch(4).toArray()).toEqual(range(20));
    const failing = fromGenerator(function* () {
      yield 1;
      throw new Error('boom');
    });
    await expect(failing.prefetch(3).toArray()).rejects.toThrow('boom');
  });

  it('prefetch runs the producer ahead of the consumer', async () => {
    const started: number[] = [];
    const slow = fromArray(range(6)).map(async (value) => {
      started.push(value);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return value;
    });
    const iterator = slow.prefetch(3)[Symbol.asyncIterator]();
    await iterator.next();
    // The consumer now sits on element 0 while the requests already in flight keep the producer busy.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(started.length).toBeGreaterThanOrEqual(3);
    await iterator.return?.();
  });

  it('rejects bad arguments with InvalidArgumentError naming the method', () => {
    const numbers = fromArray([1]);
    expect(() => numbers.batch(0)).toThrow(InvalidArgumentError);
    expect(() => numbers.batch(1.5)).toThrow(/batch: size must be an integer >= 1, got 1.5/);
    expect(() => numbers.shuffle(0)).toThrow(/shuffle: bufferSize/);
    expect(() => numbers.take(-1)).toThrow(/take: count/);
    expect(() => numbers.skip(Number.NaN)).toThrow(/skip: count/);
    expect(() => numbers.prefetch(0)).toThrow(/prefetch: count/);
    expect(() => numbers.map(3 as never)).toThrow(/map: expected a function, got number/);
    expect(() => fromArray('abc' as never)).toThrow(/fromArray: expected an array/);
    expect(() => numbers.concatenate([1] as never)).toThrow(/concatenate: expected a Dataset/);
  });
});

describe('shuffle', () => {
  it('is a permutation, repeats with the same seed, and changes order each pass', async () => {
    const numbers = fromArray(range(100));
    const shuffled = numbers.shuffle(100, { seed: 7 });
    const first = await shuffled.toArray();
    const second = await shuffled.toArray();
    expect([...first].sort((a, b) => a - b)).toEqual(range(100));
    expect(first).not.toEqual(range(100));
    expect(second).not.toEqual(first);
    const again = numbers.shuffle(100, { seed: 7 });
    expect(await again.toArray()).toEqual(first);
    expect(await again.toArray()).toEqual(second);
    expect(await numbers.shuffle(100, { seed: 8 }).toArray()).not.toEqual(first);
    const fixed = numbers.shuffle(100, { seed: 7, reshuffleEachIteration: false });
    expect(await fixed.toArray()).toEqual(await fixed.toArray());
  });

  it('a small buffer only moves elements locally', async () => {
    const result = await fromArray(range(50)).shuffle(5, { seed: 1 }).toArray();
    expect([...result].sort((a, b) => a - b)).toEqual(range(50));
    // The element output at position p was read among the first p + bufferSize elements.
    for (const [position, value] of result.entries()) expect(value).toBeLessThanOrEqual(position + 4);
  });

  it('spreads positions roughly uniformly with a full buffer', async () => {
    const counts = new Array(10).fill(0);
    const dataset = fromArray(range(10)).shuffle(10, { seed: 3 });
    for (let pass = 0; pass < 2000; pass++) {
      const order = await dataset.toArray();
      counts[order.indexOf(0)]++;
    }
    for (const count of counts) expect(Math.abs(count - 200)).toBeLessThan(60);
  });
});

describe('batch', () => {
  it('stacks tensors, numbers and structures field by field', async () => {
    const elements = range(5).map((value) => ({
      x: tensor([value, value + 0.5]),
      y: value,
      pair: [tensor([[value]]), value % 2 === 0],
      name: `n${value}`,
    }));
    const batches = await fromArray(elements).batch(2).toArray();
    expect(batches.length).toBe(3);
    const [first, , last] = batches as [(typeof batches)[0], unknown, (typeof batches)[0]];
    expect(first.x.shape).toEqual([2, 2]);
    expect(first.x.arraySync()).toEqual([
      [0, 0.5],
      [1, 1.5],
    ]);
    expect(first.y.dtype).toBe('float32');
    expect(first.y.arraySync()).toEqual([0, 1]);
    expect((first.pair[0] as Tensor).shape).toEqual([2, 1, 1]);
    expect((first.pair[1] as Tensor).dtype).toBe('bool');
    expect(first.name).toEqual(['n0', 'n1']);
    expect(last.x.shape).toEqual([1, 2]);
    for (const batch of batches) {
      for (const item of [batch.x, batch.y, ...batch.pair]) (item as Tensor).dispose();
    }
    for (const element of elements) {
      element.x.dispose();
      (element.pair[0] as Tensor).dispose();
    }
  });

  it('drops the remainder on request', async () => {
    const batches = await fromArray(range(7)).batch(3, { dropRemainder: true }).toArray();
    expect(batches.map((batch) => batch.arraySync())).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    for (const batch of batches) batch.dispose();
  });

  it('reports mismatched structures with the field path', async () => {
    const bad = fromArray<unknown>([{ a: tensor([1, 2]) }, { a: tensor([1, 2, 3]) }]).batch(2);
    await expect(bad.toArray()).rejects.toThrow(ShapeError);
    const mixed = fromArray<unknown>([{ a: 1 }, { a: 'x' }]).batch(2);
    await expect(mixed.toArray()).rejects.toThrow(
      /batch: elements must share one structure; at element.a expected number, got string/,
    );
  });
});

describe('memory', () => {
  const tensors = () => range(12).map((value) => tensor([value, value]));

  async function leakOf(run: () => Promise<void>): Promise<number> {
    await run();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) await run();
    return memory().numTensors - before;
  }

  it('filter, take, skip, batch, shuffle, prefetch, zip and map dispose what they drop', async () => {
    const source = tensors();
    const dataset = fromArray(source);
    const consume = async (pipeline: Dataset<unknown>) => {
      for await (const element of pipeline) {
        for (const item of Array.isArray(element) ? element : [element]) (item as Tensor).dispose();
      }
    };
    const pipelines: Array<() => Dataset<unknown>> = [
      () => dataset.filter(async (element) => (await element.data())[0] % 2 === 0),
      () => dataset.take(3),
      () => dataset.skip(5),
      () => dataset.batch(5, { dropRemainder: true }),
      () => dataset.batch(5),
      () => dataset.shuffle(6, { seed: 2 }).take(2),
      () => dataset.prefetch(4).take(2),
      () => zip(dataset, dataset.take(4)),
      () => dataset.map((element) => element.mul(2).add(1)),
      () => dataset.repeat().shuffle(4, { seed: 1 }).batch(3).prefetch(2).take(5),
    ];
    for (const pipeline of pipelines) {
      expect(await leakOf(() => consume(pipeline()))).toBe(0);
    }
    // The array's own tensors survive every pass.
    expect(source.every((element) => !element.isDisposed)).toBe(true);
    for (const element of source) element.dispose();
  });

  it('a failing batch leaks nothing', async () => {
    const run = async () => {
      const first = tensor([1]);
      const second = tensor([2]);
      const dataset = fromArray<unknown>([
        { a: first, b: 1 },
        { a: second, b: 'x' },
      ]).batch(2);
      await expect(dataset.toArray()).rejects.toThrow(ShapeError);
      first.dispose();
      second.dispose();
    };
    expect(await leakOf(run)).toBe(0);
  });
});
