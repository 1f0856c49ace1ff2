// Property test: zod (author time) and the run-time validator accept and reject the same settings,
// and produce the same values (defaults included).
import fc from 'fast-check';
import { z } from 'zod';
import { validateSettings } from '../src';
import { settingsJsonSchema } from '../src/settings-json';
import { arbitrarySettings } from './settings-arbitrary';

const schemas = {
  everyKeyword: z.object({
    token: z.string().regex(/^[a-f0-9]{8}$/),
    name: z.string().min(2).max(5).optional(),
    region: z.enum(['US', 'EU']).default('US'),
    rate: z.number().positive().max(1).default(1),
    retries: z.int().min(0).max(5).optional(),
    debug: z.boolean().default(false),
    tags: z.array(z.string().min(1)).min(1).max(3).optional(),
    eventMap: z.record(z.string(), z.enum(['Purchase', 'Lead'])).default({}),
    nested: z.object({ id: z.string().regex(/^\d+$/) }).optional(),
    mode: z.enum(['strict']).optional(),
  }),
};

describe.each(Object.entries(schemas))('zod and the run-time validator agree: %s', (_name, zodSchema) => {
  const json = settingsJsonSchema(zodSchema);
  it('on 2,000 generated settings objects, valid and invalid', () => {
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(arbitrarySettings(json), (input) => {
        const expected = zodSchema.safeParse(input);
        const actual = validateSettings(json, input);
        outcomes[expected.success ? 'accepted' : 'rejected']++;
        expect(actual.ok).toBe(expected.success);
        // Compared as JSON, as settings arrive: -0 and 0 are the same setting.
        if (expected.success && actual.ok) expect(JSON.stringify(actual.value)).toEqual(JSON.stringify(expected.data));
      }),
      { numRuns: 2000 },
    );
    // The generators must exercise both sides, or agreement would prove little.
    expect(outcomes.accepted).toBeGreaterThan(100);
    expect(outcomes.rejected).toBeGreaterThan(100);
  });
});
