/** Iterates `source` afresh `count` times (forever when `count` is Infinity). */
export async function* repeatElements<T>(source: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  for (let pass = 0; pass < count; pass++) {
    let produced = false;
    for await (const element of source) {
      produced = true;
      yield element;
    }
    // An empty source repeated forever would spin without ever yielding.
    if (!produced) return;
  }
}
