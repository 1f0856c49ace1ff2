// Vendor SDKs encode what they send in many ways; tests should assert on values, not encodings.
import { gunzipSync } from 'node:zlib';

const isJsonText = (text: string): boolean => /^\s*[[{"]/.test(text) || /^\s*(true|false|null|-?\d)/.test(text);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!isJsonText(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Decodes one value as an SDK would have encoded it: JSON text → value; base64 of JSON
 * (Mixpanel's `data=`) → value; anything else stays the string.
 */
export function decodeValue(text: string): unknown {
  const json = parseJson(text);
  if (json.ok) return json.value;
  if (/^[A-Za-z0-9+/_-]{4,}={0,2}$/.test(text)) {
    const decoded = parseJson(Buffer.from(text, 'base64').toString('utf8'));
    if (decoded.ok) return decoded.value;
  }
  return text;
}

/** Decodes every field of a query string or form body with {@link decodeValue}. */
export function decodeForm(text: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) fields[key] = decodeValue(value);
  return fields;
}

/**
 * Decodes a request body: gzip is inflated first (PostHog's `compression=gzip-js`); a form body
 * becomes an object of decoded fields; JSON (whatever the content type says, Segment sends `text/plain`)
 * becomes its value; anything else is returned as text. `undefined` for no body.
 */
export function decodeBody(body: Buffer | null | undefined, contentType = ''): unknown {
  if (!body || body.length === 0) return undefined;
  let bytes = body;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      return bytes.toString('latin1');
    }
  }
  const text = bytes.toString('utf8');
  if (/x-www-form-urlencoded/i.test(contentType) || (!isJsonText(text) && /^[\w.%-]+=/.test(text))) {
    return decodeForm(text);
  }
  const json = parseJson(text);
  return json.ok ? json.value : text;
}
