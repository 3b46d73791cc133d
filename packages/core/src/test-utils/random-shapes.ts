/** Seeded random shapes and axis choices for the op tests. */

/** A shape of `rank` with dimensions in [minimum, maximum]. */
export function randomShape(random: () => number, rank: number, minimum = 1, maximum = 4): number[] {
  return Array.from({ length: rank }, () => minimum + Math.floor((maximum - minimum + 1) * random()));
}

/** A random non-empty subset of the axes of a rank-`rank` tensor, each written positive or negative at random. */
export function randomAxes(random: () => number, rank: number): number[] {
  const chosen = Array.from({ length: rank }, (_, axis) => axis).filter(() => random() < 0.5);
  const axes = chosen.length > 0 ? chosen : [Math.floor(random() * rank)];
  return axes.map((axis) => (random() < 0.5 ? axis - rank : axis));
}

/** One axis of a rank-`rank` tensor, positive or negative at random. */
export function randomAxis(random: () => number, rank: number): number {
  const axis = Math.floor(random() * rank);
  return random() < 0.5 ? axis - rank : axis;
}
