// The `devicemode` command: parses arguments, runs one command, prints errors with what to do next.
import { Command } from 'commander';
import { version } from '../package.json';
import { CliError } from './cli-error';
import { cdnCommands } from './commands/cdn-commands';
import { createCommand } from './commands/create-command';
import { docsCommand } from './commands/docs-command';
import { serveCommand } from './commands/serve-command';
import { validateCommand } from './commands/validate-command';
import { errorLines } from './output';

export function program(): Command {
  const cli = new Command('devicemode')
    .description('Create, validate, document and try device-mode destinations for @segment/analytics-next')
    .version(version)
    .showHelpAfterError('(run with --help for usage)');
  docsCommand(cli);
  validateCommand(cli);
  createCommand(cli);
  cdnCommands(cli);
  serveCommand(cli);
  return cli;
}

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  try {
    await program().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const [first, ...rest] = errorLines(error);
    console.error(`devicemode: ${first}`);
    for (const line of rest) console.error(line);
    return error instanceof CliError ? 1 : 2;
  }
}

main().then((code) => {
  process.exitCode = code;
});
