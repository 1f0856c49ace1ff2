// The kit's worked example (docs/testing.md): a destination's whole test is its plan.
import { emulatorScript, runConformance, runFixtureTable } from '../src';
import { emulator } from './example/emulator';
import { plan } from './example/plan';

runFixtureTable(plan);
runConformance(plan.destination, plan);

describe('emulatorScript', () => {
  it('serialises an install written with method syntax into a runnable script', () => {
    const calls: unknown[][] = [];
    const script = emulatorScript(emulator);
    expect(emulator.install.toString()).toMatch(/^install\s*\(/);
    // Running the text the browser would run proves it parses and replays Beacon's queue.
    const win = {
      beacon: Object.assign(() => undefined, { q: [['init', 'bk_0123456789']] }),
      __devicemodeCalls: calls,
    };
    new Function('window', script)(win);
    expect(calls).toEqual([['beacon', 'init', 'bk_0123456789']]);
  });
});
