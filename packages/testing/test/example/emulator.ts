import { defineEmulator } from '../../src';

/** What Beacon's real script would do: take over the stub, replay its queue, record each call. */
export const emulator = defineEmulator({
  vendor: 'Beacon',
  scripts: ['https://cdn.beacon.test/'],
  globals: ['beacon'],
  install(win, record) {
    const queued: unknown[][] = (win.beacon && win.beacon.q) || [];
    const beacon = function (command: string, ...args: unknown[]) {
      record('beacon', command, ...args);
    };
    beacon.loaded = true;
    win.beacon = beacon;
    for (const args of queued) beacon(...(args as [string]));
  },
});
