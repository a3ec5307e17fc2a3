import { CheckoutError, type Provider } from '@kcheckout/core';
import type { VendorUnavailableResult } from './results.js';

/** Default time a vendor call may take before it ends as a retryable `VENDOR_TIMEOUT`. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** A vendor call's outcome: a parsed JSON answer (any status) or why there is none. */
export type VendorAnswer = { ok: true; httpStatus: number; body: unknown } | { ok: false; failure: VendorUnavailableResult };

export interface CallOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Aborts the call, e.g. when the merchant's own request is cancelled. */
  signal?: AbortSignal;
}

/** One vendor request with a timeout, read as JSON. Never throws for network or parsing trouble. */
export async function callVendor(vendor: string, url: string, init: RequestInit, options: CallOptions): Promise<VendorAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  try {
    const response = await (options.fetch ?? fetch)(url, { ...init, signal });
    const text = await response.text();
    try {
      return { ok: true, httpStatus: response.status, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, failure: unavailable('VENDOR_BAD_RESPONSE', `${vendor} answered HTTP ${response.status} with a body that is not JSON; the outcome is unknown, retry.`) };
    }
  } catch (error) {
    if (timeout.signal.aborted) return { ok: false, failure: timedOut(vendor, timeoutMs) };
    return { ok: false, failure: unavailable('VENDOR_UNREACHABLE', `${vendor} could not be reached (${error instanceof Error ? error.message : String(error)}); retry.`) };
  } finally {
    clearTimeout(timer);
  }
}

export function timedOut(vendor: string, timeoutMs: number): VendorUnavailableResult {
  return unavailable('VENDOR_TIMEOUT', `${vendor} did not answer within ${timeoutMs} ms; the outcome is unknown, retry.`);
}

export function unavailable(code: VendorUnavailableResult['code'], message: string): VendorUnavailableResult {
  return { status: 'unavailable', code, message, retryable: true };
}

/** The base URL without trailing slashes, so paths can be appended. */
export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required secret option; the error names the option, never its value. */
export function requireSecret(value: unknown, name: string, provider: Provider): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CheckoutError(
      'INVALID_OPTION',
      `${name}가 비어 있습니다. 서버 환경 변수에서 읽어 넘겨주세요. ${name} is missing: read it from a server-side environment variable.`,
      { provider },
    );
  }
  return value;
}

/** `readBodyLimited`'s outcome: the body as text, or 413 when it is larger than allowed. */
export type LimitedBody = { ok: true; text: string } | { ok: false; status: 413 };

/**
 * Reads `request.body` as UTF-8 text, at most `maxBytes` of it. A `content-length` above the limit
 * is refused before anything is read; otherwise the stream is read chunk by chunk and cancelled as
 * soon as it passes the limit, because a declared length can be absent (chunked) or a lie.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, status: 413 };
  }
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, status: 413 };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}
