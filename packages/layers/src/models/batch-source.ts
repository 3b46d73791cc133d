import { InvalidArgumentError, type Tensor, tidy } from '@tessera/core';
import { gatherRows, sliceRows } from './batching';
import { countExamples, type TensorOrList, toTensorList } from './tensor-list';

/** One batch; `dispose` frees what the source made for it. */
export interface Batch {
  inputs: Tensor[];
  targets: Tensor[];
  size: number;
  dispose(): void;
}

/** Where `fit` and `evaluate` get batches: tensors in memory or a dataset. */
export interface BatchSource {
  /** Batches per epoch when known up front. */
  readonly stepsPerEpoch: number | undefined;
  readonly samples: number | undefined;
  /** The batches of one epoch; tensor sources shuffle by the epoch number, so a resumed run sees the same order. */
  epochBatches(epoch?: number): AsyncIterable<Batch>;
}

/** What a dataset passed to `fit`/`evaluate` yields: `{ xs, ys }` (tfjs style) or `[x, y]`, already batched. */
export type DatasetElement = { xs: TensorOrList; ys: TensorOrList } | readonly [TensorOrList, TensorOrList];

export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

/** Batches over in-memory tensors, optionally reshuffled every epoch. */
export function tensorBatchSource(
  inputs: readonly Tensor[],
  targets: readonly Tensor[],
  batchSize: number,
  shuffle: ((count: number, epoch: number) => number[]) | undefined,
): BatchSource {
  const count = countExamples([...inputs, ...targets], 'fit');
  return {
    stepsPerEpoch: Math.ceil(count / batchSize),
    samples: count,
    async *epochBatches(epoch = 0) {
      const order = shuffle?.(count, epoch);
      for (let start = 0; start < count; start += batchSize) {
        const size = Math.min(batchSize, count - start);
        const pick = (tensor: Tensor) =>
          order === undefined ? sliceRows(tensor, start, size) : gatherRows(tensor, order.slice(start, start + size));
        const [batchInputs, batchTargets] = tidy(() => [inputs.map(pick), targets.map(pick)]);
        yield {
          inputs: batchInputs,
          targets: batchTargets,
          size,
          dispose() {
            for (const tensor of [...batchInputs, ...batchTargets]) tensor.dispose();
          },
        };
      }
    },
  };
}

function unpackElement(element: unknown, context: string): { inputs: Tensor[]; targets: Tensor[] } {
  if (Array.isArray(element) && element.length === 2) {
    return { inputs: toTensorList(element[0], 'x', context), targets: toTensorList(element[1], 'y', context) };
  }
  if (typeof element === 'object' && element !== null && 'xs' in element && 'ys' in element) {
    const { xs, ys } = element as { xs: TensorOrList; ys: TensorOrList };
    return { inputs: toTensorList(xs, 'xs', context), targets: toTensorList(ys, 'ys', context) };
  }
  throw new InvalidArgumentError(
    `${context}: dataset elements must be { xs, ys } or [x, y] batches of tensors, got ${Array.isArray(element) ? `an array of ${element.length}` : typeof element}`,
  );
}

/**
 * Batches from a dataset. Without `stepsPerEpoch` each epoch is one full pass; with it, epochs take that many
 * batches from one running iterator (restarted when it ends), so an infinite `repeat()`ed dataset works.
 */
export function datasetBatchSource(
  dataset: AsyncIterable<unknown>,
  stepsPerEpoch: number | undefined,
  context: string,
): BatchSource {
  let running: AsyncIterator<unknown> | undefined;
  return {
    stepsPerEpoch,
    samples: undefined,
    async *epochBatches() {
      if (stepsPerEpoch !== undefined && running === undefined) running = dataset[Symbol.asyncIterator]();
      const freshPass = stepsPerEpoch === undefined ? dataset[Symbol.asyncIterator]() : undefined;
      let produced = 0;
      let restarted = false;
      while (stepsPerEpoch === undefined || produced < stepsPerEpoch) {
        // With stepsPerEpoch, `running` may be replaced below when it ends, so it is read afresh every step.
        let next = await (freshPass ?? (running as AsyncIterator<unknown>)).next();
        if (next.done && stepsPerEpoch !== undefined && !restarted) {
          running = dataset[Symbol.asyncIterator]();
          restarted = true;
          next = await running.next();
        }
        if (next.done) {
          if (stepsPerEpoch !== undefined && produced === 0) {
            throw new InvalidArgumentError(`${context}: the dataset yielded no batches`);
          }
          return;
        }
        const { inputs, targets } = unpackElement(next.value, context);
        const size = countExamples([...inputs, ...targets], context);
        produced++;
        yield {
          inputs,
          targets,
          size,
          dispose() {
            for (const tensor of [...inputs, ...targets]) if (!tensor.isDisposed) tensor.dispose();
          },
        };
      }
    },
  };
}
