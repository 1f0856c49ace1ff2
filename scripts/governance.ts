// The rules for destinations already live, checked against a committed baseline.
//   tsx scripts/governance.ts [--base REF] [--root DIR]   check (exit 1 on a violation)
//   tsx scripts/governance.ts --update [--root DIR]       rewrite the baseline (done when releasing)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ECOMMERCE_EVENTS, LIFECYCLE_EVENTS } from '../packages/core/src/spec';

/** What the rules look at in one destination. */
export interface DestinationSnapshot {
  slug: string;
  name: string;
  version: string;
  /** Setting → whether it is required (no default, not optional). */
  settings: Record<string, { required: boolean }>;
  /** Segment methods the destination handles. */
  methods: string[];
  /** Spec track events its fixture table maps (the tested, documented behaviour). */
  events: string[];
}

export interface Baseline {
  $comment: string;
  destinations: Record<string, DestinationSnapshot>;
}

export interface Violation {
  rule: string;
  destination: string;
  message: string;
}

export const BASELINE_FILE = 'scripts/governance-baseline.json';
const NOTE =
  'Released destinations, for the governance check. Updated by `tsx scripts/governance.ts --update` when releasing.';
const METHODS = ['track', 'identify', 'page', 'group', 'alias', 'screen'];
/** Mapped events are the Spec events a fixture table covers; rows with a site's own names only show pass-through. */
const SPEC_EVENTS = new Set<string>([...ECOMMERCE_EVENTS, ...LIFECYCLE_EVENTS]);

interface DefinitionLike {
  slug: string;
  name: string;
  version: string;
  settings: { properties?: Record<string, unknown>; required?: string[] };
  [method: string]: unknown;
}

/** A fixture table, as far as governance reads it. */
export interface PlanLike {
  fixtures?: { events?: { type?: string; event?: string }[] }[];
}

/**
 * A destination's snapshot from the exports of its src/index.ts and its fixture table: pure, so the CLI
 * (`devicemode validate`) computes it from the modules it has already loaded.
 */
export function snapshotOf(exports: Record<string, unknown>, plan: PlanLike | undefined): DestinationSnapshot {
  const definition = Object.values(exports)
    .map((value) => (value as { definition?: DefinitionLike } | undefined)?.definition)
    .find(Boolean);
  if (!definition) throw new Error('src/index.ts exports no destination (a factory from defineDestination)');
  const events = new Set<string>();
  for (const fixture of plan?.fixtures ?? []) {
    for (const event of fixture.events ?? [])
      if (event.type === 'track' && SPEC_EVENTS.has(event.event ?? '')) events.add(event.event!);
  }
  const required = new Set(definition.settings.required ?? []);
  return {
    slug: definition.slug,
    name: definition.name,
    version: definition.version,
    settings: Object.fromEntries(
      Object.keys(definition.settings.properties ?? {})
        .sort()
        .map((key) => [key, { required: required.has(key) }]),
    ),
    methods: METHODS.filter((method) => typeof definition[method] === 'function'),
    events: [...events].sort(),
  };
}

/** Reads one destination's snapshot from its source (src/index.ts) and fixture table (test/plan.ts). */
export async function snapshotDestination(dir: string): Promise<DestinationSnapshot> {
  // Absolute paths (not file: URLs) so this loads under tsx and under jest alike.
  const exports = (await import(join(dir, 'src/index.ts'))) as Record<string, unknown>;
  const planFile = join(dir, 'test/plan.ts');
  const plan = existsSync(planFile) ? ((await import(planFile)) as { plan?: PlanLike }).plan : undefined;
  try {
    return snapshotOf(exports, plan);
  } catch (error) {
    throw new Error(`${dir}/${(error as Error).message}`, { cause: error });
  }
}

/** Snapshots of every destination folder under `root`. */
export async function snapshotAll(root: string): Promise<Record<string, DestinationSnapshot>> {
  const base = join(root, 'packages/destinations');
  const slugs = existsSync(base)
    ? readdirSync(base)
        .filter((d) => existsSync(join(base, d, 'src/index.ts')))
        .sort()
    : [];
  const out: Record<string, DestinationSnapshot> = {};
  for (const slug of slugs) out[slug] = await snapshotDestination(join(base, slug));
  return out;
}

/** The rules: what a change may not do to a released destination. Adding is always fine. */
export function checkRules(baseline: Baseline, current: Record<string, DestinationSnapshot>): Violation[] {
  const violations: Violation[] = [];
  for (const [slug, released] of Object.entries(baseline.destinations)) {
    const now = current[slug];
    const add = (rule: string, message: string): void => void violations.push({ rule, destination: slug, message });
    if (!now) {
      add(
        'slug-stable',
        `released destination "${slug}" is gone (renamed or removed). Slugs are stable forever: keep packages/destinations/${slug}; to rename, add a new destination and deprecate this one in its README`,
      );
      continue;
    }
    if (now.slug !== slug)
      add(
        'slug-stable',
        `the definition's slug changed from "${slug}" to "${now.slug}": slugs are stable forever, put it back`,
      );
    if (now.name !== released.name) {
      add(
        'name-stable',
        `the name changed from "${released.name}" to "${now.name}": the name is the plugin name and remotePlugins creationName sites match on; keep it (change the catalog description instead)`,
      );
    }
    for (const [key, setting] of Object.entries(now.settings)) {
      if (!setting.required) continue;
      const before = released.settings[key];
      if (!before)
        add(
          'no-new-required-setting',
          `new setting "${key}" is required: live sites do not send it and would fail to load. Make it optional with a default (\`.default(…)\`)`,
        );
      else if (!before.required)
        add(
          'no-new-required-setting',
          `setting "${key}" became required: live sites that omit it would fail to load. Keep it optional with a default`,
        );
    }
    for (const method of released.methods) {
      if (!now.methods.includes(method))
        add(
          'no-removed-method',
          `no longer handles ${method}(): live sites rely on it. Keep the handler (map to the vendor's closest call, or keep it as a documented no-op)`,
        );
    }
    for (const event of released.events) {
      if (!now.events.includes(event)) {
        add(
          'no-removed-event',
          `no longer maps "${event}" (it left the fixture table): live sites rely on it. Keep the mapping and its fixture row; add new mappings beside it`,
        );
      }
    }
  }
  return violations;
}

/** Destination slugs with changed files between `base` and the working tree. */
export function touchedDestinations(root: string, base: string): string[] {
  const diff = execFileSync('git', ['diff', '--name-only', base, '--', 'packages/destinations'], {
    cwd: root,
    encoding: 'utf8',
  });
  const untracked = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', 'packages/destinations'], {
    cwd: root,
    encoding: 'utf8',
  });
  const slugs = new Set(
    `${diff}\n${untracked}`
      .split('\n')
      .map((file) => /^packages\/destinations\/([^/]+)\//.exec(file)?.[1])
      .filter(Boolean) as string[],
  );
  return [...slugs].sort();
}

export function readBaseline(root: string): Baseline {
  const file = join(root, BASELINE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Baseline) : { $comment: NOTE, destinations: {} };
}

/** Runs the check; returns the report lines and whether it passed. */
export async function governance(
  root: string,
  options: { base?: string } = {},
): Promise<{ ok: boolean; lines: string[] }> {
  const violations = checkRules(readBaseline(root), await snapshotAll(root));
  if (options.base) {
    const touched = touchedDestinations(root, options.base);
    if (touched.length > 1) {
      violations.push({
        rule: 'one-destination-per-change',
        destination: touched.join(', '),
        message: `this change touches ${touched.length} destinations since ${options.base}; review and release them one at a time: split it into one change per destination`,
      });
    }
  }
  const lines = violations.map((v) => `✗ [${v.rule}] ${v.destination}: ${v.message}`);
  return { ok: violations.length === 0, lines };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const root = value('--root') ?? join(__dirname, '..');
  if (args.includes('--update')) {
    const baseline: Baseline = { $comment: NOTE, destinations: await snapshotAll(root) };
    writeFileSync(join(root, BASELINE_FILE), `${JSON.stringify(baseline, null, 2)}\n`);
    console.log(`${BASELINE_FILE}: ${Object.keys(baseline.destinations).length} released destinations`);
    return;
  }
  const { ok, lines } = await governance(root, { base: value('--base') });
  const released = Object.keys(readBaseline(root).destinations).length;
  console.log(ok ? `governance: ok (${released} released destinations checked)` : lines.join('\n'));
  if (!ok) process.exit(1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
