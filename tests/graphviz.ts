import { spawnSync } from 'node:child_process';

/**
 * Graphviz's `dot` on a DOT text: exit status and stderr. A missing `dot` fails the test, never skips
 * it: CI installs graphviz (.ci/run), and so must a developer (`apt-get install graphviz`).
 */
export function runDot(text: string, format = 'canon'): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('dot', [`-T${format}`], { input: text, encoding: 'utf8' });
  if (result.error) {
    throw new Error(`cannot run Graphviz's dot (${result.error.message}): install graphviz (apt-get install graphviz, brew install graphviz) to run these tests`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The texts of an SVG drawn by Graphviz, as a person reads them (XML entities decoded). */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}
