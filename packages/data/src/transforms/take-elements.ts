/** The first `count` elements. Stops pulling from the source after that, so nothing extra is produced. */
export async function* takeElements<T>(source: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  if (count <= 0) return;
  let taken = 0;
  for await (const element of source) {
    yield element;
    taken++;
    if (taken >= count) return;
  }
}
