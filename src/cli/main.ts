/** bin/wuhua: `template`, `check`, `merge`, `review`, `sample`. Resolves to the exit code (0 done, 1 output not writable, 2 usage). */
import { CLI, USAGE } from '../i18n/cli';
import { checkCommand } from './check';
import { processIo, usageError, type CliIo } from './io';
import { mergeCommand } from './merge';
import { reviewCommand } from './review';
import { sampleCommand } from './sample';
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
    case 'review':
      return reviewCommand(rest, io);
    case 'sample':
      return sampleCommand(rest, io);
    default:
      return usageError(io, CLI.unknownCommand(command), USAGE);
  }
}
