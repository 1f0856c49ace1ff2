// The event tester page: settings forms, preset events, a JSON editor, and per destination its load
// state and the vendor calls it made. Real analytics-next loads the local CDN bundles through
// cdnSettings.remotePlugins; a service worker answers the vendors' script URLs with their emulators.
import { AnalyticsBrowser, type CDNSettings } from '@segment/analytics-next';
import type { TesterDestination, TesterEvent, TesterState } from '../tester-types';
import { loadState, type QueueView } from './analytics-status';
import { payloadProblem, PRESETS, type Payload } from './presets';
import { settingsForm, type SettingsForm } from './settings-form';

const SAVED = 'devicemode:tester';
const WRITE_KEY = 'devicemode-tester';

interface Saved {
  autoload: boolean;
  enabled: Record<string, boolean>;
  settings: Record<string, Record<string, unknown>>;
}

interface Panel {
  destination: TesterDestination;
  form: SettingsForm;
  enabled: HTMLInputElement;
  status: HTMLElement;
  calls: HTMLOListElement;
  log: HTMLElement;
}

const $ = <T extends HTMLElement>(selector: string): T => document.querySelector(selector) as T;
const saved = (): Saved =>
  JSON.parse(sessionStorage.getItem(SAVED) ?? 'null') ?? { autoload: false, enabled: {}, settings: {} };

function setStatus(panel: Panel, state: string, detail = ''): void {
  panel.status.dataset.state = state;
  panel.status.textContent = detail ? `${state}: ${detail}` : state;
}

/** The page's recorder: the emulator scripts push each vendor call into the sink of their destination. */
function installRecorder(panels: Map<string, Panel>): void {
  const record = (slug: string, call: unknown[]): void => {
    const panel = panels.get(slug);
    if (!panel) return;
    const [name, ...args] = call;
    const item = document.createElement('li');
    item.textContent = `${String(name)}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;
    panel.calls.append(item);
  };
  (window as unknown as { __devicemodeTester: unknown }).__devicemodeTester = {
    sinkFor: (slug: string) => ({ push: (call: unknown[]) => record(slug, call) }),
  };
  // Core logs `[devicemode:<slug>] …`: show a destination's warnings and errors in its panel.
  for (const level of ['warn', 'error'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      original(...args);
      const text = args.map(String).join(' ');
      const slug = /\[devicemode:([a-z0-9-]+)\]/.exec(text)?.[1];
      const panel = slug ? panels.get(slug) : undefined;
      if (panel) panel.log.textContent = text;
    };
  }
}

async function ensureServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator))
    throw new Error('this browser has no service workers: vendor scripts cannot be emulated');
  const registration = await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return;
  // The worker's clients.claim() can run before this page existed (a reload while it activated): ask again.
  const controlled = new Promise((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
  );
  (registration.active ?? navigator.serviceWorker.controller)?.postMessage('claim');
  const late = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('the service worker did not take control of the page: reload it')), 10_000),
  );
  await Promise.race([controlled, late]);
}

function send(analytics: AnalyticsBrowser, payload: Payload): void {
  switch (payload.type) {
    case 'track':
      void analytics.track(payload.event, payload.properties);
      break;
    case 'identify':
      void analytics.identify(payload.userId ?? undefined, payload.traits);
      break;
    case 'page':
      void analytics.page(payload.category ?? null, payload.name ?? null, payload.properties);
      break;
    case 'group':
      void analytics.group(payload.groupId, payload.traits);
      break;
    case 'alias':
      void analytics.alias(payload.userId, payload.previousId ?? undefined);
      break;
  }
}

function renderPanel(destination: TesterDestination, state: Saved): Panel {
  const section = document.createElement('section');
  section.className = 'destination';
  section.dataset.destination = destination.slug;
  section.innerHTML = `<header><label><input type="checkbox" data-enabled> <strong></strong></label>
    <span class="status" data-status></span></header><div class="build"></div>
    <div class="columns"><div class="form"></div><div><h3>Vendor calls</h3><ol data-calls></ol><pre class="log" data-log></pre></div></div>`;
  section.querySelector('strong')!.textContent = `${destination.name} (${destination.slug})`;
  const build = section.querySelector<HTMLElement>('.build')!;
  if (!destination.build.ok) build.textContent = destination.build.message;
  const form = settingsForm(
    destination.slug,
    destination.schema,
    state.settings[destination.slug] ?? destination.exampleSettings,
  );
  section.querySelector('.form')!.append(form.element);
  const enabled = section.querySelector<HTMLInputElement>('[data-enabled]')!;
  enabled.checked = state.enabled[destination.slug] ?? true;
  $('#destinations').append(section);
  const panel = {
    destination,
    form,
    enabled,
    status: section.querySelector<HTMLElement>('[data-status]')!,
    calls: section.querySelector<HTMLOListElement>('[data-calls]')!,
    log: section.querySelector<HTMLElement>('[data-log]')!,
  };
  setStatus(panel, 'not loaded');
  return panel;
}

async function main(): Promise<void> {
  const state = (await (await fetch('/api/state', { cache: 'no-store' })).json()) as TesterState;
  const panels = new Map<string, Panel>();
  const start = saved();
  for (const destination of state.destinations) panels.set(destination.slug, renderPanel(destination, start));
  $('#mode').textContent =
    state.mode === 'offline' ? 'offline: vendor scripts are emulated' : 'online: real vendor scripts';
  ($('#online') as HTMLInputElement).checked = state.mode === 'online';
  installRecorder(panels);
  await ensureServiceWorker();

  let analytics: AnalyticsBrowser | undefined;
  const editor = $('#payload') as HTMLTextAreaElement;
  const feedback = $('#feedback');

  const load = (): void => {
    const next: Saved = { autoload: true, enabled: {}, settings: {} };
    const remotePlugins: NonNullable<CDNSettings['remotePlugins']> = [];
    let valid = true;
    for (const [slug, panel] of panels) {
      next.enabled[slug] = panel.enabled.checked;
      next.settings[slug] = panel.form.values();
      if (!panel.enabled.checked) {
        setStatus(panel, 'off');
        continue;
      }
      const result = panel.form.validate();
      if (!result.ok) {
        valid = false;
        setStatus(panel, 'settings invalid', result.errors.join('; '));
        continue;
      }
      const { name, libraryName, bundleUrl } = panel.destination;
      remotePlugins.push({
        name,
        creationName: name,
        libraryName,
        url: new URL(bundleUrl, location.href).href,
        settings: next.settings[slug] as Record<string, never>,
      });
    }
    // Invalid settings load nothing: the page is what a customer's page would be with those settings refused.
    if (!valid) {
      feedback.textContent = 'Fix the settings marked in red: nothing was loaded.';
      return;
    }
    sessionStorage.setItem(SAVED, JSON.stringify(next));
    if (analytics) return location.reload(); // analytics-next loads once per page
    feedback.textContent = `Loading ${remotePlugins.length} destination(s)…`;
    analytics = AnalyticsBrowser.load({
      writeKey: WRITE_KEY,
      cdnSettings: { integrations: { 'Segment.io': { apiKey: WRITE_KEY } }, remotePlugins },
    });
    const names = remotePlugins.map((p) => p.name);
    void analytics.then(([instance]) => {
      const poll = (): void => {
        for (const panel of panels.values()) {
          if (!names.includes(panel.destination.name)) continue;
          setStatus(panel, loadState(instance as unknown as QueueView, panel.destination.name));
        }
      };
      poll();
      setInterval(poll, 250);
      feedback.textContent = 'analytics-next loaded: send events below.';
    });
  };

  $('#load').addEventListener('click', load);
  for (const [label, payload] of Object.entries(PRESETS)) {
    const button = document.createElement('button');
    button.textContent = label;
    button.addEventListener('click', () => {
      editor.value = JSON.stringify(payload, null, 2);
      if (!analytics) return void (feedback.textContent = 'Load analytics first.');
      send(analytics, payload);
      feedback.textContent = `Sent ${label}.`;
    });
    $('#presets').append(button);
  }
  $('#send').addEventListener('click', () => {
    let payload: unknown;
    try {
      payload = JSON.parse(editor.value);
    } catch (error) {
      return void (feedback.textContent = `The payload is not JSON: ${(error as Error).message}`);
    }
    const problem = payloadProblem(payload);
    if (problem) return void (feedback.textContent = problem);
    if (!analytics) return void (feedback.textContent = 'Load analytics first.');
    send(analytics, payload as Payload);
    feedback.textContent = 'Sent.';
  });
  $('#online').addEventListener('change', async (event) => {
    const online = (event.target as HTMLInputElement).checked;
    await fetch('/api/mode', { method: 'POST', body: online ? 'online' : 'offline' });
    location.reload();
  });
  new EventSource('/api/events').addEventListener('message', (message) => {
    const event = JSON.parse((message as MessageEvent<string>).data) as TesterEvent;
    if (event.type === 'rebuilt') location.reload();
    else {
      const panel = panels.get(event.slug);
      if (panel) panel.status.parentElement!.parentElement!.querySelector('.build')!.textContent = event.message;
    }
  });
  if (start.autoload) load();
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  $('#feedback').textContent = `The tester failed to start: ${String(error)}`;
});
