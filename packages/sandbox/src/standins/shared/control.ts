import type { SandboxControl, SandboxIdentityVerification, SandboxPayment, SandboxSdk } from '../../types.js';

/** A page-level render slot: the vendors allow one payment-methods UI and one agreement UI per page. */
interface Slot {
  owner: object;
  /** Whether the UI holding the slot still counts as rendered (v2: not destroyed; v1: its container is in the page). */
  isLive: () => boolean;
}

interface Internal {
  slots: Map<string, Slot>;
}

// Symbol.for, not a module symbol: every stand-in script (and a second copy of the same one) is a
// separate bundle, and they must all find the same page state.
const INTERNAL = Symbol.for('kcheckout.sandbox.internal');

type Control = SandboxControl & { [INTERNAL]?: Internal };

const DEFAULT_LATENCY_MS = 20;

/** `window.kcheckoutSandbox`, created on first use and reused by every later script. */
export function control(): SandboxControl & { [INTERNAL]: Internal } {
  const host = window as unknown as { kcheckoutSandbox?: Control };
  const existing = host.kcheckoutSandbox;
  const sandbox = (existing && typeof existing === 'object' ? existing : {}) as Control;
  // Repair rather than replace: a test may hold references to the log, and a script loaded twice
  // must not lose what the first one recorded.
  if (!Array.isArray(sandbox.log)) sandbox.log = [];
  if (!Array.isArray(sandbox.payments)) sandbox.payments = [];
  if (!Array.isArray(sandbox.identityVerifications)) sandbox.identityVerifications = [];
  if (typeof sandbox.latencyMs !== 'number') sandbox.latencyMs = DEFAULT_LATENCY_MS;
  if (typeof sandbox.navigate !== 'function') sandbox.navigate = (url: string) => window.location.assign(url);
  if (typeof sandbox.reset !== 'function') sandbox.reset = () => resetControl(sandbox);
  if (!sandbox[INTERNAL]) {
    Object.defineProperty(sandbox, INTERNAL, { value: { slots: new Map() } satisfies Internal, enumerable: false });
  }
  host.kcheckoutSandbox = sandbox;
  return sandbox as SandboxControl & { [INTERNAL]: Internal };
}

function resetControl(sandbox: Control): void {
  // In place, so references held by tests see the reset.
  sandbox.log.length = 0;
  sandbox.payments.length = 0;
  sandbox.identityVerifications.length = 0;
  if (Array.isArray(sandbox.billingAuths)) sandbox.billingAuths.length = 0;
  delete sandbox.nextOutcome;
  delete sandbox.nextFailure;
  sandbox[INTERNAL]?.slots.clear();
}

// Which URL each stand-in ran from, for the Playwright kit's scriptCount(): a blob: URL does not
// name its script, so the script says what it is as it runs.
const SCRIPTS = Symbol.for('kcheckout.sandbox.scripts');

/** Notes that the `sdk` stand-in is running from `document.currentScript` (call it at the script's top level). */
export function noteScript(sdk: SandboxSdk): void {
  const src = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';
  if (src === '') return;
  const host = window as unknown as Record<symbol, Array<{ sdk: SandboxSdk; src: string }> | undefined>;
  (host[SCRIPTS] ??= []).push({ sdk, src });
}

/** Records a vendor call. Call it first thing, before any validation, so refused calls show up too. */
export function record(sdk: SandboxSdk, method: string, args: ArrayLike<unknown>): void {
  control().log.push({ sdk, method, args: Array.from(args) });
}

/** Resolves after the configured latency; always at least one macrotask, like a real SDK round trip. */
export function latency(): Promise<void> {
  const ms = Number(control().latencyMs);
  return new Promise((resolve) => setTimeout(resolve, Number.isFinite(ms) && ms > 0 ? ms : 0));
}

/** Whether the page's slot `key` is held by a UI that still counts as rendered. */
export function slotTaken(key: string): boolean {
  const slot = control()[INTERNAL].slots.get(key);
  return slot !== undefined && slot.isLive();
}

/** Takes the page's slot `key` for `owner`. Check `slotTaken` first. */
export function claimSlot(key: string, owner: object, isLive: () => boolean): void {
  control()[INTERNAL].slots.set(key, { owner, isLive });
}

/** Frees the slot if `owner` still holds it (after a reset another UI may hold it). */
export function releaseSlot(key: string, owner: object): void {
  const slots = control()[INTERNAL].slots;
  if (slots.get(key)?.owner === owner) slots.delete(key);
}

/** Frees the slot whoever holds it: for a window the vendor drops without answering. */
export function abandonSlot(key: string): void {
  control()[INTERNAL].slots.delete(key);
}

/**
 * Records an answered window in `payments`. With `apiBase` set, also hands the record to the REST
 * stand-ins and returns a promise to await before answering (a redirect would otherwise leave the
 * page before the POST is out); without it, returns `undefined` so the window answers exactly as
 * before, with no extra tick. A failed POST is reported on the console and does not stop the window:
 * the later confirm then fails as it would for a payment the vendor never saw.
 */
export function recordPayment(payment: SandboxPayment): Promise<void> | undefined {
  const sandbox = control();
  sandbox.payments.push(payment);
  return sendToApi('payments', payment);
}

/** Like `recordPayment`, for an answered identity-verification window (`/__sandbox/identity-verifications`). */
export function recordIdentityVerification(verification: SandboxIdentityVerification): Promise<void> | undefined {
  control().identityVerifications.push(verification);
  return sendToApi('identity-verifications', verification);
}

function sendToApi(route: string, record: object): Promise<void> | undefined {
  const sandbox = control();
  if (typeof sandbox.apiBase !== 'string' || sandbox.apiBase === '') return undefined;
  const url = `${sandbox.apiBase.replace(/\/+$/, '')}/__sandbox/${route}`;
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record), keepalive: true }).then(
    (response) => {
      if (!response.ok) console.error(`kcheckout sandbox: ${url} answered ${response.status}; the REST stand-ins do not know this record.`);
    },
    (error: unknown) => console.error(`kcheckout sandbox: could not send the record to ${url}; the REST stand-ins do not know it.`, error),
  );
}

/** Takes `nextFailure` for a window that did not succeed (it applies once), or undefined. */
export function takeFailureScript(outcome: string): SandboxControl['nextFailure'] {
  const sandbox = control();
  const script = sandbox.nextFailure;
  if (outcome === 'approve' || !script || typeof script !== 'object') return undefined;
  delete sandbox.nextFailure;
  return script;
}
