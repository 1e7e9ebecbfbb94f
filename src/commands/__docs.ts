import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { renderCommandTable } from '../render/docs.js';

/** `coop __docs commands`: the README's generated sections (npm run docs writes them in). */
export const command = defineCommand({
  name: '__docs',
  summary: "the README's generated sections, in Markdown",
  hidden: true,
  arguments: { section: { description: 'commands' } },
  async run({ section }, { io, commands }) {
    if (section !== 'commands') throw new UsageError(`no generated section "${section}"`, 'one of: commands');
    io.out(renderCommandTable(commands));
    return 0;
  },
});
