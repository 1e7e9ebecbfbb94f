import { join } from 'node:path';
import { runCli } from './cli.js';
import type { AnyCommandDecl, CommandCatalog, CommandInfo, GroupDecl } from './command.js';
import { EXIT_OUTPUT_ERROR, processIO } from './io.js';

// The build stores every command's declaration (without its code) here, and bundles each command
// on its own as dist/commands/<name>.cjs: --help reads the declarations and loads no command.
declare const __COOP_COMMANDS__: readonly CommandInfo[];

const builtCatalog: CommandCatalog = {
  commands: __COOP_COMMANDS__,
  load: async (name) =>
    (require(join(__dirname, 'commands', `${name}.cjs`)) as { command: AnyCommandDecl | GroupDecl }).command,
};

// The reader closed the pipe: nothing more to say to anyone, and no stack trace.
const io = processIO(() => process.exit(process.exitCode ?? 0));
// The bundle lives in dist/; the data shipped with coop is beside it.
const bundledData = join(__dirname, '..', 'data');

runCli(process.argv.slice(2), io, { bundledData, catalog: builtCatalog }).then(
  (code) => {
    process.exitCode = code;
    // Write errors on stdout arrive after the write that caused them: decided once all is written.
    process.once('exit', () => {
      const failure = io.outputError();
      if (failure === undefined) return;
      if (io.written()) {
        io.err(`coop: the change is written, but its output could not be (${failure})\n`);
      } else if (code === 0) {
        io.err(`coop: cannot write the output (${failure})\n`);
        process.exitCode = EXIT_OUTPUT_ERROR;
      }
    });
  },
  (error: unknown) => {
    // A bug, not an input error: say so plainly, with the stack only when asked for.
    io.err(`coop: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.COOP_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    io.err('  please report it with the command you ran\n');
    process.exitCode = 70;
  },
);
