/** Shapes as Keras prints them: `null` for the batch axis, which is unknown until data arrives. */
export type SymbolicShape = ReadonlyArray<number | null>;

export function formatSymbolicShape(shape: SymbolicShape): string {
  return `[${shape.map((size) => (size === null ? 'null' : String(size))).join(',')}]`;
}
