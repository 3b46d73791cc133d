import { InvalidArgumentError } from '@tessera/core';

/** Elements weights may still take while a model is rebuilt from a file; undefined outside `loadModel`. */
let remainingElements: number | undefined;
/** The public function doing the rebuilding, named in errors. */
let budgetOwner = 'loadModel';

/**
 * Runs `build` while refusing to create more weight elements than `elements`: a hostile `model.json` asking for
 * `Dense({ units: 1e9 })` fails with a clear error instead of allocating gigabytes before the weights file is
 * even compared against it.
 */
export function withWeightBudget<T>(elements: number, build: () => T, owner = 'loadModel'): T {
  const previous = remainingElements;
  const previousOwner = budgetOwner;
  remainingElements = elements;
  budgetOwner = owner;
  try {
    return build();
  } finally {
    remainingElements = previous;
    budgetOwner = previousOwner;
  }
}

/** Called by `Layer.addWeight` before allocating. */
export function chargeWeightBudget(elements: number, weightName: string): void {
  if (remainingElements === undefined) return;
  if (elements > remainingElements) {
    throw new InvalidArgumentError(
      `${budgetOwner}: weight '${weightName}' needs ${elements} elements, more than the weights file holds (${remainingElements} left); model.json does not match its weights`,
    );
  }
  remainingElements -= elements;
}
