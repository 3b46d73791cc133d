import { describe, expect, it } from 'vitest';
import { manPageNameLine, stripRoffEscapes } from './man-page-name-line';

describe('manPageNameLine', () => {
  it('reads a man(7) NAME section up to the next heading, escapes resolved', () => {
    const source = [
      '.\\" a comment',
      '.TH OPEN 2',
      '.SH NAME',
      'open, openat, creat \\- open and possibly',
      '.\\" a comment inside',
      '\\fBcreate\\fR a file\\(em quickly',
      '.SH SYNOPSIS',
      'int open(void);',
    ].join('\n');
    expect(manPageNameLine(source)).toBe('open, openat, creat - open and possibly create a file- quickly');
  });

  it('keeps the text of font macros and drops other requests', () => {
    const source = '.SH "NAME"\n.B ls\n.PP\n\\- list directory contents\n.SH DESCRIPTION\n';
    expect(manPageNameLine(source)).toBe('ls - list directory contents');
  });

  it('reads an mdoc(7) NAME section (.Nm and .Nd)', () => {
    const source = '.Dd March 1, 2020\n.Sh NAME\n.Nm ssh\n.Nd OpenSSH remote login client\n.Sh SYNOPSIS\n.Nm ssh\n';
    expect(manPageNameLine(source)).toBe('ssh - OpenSSH remote login client');
  });

  it('returns undefined for a page that only points at another (.so) or has no NAME', () => {
    expect(manPageNameLine('.so man3/open.3\n')).toBeUndefined();
    expect(manPageNameLine('.SH NAME\n.SH SYNOPSIS\n')).toBeUndefined();
  });

  it('drops font, size, register and argument escapes', () => {
    expect(stripRoffEscapes('\\f(CWcode\\fP \\s-1small\\s0 \\\\$1\\n[an-margin]x\\&y \\(aqq\\(aq')).toBe(
      "code small xy 'q'",
    );
  });
});
