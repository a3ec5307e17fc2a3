import {
  Agreement,
  BillingKeyButton,
  type BillingKeyResult,
  type BillingKeyFailed,
  type BillingKeyCancelled,
  Checkout,
  CheckoutButton,
  type CheckoutProps,
  type CheckoutResult,
  en,
  PaymentMethods,
  type PortOneMethod,
} from '@kcheckout/react';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { STALLED_SCRIPT_PATH } from '../.storybook/stalled-script.mjs';
import { expectResult, partState, press, RedirectCapture, ResultPanel, waitForError, waitForState } from './story-parts';

// PortOne V2 and V1 (iamport) share the same components and the same states, so their stories
// come from one factory. PortOne publishes no public test store, so these always run on the sandbox.

export type MethodProvider = 'portone' | 'iamport';

/** Where the SDK script comes from: the sandbox's stand-in, a URL that answers 404, or one that never answers. */
export type ScriptChoice = 'sandbox' | 'missing' | 'stalled';
/** The store's ids: the sandbox's, one left empty, or an API secret pasted where the id belongs. */
export type KeyChoice = 'sandbox' | 'missing' | 'secret';
/** The method picked before the buyer touches anything (`defaultMethod`), as a select. */
export type MethodChoice = 'none' | 'card' | 'easyPay:KAKAOPAY' | 'easyPay:NAVERPAY' | 'transfer' | 'virtualAccount';

export interface MethodShopArgs {
  provider: MethodProvider;
  /** The order's amount in won. */
  amount: number;
  keys?: KeyChoice;
  script?: ScriptChoice;
  /** Your own order id; empty lets the button make one. */
  orderId?: string;
  defaultMethod?: MethodChoice;
  /** Phone flow: the vendor redirects to `redirectUrl` instead of answering in the page. */
  redirect?: boolean;
  /** Register a card for a subscription (<BillingKeyButton>) instead of paying. */
  billing?: boolean;
  locale?: 'ko' | 'en';
}

const MISSING_SCRIPT = '/kcheckout-missing-sdk.js';
/** 64 characters, the shape of a PortOne API secret. */
export const SECRET_LIKE = 'S'.repeat(64);

function methodFrom(choice: MethodChoice | undefined): PortOneMethod | undefined {
  if (!choice || choice === 'none') return undefined;
  if (choice.startsWith('easyPay:')) return { type: 'easyPay', provider: choice.slice('easyPay:'.length) as 'KAKAOPAY' | 'NAVERPAY' };
  return { type: choice as 'card' | 'transfer' | 'virtualAccount' };
}

/** One complete checkout, as the README's ten lines build it, plus a card showing the last result. */
export function MethodShop({ provider, amount, keys = 'sandbox', script = 'sandbox', orderId, defaultMethod, redirect, billing, locale }: MethodShopArgs) {
  const [result, setResult] = useState<CheckoutResult | BillingKeyResult | BillingKeyFailed | BillingKeyCancelled | null>(null);
  const sdk = provider === 'portone' ? 'portone-v2' : 'iamport-v1';
  const idField = provider === 'portone' ? 'storeId' : 'impCode';
  const scriptSrc = script === 'missing' ? MISSING_SCRIPT : script === 'stalled' ? STALLED_SCRIPT_PATH : sandboxScriptUrl(sdk);
  const props = {
    provider,
    ...(provider === 'portone' ? sandboxClientKeys.portone : sandboxClientKeys.iamport),
    ...(keys === 'missing' ? { [idField]: '' } : keys === 'secret' ? { [idField]: SECRET_LIKE } : {}),
    amount,
    defaultMethod: methodFrom(defaultMethod),
    messages: locale === 'en' ? en : undefined,
    scriptSrc,
    // The Loading stories' script never arrives; a short timeout would turn them into errors.
    timeoutMs: script === 'stalled' ? 10 * 60 * 1000 : 3000,
  } as CheckoutProps;
  const shop = (
    <div style={{ maxWidth: 560 }}>
      <Checkout {...props}>
        <PaymentMethods />
        <Agreement style={{ marginTop: 12 }} />
        {billing ? (
          <BillingKeyButton
            issue={{ issueName: '월간 원두 구독', customerId: 'storybook_buyer', displayAmount: { value: amount, currency: 'KRW' } }}
            onIssued={setResult}
            onFail={setResult}
            onCancel={setResult}
            style={{ marginTop: 16, padding: '12px 20px', fontSize: 16 }}
          />
        ) : (
          <CheckoutButton
            order={{ orderName: '원두 1kg 외 1건', ...(orderId ? { orderId } : {}) }}
            {...(redirect ? { redirectUrl: '/payment/result' } : {})}
            onSuccess={setResult}
            onFail={setResult}
            onCancel={setResult}
            style={{ marginTop: 16, padding: '12px 20px', fontSize: 16 }}
          />
        )}
      </Checkout>
      {result && <ResultPanel result={result} />}
    </div>
  );
  return redirect ? <RedirectCapture>{shop}</RedirectCapture> : shop;
}

type Story = StoryObj<Meta<typeof MethodShop>>;

/** Picks a method and ticks the agreement, as a buyer would. */
async function choose(root: HTMLElement, method = 'card') {
  await waitForState(root, 'payment-methods', 'ready');
  root.querySelector<HTMLInputElement>(`[data-method="${method}"] input`)!.click();
  const agreement = root.querySelector<HTMLInputElement>('[data-kcheckout="agreement-checkbox"] input')!;
  if (!agreement.checked) agreement.click();
}

async function payWith(root: HTMLElement, outcome: 'approve' | 'decline' | 'cancel', method?: string) {
  await choose(root, method);
  window.kcheckoutSandbox!.nextOutcome = outcome;
  await press(root);
}

/** The stories both generations share. */
export function methodStories(provider: MethodProvider) {
  const stories = {
    /**
     * Ready to pay: card is preselected (`defaultMethod`) and the buyer has ticked the agreement, so the
     * button is live. Press it: the sandbox's payment window answers in the page (PC, promise mode).
     */
    Ready: {
      args: { defaultMethod: 'card' },
      play: async ({ canvasElement }) => {
        await waitForState(canvasElement, 'payment-methods', 'ready');
        await expect(canvasElement.querySelectorAll('input[type="radio"]')).toHaveLength(7);
        await expect(canvasElement.querySelector<HTMLInputElement>('[data-method="card"] input')?.checked).toBe(true);
        canvasElement.querySelector<HTMLInputElement>('[data-kcheckout="agreement-checkbox"] input')!.click();
        await waitFor(() => expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', false));
        await expect(partState(canvasElement, 'checkout-button')).toBe('ready');
      },
    },
    /** English copy. */
    English: {
      args: { locale: 'en' },
      play: async ({ canvasElement }) => {
        await waitForState(canvasElement, 'payment-methods', 'ready');
        await expect(canvasElement.querySelector('legend')?.textContent).toBe('Payment method');
      },
    },
    /** The SDK script is still on its way (a slow phone network): the methods show, the button waits. */
    Loading: {
      args: { script: 'stalled' },
      play: async ({ canvasElement }) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await expect(canvasElement.querySelector('[data-kcheckout="payment-methods"]')?.getAttribute('data-state')).toBe('loading');
        await expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', true);
      },
    },
    /** Loaded, but no method is picked and nothing is agreed: every radio is clear and the button waits for the buyer. */
    AwaitingMethod: {
      play: async ({ canvasElement }) => {
        await waitForState(canvasElement, 'payment-methods', 'ready');
        await expect(canvasElement.querySelectorAll('input[type="radio"]:checked')).toHaveLength(0);
        await expect(canvasElement.querySelector<HTMLInputElement>('[data-kcheckout="agreement-checkbox"] input')?.checked).toBe(false);
        await expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', true);
      },
    },
    /** The payment window is open: the button shows pending and the methods are locked. */
    Pending: {
      play: async ({ canvasElement }) => {
        await choose(canvasElement, 'easyPay:KAKAOPAY');
        await press(canvasElement);
        await waitForState(canvasElement, 'checkout-button', 'pending');
        await expect(canvasElement.querySelector('fieldset')).toHaveProperty('disabled', true);
      },
    },
    /** Approved: the result your server verifies before the order counts as paid. */
    Success: { play: async ({ canvasElement }) => {
      await payWith(canvasElement, 'approve', 'easyPay:KAKAOPAY');
      await expectResult(canvasElement, 'success');
    } },
    /** The card company declined. */
    Fail: { play: async ({ canvasElement }) => {
      await payWith(canvasElement, 'decline');
      await expectResult(canvasElement, 'fail');
    } },
    /** The buyer closed the payment window: a cancel, not an error. */
    Cancel: { play: async ({ canvasElement }) => {
      await payWith(canvasElement, 'cancel');
      await expectResult(canvasElement, 'cancel');
    } },
    /** The SDK script cannot be fetched (404, blocked, offline): an error with a retry button. */
    ScriptFailure: {
      args: { script: 'missing' },
      play: ({ canvasElement }) => waitForError(canvasElement, 'SCRIPT_LOAD_FAILED', 8000),
    },
    /** The store id is missing: the error names where to find it, and nothing loads. */
    InvalidKey: {
      args: { keys: 'missing' },
      play: ({ canvasElement }) => waitForError(canvasElement, 'INVALID_KEY'),
    },
    /** A PortOne API secret in browser code is refused before any vendor call, and never echoed. */
    InvalidSecretKey: {
      args: { keys: 'secret' },
      play: async ({ canvasElement }) => {
        await waitForError(canvasElement, 'SECRET_KEY_IN_BROWSER');
        await expect(canvasElement.textContent).not.toContain(SECRET_LIKE);
      },
    },
    /** A fractional won amount (a discount computed in floating point) is refused. */
    InvalidAmount: {
      args: { amount: 38999.5 },
      play: ({ canvasElement }) => waitForError(canvasElement, 'INVALID_AMOUNT'),
    },
    /** An order id the vendor would refuse disables the button and says why. */
    InvalidOrderId: {
      args: { orderId: '주문#1' },
      play: ({ canvasElement }) => waitForError(canvasElement, 'INVALID_ORDER_ID'),
    },
    /**
     * A phone: the vendor leaves the page for `redirectUrl` with the result in the query. The
     * sandbox shows the address instead of leaving Storybook. (Device: mobile, stated to the
     * stand-ins; the viewport only shows it phone-sized.)
     */
    MobileRedirect: {
      args: { redirect: true, defaultMethod: 'card' },
      parameters: { device: 'mobile' },
      globals: { viewport: { value: 'mobile2', isRotated: false } },
      play: async ({ canvasElement }) => {
        await expect((window as { kcheckoutSandbox?: { device?: string } }).kcheckoutSandbox?.device).toBe('mobile');
        await payWith(canvasElement, 'approve');
        await waitFor(() => expect(canvasElement.querySelector('[data-testid="redirect-target"]')).not.toBeNull(), { timeout: 5000 });
        const target = new URL(canvasElement.querySelector('[data-testid="redirect-target"] code')!.textContent!);
        await expect(target.pathname).toBe('/payment/result');
        await expect(target.searchParams.get(provider === 'portone' ? 'paymentId' : 'merchant_uid')).toBeTruthy();
      },
    },
    /**
     * The states side by side with one live checkout. The script-failure tile points at a broken URL
     * while the live one has loaded the SDK: each keeps its own state.
     */
    AllStates: {
      render: (args) => (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 24 }}>
          <section data-testid="tile-ready">
            <h3>준비됨 (ready)</h3>
            <MethodShop {...args} />
          </section>
          <section data-testid="tile-loading">
            <h3>불러오는 중 (loading)</h3>
            <MethodShop {...args} script="stalled" />
          </section>
          <section data-testid="tile-script-failure">
            <h3>스크립트 실패 (script failure)</h3>
            <MethodShop {...args} script="missing" />
          </section>
          <section data-testid="tile-secret">
            <h3>시크릿 (secret in the browser)</h3>
            <MethodShop {...args} keys="secret" />
          </section>
          <section data-testid="tile-fractional-amount">
            <h3>소수 금액 (fractional amount)</h3>
            <MethodShop {...args} amount={38999.5} />
          </section>
        </div>
      ),
      play: async ({ canvasElement }) => {
        const tile = (name: string) => canvasElement.querySelector<HTMLElement>(`[data-testid="tile-${name}"]`)!;
        await waitForState(tile('ready'), 'payment-methods', 'ready');
        await expect(tile('ready').querySelectorAll('input[type="radio"]')).toHaveLength(7);
        await expect(tile('ready').querySelector('[data-kcheckout="error"]')).toBeNull();
        await expect(partState(tile('loading'), 'payment-methods')).toBe('loading');
        await expect(partState(tile('loading'), 'checkout-button')).toBe('loading');
        await expect(tile('loading').querySelector('[data-kcheckout="error"]')).toBeNull();
        await waitForError(tile('script-failure'), 'SCRIPT_LOAD_FAILED', 8000);
        await expect(tile('script-failure').querySelector('[data-kcheckout="error"] button')?.textContent).toBe('다시 시도');
        for (const [name, code] of [['secret', 'SECRET_KEY_IN_BROWSER'], ['fractional-amount', 'INVALID_AMOUNT']] as const) {
          await waitForError(tile(name), code);
          await expect(partState(tile(name), 'payment-methods')).toBe('error');
          await expect(tile(name).querySelector('[data-kcheckout="error"]')?.textContent).toContain('결제를 준비하지 못했습니다.');
          // Bad props need a code change, so no retry button.
          await expect(tile(name).querySelector('[data-kcheckout="error"] button')).toBeNull();
        }
      },
    },
  } satisfies Record<string, Story>;
  return stories;
}

/** Meta for one generation's stories, less the title (Storybook reads that from each file). */
export function methodMeta(provider: MethodProvider) {
  return {
    component: MethodShop,
    args: { provider, amount: 39000, keys: 'sandbox', script: 'sandbox', orderId: '', defaultMethod: 'none', redirect: false, billing: false, locale: 'ko' },
    argTypes: {
      // Each file fixes its provider.
      provider: { table: { disable: true } },
      amount: { control: { type: 'number', step: 1000 } },
      keys: { control: 'select', options: ['sandbox', 'missing', 'secret'] satisfies KeyChoice[] },
      script: { control: 'select', options: ['sandbox', 'missing', 'stalled'] satisfies ScriptChoice[] },
      orderId: { control: 'text' },
      defaultMethod: { control: 'select', options: ['none', 'card', 'easyPay:KAKAOPAY', 'easyPay:NAVERPAY', 'transfer', 'virtualAccount'] satisfies MethodChoice[] },
      redirect: { control: 'boolean' },
      billing: { control: 'boolean' },
      locale: { control: 'inline-radio', options: ['ko', 'en'] },
    },
  } satisfies Meta<typeof MethodShop>;
}
