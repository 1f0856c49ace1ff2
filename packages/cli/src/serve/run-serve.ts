// `devicemode serve`: build the chosen destinations' CDN bundles, serve the event tester on 127.0.0.1,
// and rebuild + reload the page whenever a destination's source changes.
import { relative } from 'node:path';
import { watch } from 'chokidar';
import { consoleOutput, errorLines, mark, type Output } from '../output';
import { chooseDestinations, destinationDir } from '../repo';
import { buildBundle, bundleFile, isBundleFresh } from './build-bundle';
import { loadRuntime, type DestinationRuntime } from './destination-runtime';
import { pageAssets } from './page-assets';
import { startTesterServer, type TesterServer } from './tester-server';
import type { TesterDestination } from './tester-types';

export interface ServeOptions {
  port?: number;
  only?: readonly string[];
  online?: boolean;
  /** Watch sources and rebuild. @default true */
  watch?: boolean;
  out?: Output;
}

export interface RunningTester extends TesterServer {
  /** Resolves when the first rebuild after a change has finished (tests). */
  rebuilt: () => Promise<string>;
}

interface Entry {
  runtime?: DestinationRuntime;
  build: { ok: boolean; message: string };
  version: number;
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)}s`;

export async function runServe(root: string, options: ServeOptions = {}): Promise<RunningTester> {
  const { port = 0, only = [], watch: watching = true, out = consoleOutput } = options;
  let mode: 'offline' | 'online' = options.online ? 'online' : 'offline';
  const slugs = chooseDestinations(root, only);
  const entries = new Map<string, Entry>();

  const prepare = async (slug: string, force: boolean): Promise<Entry> => {
    const started = Date.now();
    const entry: Entry = entries.get(slug) ?? { build: { ok: false, message: 'not built yet' }, version: 0 };
    try {
      if (force || !isBundleFresh(root, slug)) {
        out.line(`${mark.step} building ${slug}…`);
        await buildBundle(root, slug);
      }
      entry.runtime = await loadRuntime(root, slug);
      entry.build = { ok: true, message: '' };
      out.line(`${mark.ok} ${slug} ready (${seconds(started)})`);
    } catch (error) {
      entry.build = { ok: false, message: errorLines(error).join('\n') };
      out.error(`${mark.fail} ${entry.build.message}`);
    }
    entry.version++;
    entries.set(slug, entry);
    return entry;
  };

  out.line(`${mark.step} bundling the tester page (analytics-next, settings validator)…`);
  const assetsReady = pageAssets(root);
  for (const slug of slugs) await prepare(slug, false);
  const assets = await assetsReady;

  const destinations = (): TesterDestination[] =>
    [...entries].flatMap(([slug, entry]) =>
      entry.runtime
        ? [
            {
              slug,
              name: entry.runtime.name,
              libraryName: entry.runtime.libraryName,
              bundleUrl: `/cdn/${slug}.js?v=${entry.version}`,
              schema: entry.runtime.schema,
              exampleSettings: entry.runtime.exampleSettings,
              build: entry.build,
            },
          ]
        : [],
    );
  const server = await startTesterServer(
    {
      assets,
      state: () => ({ destinations: destinations(), mode }),
      emulators: () => ({
        mode,
        emulators: [...entries.values()].flatMap((entry) =>
          entry.runtime
            ? [{ slug: entry.runtime.slug, scripts: entry.runtime.scripts, code: entry.runtime.emulatorCode }]
            : [],
        ),
      }),
      bundle: (slug) => (entries.has(slug) ? bundleFile(root, slug) : undefined),
      setMode: (next) => {
        mode = next;
        out.line(`${mark.step} vendor scripts: ${mode === 'online' ? 'real (online)' : 'emulated (offline)'}`);
      },
    },
    port,
  );

  let waiting: ((slug: string) => void)[] = [];
  const watcher = watching
    ? watch(
        slugs.flatMap((slug) =>
          ['src', 'test/emulator.ts', 'test/plan.ts', 'settings.schema.json'].map(
            (p) => `${destinationDir(root, slug)}/${p}`,
          ),
        ),
        { ignoreInitial: true },
      )
    : undefined;
  const pending = new Map<string, NodeJS.Timeout>();
  watcher?.on('all', (_event, path) => {
    const slug = slugs.find((s) => path.startsWith(`${destinationDir(root, s)}/`));
    if (!slug) return;
    // Editors write in bursts (save, format, rename): one rebuild per burst.
    clearTimeout(pending.get(slug));
    pending.set(
      slug,
      setTimeout(async () => {
        out.line(`${mark.changed} ${relative(root, path)} changed`);
        const entry = await prepare(slug, true);
        server.broadcast(
          entry.build.ok ? { type: 'rebuilt', slug } : { type: 'build-failed', slug, message: entry.build.message },
        );
        for (const resolve of waiting) resolve(slug);
        waiting = [];
      }, 150),
    );
  });
  await new Promise<void>((resolve) => (watcher ? watcher.once('ready', () => resolve()) : resolve()));

  return {
    ...server,
    rebuilt: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      for (const timer of pending.values()) clearTimeout(timer);
      await watcher?.close();
      await server.close();
    },
  };
}
