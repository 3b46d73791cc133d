import { Dataset } from './dataset';

/** Pairs the i-th elements of several datasets (see `Dataset.zip`). */
export const zip: typeof Dataset.zip = (...datasets: never[]) =>
  (Dataset.zip as (...all: unknown[]) => never)(...datasets);
