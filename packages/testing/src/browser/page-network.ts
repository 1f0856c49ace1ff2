// What a page's requests meet: 127.0.0.1 goes through; vendor scripts, vendor APIs and Segment's API
// are answered locally; everything else is aborted and recorded, so nothing leaves the machine.
import type { Request, Route } from 'playwright-core';
import { answers, emulatorScript } from '../emulator';
import { decodeBody, decodeForm } from './decode-body';
import type { CapturedRequest, PageOptions } from './types';

/** analytics-next's event and metrics endpoint (`/v1/t`, `/v1/i`, …, `/v1/m`). */
export const SEGMENT_API = 'https://api.segment.io/';

/** One page's answers and what its requests recorded. */
export interface PageNetwork {
  options: PageOptions;
  requests: CapturedRequest[];
  segmentRequests: CapturedRequest[];
  blocked: string[];
  vendorScripts: string[];
}

/** Creates the record of a page's traffic. */
export const pageNetwork = (options: PageOptions): PageNetwork => ({
  options,
  requests: [],
  segmentRequests: [],
  blocked: [],
  vendorScripts: [],
});

/** True for URLs on 127.0.0.1: the only host a page may reach without being answered by the harness. */
export function isLocal(url: string): boolean {
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** The request, with its query and body decoded. */
export function captureRequest(request: Request): CapturedRequest {
  const headers = request.headers();
  const body = request.postDataBuffer();
  const gzipped = body !== null && body[0] === 0x1f && body[1] === 0x8b;
  return {
    method: request.method(),
    url: request.url(),
    query: decodeForm(new URL(request.url()).search.slice(1)),
    headers,
    body: decodeBody(body, headers['content-type']),
    rawBody: body ? body.toString(gzipped ? 'latin1' : 'utf8') : '',
  };
}

/** CORS headers that let the page read a local answer to its cross-origin request, credentials included. */
function corsHeaders(request: Request): Record<string, string> {
  const headers = request.headers();
  return {
    'access-control-allow-origin': headers.origin ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': headers['access-control-request-headers'] ?? '*',
  };
}

/** Answers a captured API request (recording it unless it is a CORS preflight). */
async function answerApi(
  route: Route,
  request: Request,
  into: CapturedRequest[],
  { status = 200, body = '{}', contentType = 'application/json' } = {},
): Promise<void> {
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: corsHeaders(request) });
  into.push(captureRequest(request));
  return route.fulfill({ status, body, contentType, headers: corsHeaders(request) });
}

/** Answers one request of a page; `network` is undefined when no open page owns the request. */
export async function answer(route: Route, network: PageNetwork | undefined, unattributed: string[]): Promise<void> {
  const request = route.request();
  const url = request.url();
  if (isLocal(url)) return route.continue();
  if (!network) {
    unattributed.push(url);
    return route.abort('blockedbyclient');
  }
  const { vendors = [], files = [], apis = [] } = network.options;
  const file = files.find((served) => url.startsWith(served.url));
  if (file) {
    network.vendorScripts.push(url);
    return route.fulfill({ path: file.file, contentType: file.contentType ?? 'text/javascript' });
  }
  const vendor = vendors.find(({ emulator }) => answers(emulator, url));
  if (vendor) {
    network.vendorScripts.push(url);
    const fault = vendor.fault ?? 'none';
    // A hung script is never answered: the request stays pending until the page closes.
    if (fault === 'hang') return;
    if (vendor.delayMs) await new Promise((resolve) => setTimeout(resolve, vendor.delayMs));
    if (fault === 'not-found') return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    return route.fulfill({ contentType: 'text/javascript', body: emulatorScript(vendor.emulator, fault) });
  }
  const api = apis.find((captured) => url.startsWith(captured.url));
  if (api) return answerApi(route, request, network.requests, api.response);
  if (url.startsWith(SEGMENT_API)) return answerApi(route, request, network.segmentRequests);
  network.blocked.push(url);
  return route.abort('blockedbyclient');
}
