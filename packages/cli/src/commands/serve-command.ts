import { type Command, InvalidArgumentError } from 'commander';
import { mark } from '../output';
import { findRepoRoot } from '../repo';
import { runServe } from '../serve/run-serve';

const portOf = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('use a port number from 0 to 65535');
  return port;
};

export function serveCommand(cli: Command): void {
  cli
    .command('serve')
    .description('Build destinations and serve the event tester on 127.0.0.1, rebuilding and reloading on change')
    .option('-p, --port <port>', 'port on 127.0.0.1 (0: any free port)', portOf, 4300)
    .option('--only <slugs>', 'comma-separated destinations (default: all)', (value: string) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .option('--online', 'load the real vendor scripts instead of the emulators (the page has the same switch)')
    .option('--no-watch', 'build once, do not watch sources')
    .addHelpText(
      'after',
      "\nOffline by default: a service worker answers vendor script URLs with each destination's emulator\n(test/emulator.ts) and api.segment.io with {}; nothing leaves the machine. Stop with Ctrl+C.",
    )
    .action(async (options: { port: number; only?: string[]; online?: boolean; watch: boolean }) => {
      const tester = await runServe(findRepoRoot(), {
        port: options.port,
        only: options.only ?? [],
        online: options.online === true,
        watch: options.watch,
      });
      console.log(`\n${mark.ok} event tester: ${tester.url}  (Ctrl+C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => void tester.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
