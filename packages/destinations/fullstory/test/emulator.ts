import { defineEmulator } from '@devicemode/testing';

/** What fs.js does on load: install `_api` on the snippet's function and replay its queue. */
export const emulator = defineEmulator({
  vendor: 'FullStory',
  scripts: ['https://edge.fullstory.com/s/', 'https://edge.eu1.fullstory.com/s/'],
  globals: ['FS', '_fs_host', '_fs_script', '_fs_org', '_fs_namespace'],
  install(win, record) {
    const fs = win[win._fs_namespace || 'FS'];
    if (typeof fs !== 'function') return;
    const queued: unknown[][] = fs.q || [];
    fs._api = function (operation: string, options: unknown) {
      record('FS', operation, options);
    };
    fs.q = undefined;
    for (const entry of queued) fs._api(entry[0], entry[1]);
  },
});
