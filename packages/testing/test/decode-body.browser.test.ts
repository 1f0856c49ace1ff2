// Vendor request bodies decoded to values, whatever encoding the SDK chose (no browser needed).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { decodeBody, decodeForm, decodeValue } from '@devicemode/testing/browser';

const EVENT = { event: 'Order Completed', properties: { distinct_id: 'user-42', revenue: 158.9 } };
const base64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

describe('decodeBody', () => {
  const cases: [string, Buffer | null, string, unknown][] = [
    ['no body', null, '', undefined],
    ['JSON (Amplitude, Braze)', Buffer.from(JSON.stringify(EVENT)), 'application/json', EVENT],
    ['JSON sent as text/plain (analytics-next)', Buffer.from(JSON.stringify(EVENT)), 'text/plain', EVENT],
    [
      'form with base64 JSON in data= (Mixpanel, base64 payloads)',
      Buffer.from(`data=${encodeURIComponent(base64([EVENT]))}`),
      'application/x-www-form-urlencoded',
      { data: [EVENT] },
    ],
    [
      'form with JSON in data= (Mixpanel, json payloads)',
      Buffer.from(`data=${encodeURIComponent(JSON.stringify([EVENT]))}&ver=2`),
      'application/x-www-form-urlencoded; charset=UTF-8',
      { data: [EVENT], ver: 2 },
    ],
    ['form without a content type', Buffer.from('data=' + base64(EVENT)), '', { data: EVENT }],
    ['gzip (PostHog gzip-js)', gzipSync(JSON.stringify([EVENT])), 'text/plain', [EVENT]],
    ['plain text stays text', Buffer.from('hello world'), 'text/plain', 'hello world'],
  ];
  it.each(cases)('%s', (_name, body, contentType, expected) => {
    expect(decodeBody(body, contentType)).toEqual(expected);
  });
});

describe('decodeValue and decodeForm', () => {
  it('decode JSON and base64 JSON, and leave other strings alone', () => {
    expect(decodeValue('{"a":1}')).toEqual({ a: 1 });
    expect(decodeValue(base64({ a: 1 }))).toEqual({ a: 1 });
    expect(decodeValue('user-42')).toBe('user-42');
    expect(decodeValue('abcd')).toBe('abcd');
    expect(decodeForm(`ip=1&_=1700000000&data=${encodeURIComponent(base64(EVENT))}`)).toEqual({
      ip: 1,
      _: 1700000000,
      data: EVENT,
    });
  });
});
