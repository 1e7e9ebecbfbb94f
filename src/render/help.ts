import type { CommandInfo, Example } from '../command.js';

/** Examples as --help shows them: each command, then its comment in a column when there is one. */
function renderExamples(examples: readonly Example[]): string {
  const firstLine = (command: string) => command.split('\n')[0]!;
  const width = Math.min(40, Math.max(...examples.map((e) => (e.comment ? firstLine(e.command).length : 0))));
  const lines = examples.map(({ command, comment }) => {
    if (!comment) return `  ${command}`;
    const [first, ...rest] = command.split('\n');
    const head = first!.length <= width ? `  ${first!.padEnd(width)}    ${comment}` : `  ${first}    ${comment}`;
    return [head, ...rest.map((line) => `  ${line}`)].join('\n');
  });
  return `Examples:\n${lines.join('\n')}\n`;
}

/** What --help prints after a command's usage and options: its details, then its examples. */
export function renderHelpAfter(info: CommandInfo): string {
  const parts: string[] = [];
  if (info.details) parts.push(`${info.details.trim()}\n`);
  if (info.examples?.length) parts.push(renderExamples(info.examples));
  return parts.length ? `\n${parts.join('\n')}` : '';
}
