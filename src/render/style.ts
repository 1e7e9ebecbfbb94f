import type { ChalkInstance } from 'chalk';

/**
 * chalk ignores NO_COLOR on its own: colour is decided once (IO.color) and every renderer gets a
 * style built from that decision. Without colour, chalk is not even loaded (it probes the terminal
 * when imported): a plain style returns the text as it is.
 */
export type Style = ChalkInstance;

const plainStyle: Style = new Proxy(((...text: unknown[]) => text.join(' ')) as unknown as Style, {
  // Every style (bold, red.bold, ...) is itself; but never a thenable, or `await` would wait forever.
  get: (_target, property) => (property === 'then' ? undefined : property === 'level' ? 0 : plainStyle),
});

export async function loadStyle(color: boolean): Promise<Style> {
  if (!color) return plainStyle;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
