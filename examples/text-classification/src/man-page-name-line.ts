/**
 * Pulls the NAME line ("ls - list directory contents") out of a man page's roff source, in either of the two
 * macro sets man pages are written in: man(7) (`.SH NAME` then text) and mdoc(7) (`.Sh NAME`, `.Nm`, `.Nd`).
 */

// Macros whose arguments are text in a NAME section: font changes (man) and name / description (mdoc).
const TEXT_MACROS = new Set(['B', 'I', 'BR', 'RB', 'BI', 'IB', 'IR', 'RI', 'SM', 'SB', 'Nm', 'Xr', 'Ar']);

/** Replaces roff escapes by the characters they print, or by nothing for font and size changes. */
export function stripRoffEscapes(line: string): string {
  return (
    line
      // Macro arguments (\$1) and number registers (\n[name]), possibly with doubled backslashes inside definitions.
      .replace(/\\+(?:\$\d|n(?:\[[^\]]*\]|\(..|.))/g, '')
      .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '')
      .replace(/\\s[+-]?\d/g, '')
      .replace(/\\\((?:em|en|hy|mi)/g, '-')
      .replace(/\\\((?:aq|cq|oq)/g, "'")
      .replace(/\\\((?:lq|rq|dq)/g, '"')
      // Any other named glyph or string (\(xx, \[name], \*x, \*(xx, \*[name]) prints something decorative.
      .replace(/\\(?:\(..|\[[^\]]*\]|\*(?:\(..|\[[^\]]*\]|.))/g, '')
      .replace(/\\-/g, '-')
      .replace(/\\e/g, '\\')
      .replace(/\\ /g, ' ')
      .replace(/\\[&|^%c]/g, '')
      .replace(/\\"/g, '')
  );
}

/** A macro line's arguments as text, quotes removed. */
function macroArguments(line: string): string {
  return line.replace(/^[.'][A-Za-z]+\s*/, '').replace(/"/g, '');
}

/**
 * The NAME section as one line of plain text ("open, openat, creat - open and possibly create a file"), or
 * undefined when the page has none (for instance a `.so` page that only points at another page).
 */
export function manPageNameLine(source: string): string | undefined {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => /^\.S[Hh]\s+"?NAME"?\s*$/.test(line.trim()));
  if (start < 0) return undefined;
  const parts: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\.S[HhSs]\b/.test(line)) break;
    if (line.startsWith('.\\"') || line.startsWith('\'\\"')) continue;
    if (line.startsWith('.') || line.startsWith("'")) {
      const macro = /^[.']\s*([A-Za-z]+)/.exec(line)?.[1] ?? '';
      // mdoc's .Nd starts the description: it stands for the dash of a man(7) NAME line.
      if (macro === 'Nd') parts.push(`- ${macroArguments(line)}`);
      else if (TEXT_MACROS.has(macro)) parts.push(macroArguments(line));
      continue;
    }
    parts.push(line);
  }
  const text = stripRoffEscapes(parts.join(' ')).replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}
