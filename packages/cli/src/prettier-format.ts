// Generated files are written as prettier would write them, so they pass `prettier --check` and survive
// `prettier --write` unchanged. prettier's standalone build is used: its main entry loads itself with a
// dynamic import(), which jest's module sandbox cannot run.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
import * as markdown from 'prettier/plugins/markdown';
import * as typescript from 'prettier/plugins/typescript';
import type { Options } from 'prettier';
import { format } from 'prettier/standalone';

const PARSERS: Record<string, string> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.js': 'babel',
  '.mjs': 'babel',
  '.json': 'json',
  '.md': 'markdown',
};

/** The repository's prettier options (`.prettierrc.json`, the only config file this repo uses). */
export function prettierOptions(root: string): Options {
  const file = join(root, '.prettierrc.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Options) : {};
}

/** `content` formatted for `file`; files prettier does not handle here (SVG…) are returned unchanged. */
export async function formatFor(root: string, file: string, content: string): Promise<string> {
  // prettier formats package.json like JSON.stringify does (its json-stringify parser), other JSON its own way.
  const parser = basename(file) === 'package.json' ? 'json-stringify' : PARSERS[extname(file)];
  if (!parser) return content;
  return format(content, {
    ...prettierOptions(root),
    parser,
    filepath: file,
    plugins: [babel, estree, markdown, typescript],
  });
}
