/**
 * @kcheckout/sandbox/playwright: drive the sandbox from a Playwright test, as a buyer's bank would.
 *
 * ```js
 * const sandbox = sandboxPage(page);
 * await sandbox.waitForWidget('toss-v2');
 * await sandbox.approveNext();
 * await page.getByRole('button', { name: /결제하기/ }).click();
 * expect((await sandbox.lastPayment())?.status).toBe('approved');
 * ```
 *
 * Each helper runs in the page's current document through `page.evaluate`, so settings last until
 * the page navigates: call them after `page.goto`, before the click they are for. Playwright is an
 * optional peer: this module never imports it, it only calls the `page` it is given.
 */
import { checkSandboxOptions } from './configure.js';
import { isSandboxSdk, unknownSdkError } from './script-url.js';
import type { SandboxFailureScript, SandboxOptions, SandboxOutcome, SandboxPayment, SandboxSdk } from './types.js';

/** The part of Playwright's `Page` the kit uses (a `Page` from `playwright` or `@playwright/test` fits). */
export interface SandboxPlaywrightPage {
  evaluate<R, Arg>(pageFunction: (arg: Arg) => R | Promise<R>, arg: Arg): Promise<R>;
  waitForFunction<R, Arg>(pageFunction: (arg: Arg) => R | Promise<R>, arg: Arg, options?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
}

/** What `configure()` takes: `SandboxOptions` without `navigate`, since a function cannot cross into the page. */
export type SandboxPageOptions = Omit<SandboxOptions, 'navigate'>;

export interface SandboxPageKit {
  /** The next payment window approves by itself. */
  approveNext(): Promise<void>;
  /** The next payment window is declined by the card company. */
  declineNext(): Promise<void>;
  /** The buyer cancels the next payment window. */
  cancelNext(): Promise<void>;
  /**
   * The next PortOne V2 or iamport window fails with this shape (`SandboxFailureScript`):
   * declined by default, or cancelled with `outcome: 'cancel'`.
   */
  failNext(failure: SandboxFailureScript, outcome?: Exclude<SandboxOutcome, 'approve'>): Promise<void>;
  /**
   * Resolves once the stand-in for `sdk` (any stand-in, without it) has run, the Toss methods widget
   * has rendered, and every kcheckout `<PaymentMethods>` and `<CheckoutButton>` on the page is
   * `data-state="ready"`. Rejects if one shows `data-state="error"`, with its text. Default timeout
   * 10 s; a number alone is the timeout (`waitForWidget(60_000)`, any stand-in).
   */
  waitForWidget(sdk?: SandboxSdk, options?: { timeout?: number }): Promise<void>;
  waitForWidget(timeout: number): Promise<void>;
  /** How many `<script>` tags in the page load the stand-in for `sdk` (one, if the loader dedupes). */
  scriptCount(sdk: SandboxSdk): Promise<number>;
  /** How many vendor calls the `sdk` stand-in has recorded, of `method` only if given (e.g. `'renderPaymentMethods'`). */
  vendorCalls(sdk: SandboxSdk, method?: string): Promise<number>;
  /** The last answered payment window, or `undefined`. */
  lastPayment(): Promise<SandboxPayment | undefined>;
  /** Every answered payment window, in order. */
  payments(): Promise<SandboxPayment[]>;
  /** Sets sandbox options in the page, before or after a stand-in has loaded (see `configureSandbox`). */
  configure(options: SandboxPageOptions): Promise<void>;
}

/** The global each stand-in installs, as the vendor's script does. */
const GLOBALS: Readonly<Record<SandboxSdk, string>> = {
  'toss-v2': 'TossPayments',
  'toss-v1': 'PaymentWidget',
  'portone-v2': 'PortOne',
  'iamport-v1': 'IMP',
};

function checkSdk(sdk: unknown, caller: string): SandboxSdk {
  if (!isSandboxSdk(sdk)) throw unknownSdkError(`sandboxPage(page).${caller}`, sdk);
  return sdk;
}

/** The sandbox helpers for `page`. Nothing runs until a helper is called. */
export function sandboxPage(page: SandboxPlaywrightPage): SandboxPageKit {
  if (!page || typeof page.evaluate !== 'function' || typeof page.waitForFunction !== 'function') {
    throw new Error('sandboxPage(page) takes a Playwright Page (from playwright or @playwright/test).');
  }

  const apply = async (options: SandboxOptions, caller: string) => {
    const { set, unset } = checkSandboxOptions(options, `sandboxPage(page).${caller}`);
    // The same merge as configureSandbox, in the page: the first stand-in keeps what is set here.
    await page.evaluate(
      ({ set, unset }) => {
        const host = window as unknown as { kcheckoutSandbox?: Record<string, unknown> };
        const control = host.kcheckoutSandbox && typeof host.kcheckoutSandbox === 'object' ? host.kcheckoutSandbox : {};
        for (const key of unset) delete control[key];
        Object.assign(control, set);
        host.kcheckoutSandbox = control;
      },
      { set, unset },
    );
  };

  return {
    approveNext: () => apply({ nextOutcome: 'approve' }, 'approveNext()'),
    declineNext: () => apply({ nextOutcome: 'decline' }, 'declineNext()'),
    cancelNext: () => apply({ nextOutcome: 'cancel' }, 'cancelNext()'),
    failNext: (failure, outcome = 'decline') => {
      if (outcome !== 'decline' && outcome !== 'cancel') {
        return Promise.reject(new Error(`sandboxPage(page).failNext(): outcome must be 'decline' or 'cancel', got ${JSON.stringify(outcome)}.`));
      }
      return apply({ nextFailure: failure, nextOutcome: outcome }, 'failNext()');
    },
    configure: (options) => {
      if (options && typeof options === 'object' && 'navigate' in options) {
        return Promise.reject(new Error('sandboxPage(page).configure(): navigate is a function and cannot cross into the page; set it with page.evaluate or configureSandbox in the page.'));
      }
      return apply(options, 'configure()');
    },

    async waitForWidget(sdkOrTimeout?: SandboxSdk | number, options: { timeout?: number } = {}) {
      const sdk = typeof sdkOrTimeout === 'number' ? undefined : sdkOrTimeout;
      const timeout = typeof sdkOrTimeout === 'number' ? sdkOrTimeout : (options.timeout ?? 10_000);
      const global = sdk === undefined ? null : GLOBALS[checkSdk(sdk, 'waitForWidget()')];
      const handle = await page.waitForFunction(
        ({ sdk, global }) => {
          const control = window.kcheckoutSandbox;
          if (!control || !Array.isArray(control.log)) return false;
          if (global && !(global in window)) return false;
          const errored = document.querySelector('[data-kcheckout="payment-methods"][data-state="error"], [data-kcheckout="checkout-button"][data-state="error"]');
          if (errored) return `error: ${(errored.textContent ?? '').trim()}`;
          if (sdk === 'toss-v2' || sdk === 'toss-v1') {
            if (!document.querySelector(`[data-kcheckout-sandbox="payment-methods"][data-sdk="${sdk}"]`)) return false;
          }
          const parts = Array.from(document.querySelectorAll('[data-kcheckout="payment-methods"], [data-kcheckout="checkout-button"]'));
          return parts.every((part) => part.getAttribute('data-state') === 'ready') ? 'ready' : false;
        },
        { sdk: sdk ?? null, global },
        { timeout },
      );
      const verdict = await (handle as { jsonValue(): Promise<unknown> }).jsonValue();
      if (typeof verdict === 'string' && verdict.startsWith('error')) {
        throw new Error(`sandboxPage(page).waitForWidget(): the checkout shows an error instead of the widget (${verdict.slice(7)}).`);
      }
    },

    scriptCount: (sdk) =>
      page.evaluate(
        ({ sdk }) => {
          const loaded = (window as unknown as Record<symbol, Array<{ sdk: string; src: string }> | undefined>)[Symbol.for('kcheckout.sandbox.scripts')] ?? [];
          const sources = new Set(loaded.filter((entry) => entry.sdk === sdk).map((entry) => entry.src));
          // A tag counts if its stand-in ran from that URL, or if it names the stand-in's file (a tag
          // whose script has not run yet, or failed).
          return Array.from(document.querySelectorAll('script[src]')).filter((script) => {
            const src = (script as HTMLScriptElement).src;
            return sources.has(src) || new URL(src, document.baseURI).pathname.endsWith(`/${sdk}.js`);
          }).length;
        },
        { sdk: checkSdk(sdk, 'scriptCount()') },
      ),

    vendorCalls: (sdk, method) =>
      page.evaluate(
        ({ sdk, method }) => (window.kcheckoutSandbox?.log ?? []).filter((entry) => entry.sdk === sdk && (method === null || entry.method === method)).length,
        { sdk: checkSdk(sdk, 'vendorCalls()'), method: method ?? null },
      ),

    lastPayment: () => page.evaluate(() => window.kcheckoutSandbox?.payments?.at(-1), undefined),
    payments: () => page.evaluate(() => [...(window.kcheckoutSandbox?.payments ?? [])], undefined),
  };
}
