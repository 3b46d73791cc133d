import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's base-files package ships the full texts of the common free-software licenses here (about 260 KB). */
export const DEBIAN_LICENSE_DIRECTORY = '/usr/share/common-licenses';

/**
 * The license texts concatenated in file-name order, each once: the directory's symbolic links (GPL → GPL-3...)
 * are skipped so no text is counted twice. `maxCharacters` keeps only the start, for short runs.
 */
export function readLicenseCorpus(directory = DEBIAN_LICENSE_DIRECTORY, maxCharacters?: number): string {
  const names = readdirSync(directory)
    .filter((name) => lstatSync(join(directory, name)).isFile())
    .sort();
  const text = names.map((name) => readFileSync(join(directory, name), 'utf8')).join('\n');
  return maxCharacters === undefined ? text : text.slice(0, maxCharacters);
}
