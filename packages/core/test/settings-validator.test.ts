import { z } from 'zod';
import { validateSettings } from '../src';
import { settingsJsonSchema } from '../src/settings-json';

const schema = settingsJsonSchema(
  z.object({
    token: z.string().regex(/^[a-f0-9]{8}$/),
    region: z.enum(['US', 'EU']).default('US'),
    sampleRate: z.number().positive().max(1).default(1),
    retries: z.int().min(0).max(5).optional(),
    tags: z.array(z.string().min(1)).max(2).default([]),
    eventMap: z.record(z.string(), z.enum(['Purchase', 'Lead'])).default({}),
  }),
);

describe('validateSettings', () => {
  it('applies defaults and drops unknown keys', () => {
    expect(validateSettings(schema, { token: 'deadbeef', unknown: 1 })).toEqual({
      ok: true,
      value: { token: 'deadbeef', region: 'US', sampleRate: 1, tags: [], eventMap: {} },
    });
  });

  it.each([
    [{}, 'settings.token: required'],
    [{ token: 'DEADBEEF' }, 'settings.token: must match /^[a-f0-9]{8}$/'],
    [{ token: 'deadbeef', region: 'APAC' }, 'settings.region: must be one of ["US","EU"]'],
    [{ token: 'deadbeef', sampleRate: 0 }, 'settings.sampleRate: must be > 0'],
    [{ token: 'deadbeef', sampleRate: 2 }, 'settings.sampleRate: must be <= 1'],
    [{ token: 'deadbeef', sampleRate: Number.NaN }, 'settings.sampleRate: must be of type number'],
    [{ token: 'deadbeef', retries: 1.5 }, 'settings.retries: must be of type integer'],
    [{ token: 'deadbeef', tags: ['a', 'b', 'c'] }, 'settings.tags: length must be <= 2'],
    [{ token: 'deadbeef', tags: [''] }, 'settings.tags[0]: length must be >= 1'],
    [
      { token: 'deadbeef', eventMap: { Signup: 'Nope' } },
      'settings.eventMap.Signup: must be one of ["Purchase","Lead"]',
    ],
    [{ token: 'deadbeef', eventMap: [] }, 'settings.eventMap: must be of type object'],
  ])('%j → %s', (input, message) => {
    expect(validateSettings(schema, input)).toEqual({ ok: false, errors: [message] });
  });

  it('reports every problem at once', () => {
    const result = validateSettings(schema, { region: 'X', retries: -1 });
    expect(result.ok || result.errors).toEqual([
      'settings.token: required',
      'settings.region: must be one of ["US","EU"]',
      'settings.retries: must be >= 0',
    ]);
  });

  it('skips prototype keys in records and never writes Object.prototype', () => {
    const input = JSON.parse('{"token":"deadbeef","eventMap":{"__proto__":{"polluted":"Lead"},"Signup":"Lead"}}');
    const result = validateSettings<{ eventMap: Record<string, string> }>(schema, input);
    expect(result.ok && result.value.eventMap).toEqual({ Signup: 'Lead' });
    expect(Object.getPrototypeOf(result.ok && result.value.eventMap)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns defaults that are copies, not the schema objects', () => {
    const a = validateSettings<{ tags: string[] }>(schema, { token: 'deadbeef' });
    if (a.ok) a.value.tags.push('mutated');
    const b = validateSettings<{ tags: string[] }>(schema, { token: 'deadbeef' });
    expect(b.ok && b.value.tags).toEqual([]);
  });
});

describe('settingsJsonSchema', () => {
  it('refuses zod features the run-time validator cannot check', () => {
    expect(() => settingsJsonSchema(z.object({ a: z.union([z.string(), z.number()]) }))).toThrow(
      /"(anyOf|type)".* is not supported/,
    );
    expect(() => settingsJsonSchema(z.object({ url: z.url() }))).toThrow('"format" is not supported');
  });

  it('requires an object at the root', () => {
    expect(() => settingsJsonSchema(z.string())).toThrow('the root must be z.object');
  });
});
