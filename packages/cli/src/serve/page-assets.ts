// The tester page's assets: HTML, the page script (analytics-next + core's validator + the UI, bundled by
// esbuild from source) and the service worker.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CliError } from '../cli-error';
import { packageDir } from '../package-dir';

async function bundle(root: string, entry: string): Promise<string> {
  const file = join(packageDir(), 'src/serve/page', entry);
  if (!existsSync(file))
    throw new CliError(
      `${file} is missing`,
      'the event tester runs from the CLI sources: use it inside the devicemode repository',
    );
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      write: false,
      logLevel: 'silent',
      absWorkingDir: root,
      tsconfig: join(root, 'tsconfig.base.json'),
    });
    return result.outputFiles[0]!.text;
  } catch (error) {
    throw new CliError(
      `could not bundle the tester page (${entry}): ${String(error)}`,
      'run `npm install` and try again',
    );
  }
}

export interface PageAssets {
  html: string;
  script: string;
  serviceWorker: string;
}

/** Bundles the page and its service worker (a few seconds: analytics-next is most of it). */
export async function pageAssets(root: string): Promise<PageAssets> {
  const [script, serviceWorker] = await Promise.all([
    bundle(root, 'tester-page.ts'),
    bundle(root, 'service-worker.ts'),
  ]);
  return { html: PAGE_HTML, script, serviceWorker };
}

const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>devicemode event tester</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem; color: #1d2330; }
  h1 { font-size: 1.3rem; } h3 { font-size: .95rem; margin: .2rem 0; }
  .bar { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin: .5rem 0; }
  button { padding: .35rem .7rem; border: 1px solid #8a94a6; border-radius: 4px; background: #f4f6fa; cursor: pointer; }
  button.primary { background: #2456d3; color: #fff; border-color: #2456d3; }
  #payload { width: 100%; height: 9rem; font: 12px ui-monospace, monospace; }
  #feedback { min-height: 1.2rem; color: #2456d3; }
  .destination { border: 1px solid #cfd5df; border-radius: 6px; margin: .8rem 0; padding: .6rem .8rem; }
  .destination header { display: flex; justify-content: space-between; }
  .status { font-weight: 600; } [data-state="loaded"] { color: #137333; } [data-state="failed"], [data-state^="settings"] { color: #b3261e; }
  .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
  .field { display: grid; margin: .3rem 0; } .field .name { font-weight: 600; }
  .field input[type=text], .field textarea, .field select { font: 12px ui-monospace, monospace; padding: .2rem; }
  .description { color: #5b6478; } .error, .build { color: #b3261e; }
  [data-calls] { font: 12px ui-monospace, monospace; padding-left: 1.4rem; margin: 0; word-break: break-all; }
  .log { color: #8a5a00; white-space: pre-wrap; font-size: 12px; }
</style>
</head>
<body>
<h1>devicemode event tester</h1>
<p>Real analytics-next loads each destination's local CDN bundle through <code>cdnSettings.remotePlugins</code>.
<span id="mode"></span> <label><input type="checkbox" id="online"> load the real vendor scripts (online)</label></p>
<div class="bar"><button id="load" class="primary">Load analytics</button><span id="feedback"></span></div>
<div class="bar" id="presets"></div>
<textarea id="payload" spellcheck="false">{ "type": "track", "event": "Plan Upgraded", "properties": { "plan": "pro" } }</textarea>
<div class="bar"><button id="send">Send payload</button></div>
<div id="destinations"></div>
<script src="/tester.js"></script>
</body>
</html>
`;
