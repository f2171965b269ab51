/** bin/wuhua: `template`, `check`, `merge`. Resolves to the exit code (0 done, 1 output not writable, 2 usage). */
import { CLI, USAGE } from '../i18n/cli';
import { checkCommand } from './check';
import { processIo, usageError, type CliIo } from './io';
import { mergeCommand } from './merge';
import { templateCommand } from './template';

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
    case 'template':
      return templateCommand(rest, io);
    case 'check':
      return checkCommand(rest, io);
    case 'merge':
      return mergeCommand(rest, io);
    default:
      return usageError(io, CLI.unknownCommand(command), USAGE);
  }
}
