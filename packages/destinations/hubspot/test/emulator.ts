import { defineEmulator } from '@devicemode/testing';

/**
 * What HubSpot's tracking code does once loaded: keep the `_hsq` array, replace its `push` so each command
 * runs at once, run the commands queued so far, then track the page it loaded on (HubSpot's automatic
 * page view). Every command is recorded as `_hsq` + the pushed array.
 */
export const emulator = defineEmulator({
  vendor: 'HubSpot',
  scripts: [
    'https://js.hs-scripts.com/',
    'https://js-na2.hs-scripts.com/',
    'https://js-eu1.hs-scripts.com/',
    'https://js-ap1.hs-scripts.com/',
  ],
  // `hs-script-loader`: the embed code's <script id>, which browsers expose as a named window property.
  globals: ['_hsq', 'hs-script-loader'],
  install(win, record) {
    const queue: unknown[][] = Array.isArray(win._hsq) ? win._hsq : (win._hsq = []);
    const queued = queue.splice(0);
    const run = (command: unknown[]) => record('_hsq', ...command);
    queue.push = function (...commands: unknown[][]) {
      for (const command of commands) run(command);
      return 0;
    };
    for (const command of queued) run(command);
    run(['trackPageView']);
  },
});
