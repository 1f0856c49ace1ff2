import { defineEmulator } from '@devicemode/testing';

/** What the Messenger script does on load: replace the snippet's stub and replay its queue. */
export const emulator = defineEmulator({
  vendor: 'Intercom',
  scripts: ['https://widget.intercom.io/widget/'],
  globals: ['Intercom'],
  install(win, record) {
    const queued: unknown[][] = (win.Intercom && win.Intercom.q) || [];
    const messenger = function (command: string, ...args: unknown[]) {
      record('Intercom', command, ...args);
    };
    win.Intercom = messenger;
    for (const args of queued) messenger(...(args as [string]));
  },
});
