import { defineEmulator } from '../../src/emulator';

/** What Lantern's real script would do: take over the stub, replay its queue, record each call. */
export const lanternEmulator = defineEmulator({
  vendor: 'Lantern',
  scripts: ['https://cdn.lantern.test/'],
  globals: ['lantern'],
  install(win, record) {
    const queued: unknown[][] = (win.lantern && win.lantern.q) || [];
    const lantern = function (command: string, ...args: unknown[]) {
      record('lantern', command, ...args);
    };
    lantern.loaded = true;
    win.lantern = lantern;
    for (const args of queued) lantern(...(args as [string]));
  },
});
