// Test helpers for the stand-in scripts (excluded from the build by tsconfig.build.json).
import { sandboxScriptUrl, type SandboxControl, type SandboxSdk } from '../index.js';

/** What a refused vendor call rejects or throws with. */
export interface VendorError extends Error {
  code: string;
}

/** Adds `<script src={sandboxScriptUrl(sdk)}>` and resolves once it has run. */
export function loadStandin(sdk: SandboxSdk): Promise<HTMLScriptElement> {
  const script = document.createElement('script');
  script.src = sandboxScriptUrl(sdk);
  return new Promise((resolve, reject) => {
    script.onload = () => resolve(script);
    script.onerror = () => reject(new Error(`The ${sdk} stand-in script failed to load`));
    document.head.append(script);
  });
}

export function sandbox(): SandboxControl {
  const control = window.kcheckoutSandbox;
  if (!control) throw new Error('No stand-in script has run: window.kcheckoutSandbox is missing');
  return control;
}

/** A clean page between tests: sandbox state reset, nothing rendered, fast and captured navigation. */
export function resetSandbox(navigations: string[] = []): void {
  const control = sandbox();
  control.reset();
  control.latencyMs = 0;
  control.navigate = (url) => navigations.push(url);
  // Settings a test states, put back: the device (and a phone user agent) would leak into the next test.
  delete control.device;
  delete control.agreementEmitsAtRender;
  delete control.agreementStartsTicked;
  delete control.variantKeys;
  delete control.nextFailure;
  delete control.portoneOverlap;
  delete (navigator as unknown as { userAgent?: string }).userAgent;
  document.body.innerHTML = '';
}

/** The recorded vendor methods, in call order. */
export function loggedMethods(sdk?: SandboxSdk): string[] {
  return sandbox()
    .log.filter((entry) => !sdk || entry.sdk === sdk)
    .map((entry) => entry.method);
}

/** Adds an empty `<div id={id}>` to the page, as a checkout's widget container. */
export function container(id: string): HTMLDivElement {
  const element = document.createElement('div');
  element.id = id;
  document.body.append(element);
  return element;
}

/** What `promise` rejected with; fails the test if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error) {
    return error as VendorError;
  }
  throw new Error('Expected the promise to reject, but it resolved');
}

/** What `call` threw; fails the test if it returned. */
export function thrown(call: () => unknown): VendorError {
  try {
    call();
  } catch (error) {
    return error as VendorError;
  }
  throw new Error('Expected the call to throw, but it returned');
}

/** Resolves after `ms` (a macrotask even for 0). */
export const sleep = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Settles `promise` or reports that it is still pending after `ms`. */
export function settledWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'pending'> {
  return Promise.race([promise.then(() => 'settled' as const, () => 'settled' as const), sleep(ms).then(() => 'pending' as const)]);
}

export const paymentWindow = () => document.querySelector<HTMLElement>('[data-kcheckout-sandbox="payment-window"]');
export const methodsRoot = () => document.querySelector<HTMLElement>('[data-kcheckout-sandbox="payment-methods"]');
export const agreementRoot = () => document.querySelector<HTMLElement>('[data-kcheckout-sandbox="agreement"]');
export const amountText = () => document.querySelector('[data-sandbox-amount]')?.textContent;

/** Ticks (or unticks) the required-terms checkbox, as a buyer would. */
export function clickAgreement(): void {
  const checkbox = agreementRoot()?.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (!checkbox) throw new Error('The agreement widget is not rendered');
  checkbox.click();
}

/** Picks a payment method by its vendor code, as a buyer would. */
export function pickMethod(code: string): void {
  const radio = methodsRoot()?.querySelector<HTMLInputElement>(`input[type="radio"][value="${code}"]`);
  if (!radio) throw new Error(`No ${code} option in the payment methods widget`);
  radio.click();
}

/** Waits up to a second for the payment window (the PortOne SDK package forwards a microtask later). */
export async function windowOpen(): Promise<HTMLElement> {
  for (let i = 0; i < 200 && !paymentWindow(); i++) await sleep(5);
  const opened = paymentWindow();
  if (!opened) throw new Error('The sandbox payment window did not open');
  return opened;
}

/** Waits for the payment window, then presses one of its buttons, as a buyer would. */
export async function answerWindow(outcome: 'approve' | 'decline' | 'cancel'): Promise<void> {
  const button = (await windowOpen()).querySelector<HTMLButtonElement>(`[data-outcome="${outcome}"]`);
  if (!button) throw new Error(`The sandbox payment window has no ${outcome} button`);
  button.click();
}

export const SECRET_KEYS = [
  'test_sk_FAKE_kcheckout_secret_tail',
  'live_sk_FAKE_kcheckout_secret_tail',
  'test_gsk_FAKE_kcheckout_widget_secret',
  'live_gsk_FAKE_kcheckout_widget_secret',
];

export { useDevice } from '../../../../test/sandbox-page.js';
