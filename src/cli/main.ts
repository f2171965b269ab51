/**
 * bin/wuhua: `template`, `check`, `merge`, `review`, `sample`. Resolves to the exit code
 * (0 done, 1 output not writable, 2 usage).
 *
 * Each command's module is loaded only when that command runs, so `--help` loads this
 * file and its strings, and `check` never loads the workbook writers (exceljs). A new
 * command is one line here; the build (scripts/build-cli.cjs) picks its module up.
 */
import { CLI, USAGE } from '../i18n/cli';
import { processIo, usageError, type CliIo } from './io';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  template: async () => (await import('./template')).templateCommand,
  check: async () => (await import('./check')).checkCommand,
  merge: async () => (await import('./merge')).mergeCommand,
  review: async () => (await import('./review')).reviewCommand,
  sample: async () => (await import('./sample')).sampleCommand,
  remind: async () => (await import('./remind')).remindCommand,
};

export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      return usageError(io, CLI.noCommand, USAGE);
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return 0;
  }
  const load = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) return usageError(io, CLI.unknownCommand(command), USAGE);
  // Every command reads and writes zips with Node's zlib (not at --help: it writes none).
  (await import('./nativeZlib')).useNativeZlib();
  return (await load())(rest, io);
}
