/** All of `first`, then all of `second`. */
export async function* concatenateElements<T, U>(
  first: AsyncIterable<T>,
  second: AsyncIterable<U>,
): AsyncGenerator<T | U> {
  yield* first;
  yield* second;
}
