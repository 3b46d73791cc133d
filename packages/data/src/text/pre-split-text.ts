/**
 * The pieces byte-pair merges stay inside, a simplified GPT-2 rule: a run of letters (with their combining marks), a
 * run of digits, or a run of other symbols, each taking at most one leading space; leftover whitespace stays whole
 * except the space just before a word, which goes with the word. Merges never cross these boundaries, so " the" and
 * "the" become tokens of their own and a word never fuses with the punctuation after it.
 * GPT-2's English contraction rules ('s, 't, ...) are left out: the apostrophe starts a symbol piece instead.
 * Every character matches one alternative, so the pieces always concatenate back to the text.
 */
const PIECE_PATTERN = / ?[\p{L}\p{M}]+| ?\p{N}+| ?[^\s\p{L}\p{M}\p{N}]+|\s+(?!\S)|\s+/gu;

export function preSplitText(text: string): string[] {
  return text.match(PIECE_PATTERN) ?? [];
}
