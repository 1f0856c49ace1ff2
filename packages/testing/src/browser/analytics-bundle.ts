// The real analytics-next 1.84.3 in the page: its npm build bundled once by esbuild, so nothing is
// lazy-loaded from cdn.segment.com (esbuild inlines the dynamic imports of an IIFE).
import { build } from 'esbuild';

const ENTRY = `import { AnalyticsBrowser } from '@segment/analytics-next';
window.AnalyticsBrowser = AnalyticsBrowser;
`;

const built = new Map<string, Promise<string>>();

/** An IIFE that puts `AnalyticsBrowser` on window; built once per process and `resolveDir`. */
export function analyticsNextBundle(resolveDir: string = process.cwd()): Promise<string> {
  let bundle = built.get(resolveDir);
  if (!bundle) {
    bundle = build({
      stdin: { contents: ENTRY, resolveDir, loader: 'js', sourcefile: 'devicemode-analytics-page.js' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    }).then(
      (result) => result.outputFiles[0]!.text,
      (error: unknown) => {
        built.delete(resolveDir);
        throw new Error(
          `[devicemode:browser] could not bundle @segment/analytics-next from ${resolveDir}: ${String(error)}. ` +
            'Install it (it is a peer dependency of @devicemode/testing) or pass resolveDir.',
          { cause: error },
        );
      },
    );
    built.set(resolveDir, bundle);
  }
  return bundle;
}
