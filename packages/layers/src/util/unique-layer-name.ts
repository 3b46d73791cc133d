const countsByPrefix = new Map<string, number>();

/** `dense_1`, `dense_2`, ...: one counter per layer kind, so weight variable names never collide. */
export function uniqueLayerName(prefix: string): string {
  const next = (countsByPrefix.get(prefix) ?? 0) + 1;
  countsByPrefix.set(prefix, next);
  return `${prefix}_${next}`;
}
