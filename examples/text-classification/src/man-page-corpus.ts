import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { manPageNameLine } from './man-page-name-line';

/** Where Debian installs the English manual pages. */
export const MAN_DIRECTORY = '/usr/share/man';

/** The classes: manual sections with enough pages on a Debian system (4 and 6 have a handful, so they are left out). */
export const SECTIONS = [
  { section: '1', name: 'user commands' },
  { section: '2', name: 'system calls' },
  { section: '3', name: 'library functions' },
  { section: '5', name: 'file formats' },
  { section: '7', name: 'overviews' },
  { section: '8', name: 'admin commands' },
] as const;

export interface ManPageExample {
  /** The NAME line: "ls - list directory contents". */
  text: string;
  /** Index into SECTIONS. */
  label: number;
  /** The file it came from, for reports. */
  file: string;
  /** What decides the train/test side: the lower-cased description, so pages that say the same stay together. */
  groupKey: string;
}

export interface ManPageCorpus {
  examples: ManPageExample[];
  /** Pages dropped because the same description appears in two sections (the label would be a coin toss). */
  ambiguousDropped: number;
  /** Pages dropped because an earlier page had the same description in the same section. */
  duplicatesDropped: number;
}

/**
 * Google Cloud's CLI alone ships 16,000+ generated pages ("gcloud compute instances create - ...") into section 1;
 * kept, they would be most of the data and nearly copies of one another.
 */
function isGeneratedFamily(fileName: string): boolean {
  return fileName.startsWith('gcloud');
}

function readPage(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function groupKeyOf(text: string): string {
  const dash = text.indexOf(' - ');
  const description = dash >= 0 ? text.slice(dash + 3) : text;
  return description.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Reads the NAME line of every regular man page file in `directory`'s man1, man2, man3, man5, man7 and man8 folders
 * (symbolic links and `.so` pages are aliases of another page and have no NAME of their own, so they drop out).
 */
export function loadManPageCorpus(directory = MAN_DIRECTORY): ManPageCorpus {
  const candidates: ManPageExample[] = [];
  SECTIONS.forEach(({ section }, label) => {
    const folder = join(directory, `man${section}`);
    if (!existsSync(folder)) return;
    const entries = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !isGeneratedFamily(entry.name))
      .map((entry) => entry.name)
      .sort();
    for (const name of entries) {
      const file = join(folder, name);
      const text = manPageNameLine(readPage(file));
      if (text !== undefined) candidates.push({ text, label, file, groupKey: groupKeyOf(text) });
    }
  });
  const labelsByKey = new Map<string, Set<number>>();
  for (const example of candidates) {
    const labels = labelsByKey.get(example.groupKey) ?? new Set<number>();
    labels.add(example.label);
    labelsByKey.set(example.groupKey, labels);
  }
  const examples: ManPageExample[] = [];
  const seen = new Set<string>();
  let ambiguousDropped = 0;
  let duplicatesDropped = 0;
  for (const example of candidates) {
    if ((labelsByKey.get(example.groupKey)?.size ?? 0) > 1) ambiguousDropped++;
    else if (seen.has(example.groupKey)) duplicatesDropped++;
    else {
      seen.add(example.groupKey);
      examples.push(example);
    }
  }
  return { examples, ambiguousDropped, duplicatesDropped };
}
