import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/render/diff.js';

/** Applies a unified diff of one file to `before`, as patch(1) would: the test's own reader. */
function applyDiff(before: string, diff: string): string {
  const old = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let at = 0;
  const lines = diff.split('\n').slice(2, -1);
  for (const line of lines) {
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (hunk) {
      const start = Number(hunk[1]) - (hunk[2] === '0' ? 0 : 1);
      while (at < start) out.push(old[at++]!);
    } else if (line.startsWith(' ')) {
      expect(old[at]).toBe(line.slice(1));
      out.push(old[at++]!);
    } else if (line.startsWith('-')) {
      expect(old[at]).toBe(line.slice(1));
      at++;
    } else if (line.startsWith('+')) out.push(line.slice(1));
  }
  while (at < old.length) out.push(old[at++]!);
  return out.length ? `${out.join('\n')}\n` : '';
}

describe('unifiedDiff', () => {
  it('writes hunks with three lines of context, as diff -u does', () => {
    expect(
      unifiedDiff('organisations/x.yaml', 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n', 'a\nb\nc\nD\ne\nf\ng\nh\ni\nJ\nk\n'),
    ).toBe(
      '--- a/organisations/x.yaml\n+++ b/organisations/x.yaml\n@@ -1,10 +1,11 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n i\n-j\n+J\n+k\n',
    );
  });

  it('splits changes more than six lines apart into hunks', () => {
    const before = `${Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n')}\n`;
    const after = before.replace('l2\n', 'L2\n').replace('l18\n', 'L18\n');
    expect(unifiedDiff('f', before, after)).toBe(
      '--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n',
    );
  });

  it('reads a new file from /dev/null and a removed one to /dev/null; a rename names both', () => {
    expect(unifiedDiff('x.yaml', undefined, 'a\nb\n')).toBe('--- /dev/null\n+++ b/x.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('x.yaml', 'a\n', undefined)).toBe('--- a/x.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n');
    expect(unifiedDiff('old.yaml', 'a\n', 'a\n', 'new.yaml')).toBe('');
    expect(unifiedDiff('old.yaml', 'a\n', 'b\n', 'new.yaml')).toBe(
      '--- a/old.yaml\n+++ b/new.yaml\n@@ -1 +1 @@\n-a\n+b\n',
    );
  });

  it('marks a last line without its newline', () => {
    expect(unifiedDiff('f', 'a\nb', 'a\nc')).toBe(
      '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
  });

  it('is empty for the same text', () => {
    expect(unifiedDiff('f', 'a\n', 'a\n')).toBe('');
  });

  it('turns any text into any other (300 random pairs, read back by a patch reader)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 300; run++) {
      const a = Array.from({ length: Math.floor(random() * 30) }, () => `l${Math.floor(random() * 6)}`);
      const b = a
        .filter(() => random() > 0.2)
        .flatMap((line) => (random() > 0.85 ? [line, `n${Math.floor(random() * 4)}`] : [line]));
      const before = a.length ? `${a.join('\n')}\n` : '';
      const after = b.length ? `${b.join('\n')}\n` : '';
      const diff = unifiedDiff('f', before, after);
      expect(diff === '' ? before : applyDiff(before, diff)).toBe(after);
    }
  });
});
