import type { ParsedRedirect } from './parse-redirect.js';
import { parseRecord, readSessionItem, removeSessionItem, writeSessionItem } from './pending-orders.js';

// A redirect page is reloaded, reached again with the back button and, in development, mounted
// twice by StrictMode. The merchant's confirm must still run once per payment: a second Toss
// confirm answers ALREADY_PROCESSED_PAYMENT and would show a paid order as failed.

/** `started`: confirm was called and has not settled; `done`: it resolved. */
export type ConfirmMarkerState = 'started' | 'done';

export interface ConfirmMarker {
  state: ConfirmMarkerState;
  /** When the state was written, in ms since epoch. */
  at: number;
  /**
   * What `writeConfirmMarker(key, 'done', outcome)` stored, after a JSON round trip. It comes from
   * sessionStorage, which the buyer can edit: use it for display only, never as proof of payment.
   */
  outcome?: unknown;
}

/** The sessionStorage key prefix of confirm markers. */
export const CONFIRM_MARKER_PREFIX = 'kcheckout:confirm:';
const FORMAT_VERSION = 1;

/**
 * The marker key for one payment, or `null` when `parsed` is not a `success` (nothing to confirm):
 * Toss `paymentKey`, PortOne `paymentId` with `txId` (one payment id can have several attempts),
 * PortOne billing key `billingKey`, iamport `imp_uid`.
 *
 * Using the markers (the contract `createRedirectResult` in redirect-result-store.ts follows, and
 * with it `useRedirectResult`):
 * 1. `key = paymentMarkerKey(result)`; `null` means no confirm call.
 * 2. Within one page load, share the confirm promise per key in memory (a module-level `Map`).
 *    StrictMode runs the effect twice, and the second run would otherwise read the first run's
 *    `started` as an interrupted confirm.
 * 3. Otherwise `readConfirmMarker(key)`:
 *    - `done`: don't call confirm; show success with the stored `outcome`.
 *    - `started`: an earlier page load called confirm and never saw it settle (reload or back
 *      navigation mid-request). Don't call it by itself; show the pending state with a retry the
 *      buyer starts (your server's confirm must treat a repeat as "look the payment up").
 *    - `null`: `writeConfirmMarker(key, 'started')`, call confirm, then
 *      `writeConfirmMarker(key, 'done', outcome)` when it resolves, or `clearConfirmMarker(key)`
 *      when it rejects, so that a retry or a reload can try again.
 * 4. When the writes return `false` (no storage), go on: step 2 still prevents the StrictMode double
 *    call; only the protection across reloads is lost.
 */
export function paymentMarkerKey(parsed: ParsedRedirect | null | undefined): string | null {
  if (!parsed || parsed.status !== 'success') return null;
  const id = (() => {
    if (parsed.provider === 'toss') return parsed.paymentKey && `toss:${parsed.paymentKey}`;
    if (parsed.provider === 'iamport') return parsed.impUid && `iamport:${parsed.impUid}`;
    if (parsed.paymentId) return `portone:${parsed.paymentId}:${parsed.txId ?? ''}`;
    return parsed.billingKey && `portone-billing:${parsed.billingKey}`;
  })();
  return id ? CONFIRM_MARKER_PREFIX + id : null;
}

/**
 * The marker stored under `key`, or `null` when there is none, storage is unavailable, or what is
 * stored is not a marker (edited by hand). Never throws.
 */
export function readConfirmMarker(key: string): ConfirmMarker | null {
  const data = isMarkerKey(key) && parseRecord(readSessionItem(key));
  if (!data) return null;
  const { v, state, at, outcome } = data;
  if (v !== FORMAT_VERSION || (state !== 'started' && state !== 'done') || typeof at !== 'number' || !Number.isFinite(at)) {
    return null;
  }
  return outcome === undefined ? { state, at } : { state, at, outcome };
}

/**
 * Stores the state of the confirm for `key`, with a JSON-serialisable `outcome` for `done` (the
 * state is still stored when the outcome cannot be serialised or does not fit). Returns `false`
 * when nothing could be stored. Never throws.
 */
export function writeConfirmMarker(key: string, state: ConfirmMarkerState, outcome?: unknown): boolean {
  if (!isMarkerKey(key) || (state !== 'started' && state !== 'done')) return false;
  const marker = { v: FORMAT_VERSION, state, at: Date.now() };
  if (outcome !== undefined) {
    try {
      if (writeSessionItem(key, JSON.stringify({ ...marker, outcome }))) return true;
    } catch {
      // Circular or BigInt outcome: fall through and keep the state, which is what matters.
    }
  }
  return writeSessionItem(key, JSON.stringify(marker));
}

/** Removes the marker, so that confirm may run again (after it failed). Never throws. */
export function clearConfirmMarker(key: string): void {
  if (isMarkerKey(key)) removeSessionItem(key);
}

function isMarkerKey(key: unknown): key is string {
  return typeof key === 'string' && key.startsWith(CONFIRM_MARKER_PREFIX) && key.length > CONFIRM_MARKER_PREFIX.length;
}
