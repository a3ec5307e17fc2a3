import { loadScript } from '@kcheckout/core';
import { Agreement, Checkout, CheckoutButton, type CheckoutResult, en, PaymentMethods, tossV1 } from '@kcheckout/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { type Backend, tossBackend } from './backend';
import { RedirectCapture, ResultPanel, waitForError, waitForState } from './story-parts';

/** The client key: the backend's widget key, a secret key pasted into browser code, or a key of the wrong kind. */
type KeyChoice = 'sandbox' | 'secret' | 'wrong-kind';

interface ShopArgs {
  /** Toss's widget SDK: v2, or the frozen v1 passed in as its driver (`sdk={tossV1}`). */
  sdk: 'v2' | 'v1';
  /** The order's amount in won. */
  amount: number;
  keys?: KeyChoice;
  /** Where the SDK script comes from: the toolbar's backend, or a URL that answers 404. */
  script?: 'backend' | 'missing';
  /** Your own order id; empty lets the button make one. */
  orderId?: string;
  /** Phone flow: Toss redirects to `successUrl` / `failUrl` instead of answering in the page. */
  redirect?: boolean;
  locale?: 'ko' | 'en';
  /** `beforePayment`: freeze the order on the server first (`slow`: 800 ms), or refuse (the price changed). */
  before?: 'none' | 'slow' | 'refuse';
}

const CLIENT_KEYS: Record<Exclude<KeyChoice, 'sandbox'>, string> = {
  secret: 'test_sk_FAKE_kcheckout_secret_tail',
  // A payment-window key (`*_ck_*`) where the widget needs a `*_gck_*` one.
  'wrong-kind': 'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq',
};

/** How many payment windows the page has asked the vendor for (the sandbox's log outlives a story in the Storybook UI). */
const paymentRequests = () => window.kcheckoutSandbox!.log.filter((entry) => entry.method.endsWith('requestPayment')).length;

/** A stand-in for `POST /api/orders/:id/open`: the shop's server freezing the order's amount. */
function freezeOrder(before: ShopArgs['before']) {
  if (!before || before === 'none') return undefined;
  return () =>
    new Promise<void>((resolve, reject) =>
      setTimeout(() => (before === 'slow' ? resolve() : reject(new Error('ORDER_CHANGED: the price changed since the page loaded'))), before === 'slow' ? 800 : 300),
    );
}

/** One complete checkout, as the README's ten lines build it, plus a card showing the last result. */
function Shop({ sdk, amount, keys = 'sandbox', script = 'backend', orderId, redirect, locale, before, backend }: ShopArgs & { backend?: Backend }) {
  const fromBackend = tossBackend(backend, sdk);
  const clientKey = keys === 'sandbox' ? fromBackend.clientKey : CLIENT_KEYS[keys];
  const scriptSrc = script === 'missing' ? '/kcheckout-missing-sdk.js' : fromBackend.scriptSrc;
  const [result, setResult] = useState<CheckoutResult | null>(null);
  return (
    <div style={{ maxWidth: 560 }}>
      <Checkout
        provider="toss"
        // v1 is passed in as its driver (tossV1), so a v2 page carries none of it.
        sdk={sdk === 'v1' ? tossV1 : sdk}
        clientKey={clientKey}
        customerKey="storybook_buyer"
        amount={amount}
        scriptSrc={scriptSrc}
        timeoutMs={3000}
        messages={locale === 'en' ? en : undefined}
      >
        <PaymentMethods />
        <Agreement />
        <CheckoutButton
          order={{ orderName: '제주 삼다수 2L 외 1건', ...(orderId ? { orderId } : {}) }}
          {...(redirect ? { successUrl: '/payment/success', failUrl: '/payment/fail' } : {})}
          {...(before && before !== 'none' ? { beforePayment: freezeOrder(before) } : {})}
          onSuccess={setResult}
          onFail={setResult}
          onCancel={setResult}
          style={{ marginTop: 16, padding: '12px 20px', fontSize: 16 }}
        />
      </Checkout>
      {result && <ResultPanel result={result} />}
    </div>
  );
}

const meta = {
  title: 'Toss/Checkout',
  component: Shop,
  args: { sdk: 'v2', amount: 50000, keys: 'sandbox', script: 'backend', orderId: '', redirect: false, locale: 'ko', before: 'none' },
  argTypes: {
    sdk: { control: 'inline-radio', options: ['v2', 'v1'] },
    amount: { control: { type: 'number', step: 1000 } },
    keys: { control: 'select', options: ['sandbox', 'secret', 'wrong-kind'] satisfies KeyChoice[] },
    script: { control: 'inline-radio', options: ['backend', 'missing'] },
    orderId: { control: 'text' },
    redirect: { control: 'boolean' },
    locale: { control: 'inline-radio', options: ['ko', 'en'] },
    before: { control: 'inline-radio', options: ['none', 'slow', 'refuse'] },
  },
  render: (args, { globals }) => <Shop {...args} backend={globals.backend as Backend} />,
} satisfies Meta<typeof Shop>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the sandbox widgets and ticks the required terms, as a buyer would. */
async function agree(canvasElement: HTMLElement) {
  await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="agreement"]')?.getAttribute('data-state')).toBe('ready'), {
    timeout: 5000,
  });
  canvasElement.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]')?.click();
  await waitFor(() => expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', false));
}

async function payWith(canvasElement: HTMLElement, outcome: 'approve' | 'decline' | 'cancel') {
  await agree(canvasElement);
  window.kcheckoutSandbox!.nextOutcome = outcome;
  canvasElement.querySelector<HTMLButtonElement>('button[data-kcheckout="checkout-button"]')!.click();
  await waitFor(() => expect(canvasElement.querySelector('[data-testid="result"]')).not.toBeNull(), { timeout: 5000 });
}

/** SDK v2, ready: pick a method, tick the terms, pay. The sandbox window answers in the page. */
export const Ready: Story = {};

/** The frozen v1 payment-widget SDK, same components. */
export const ReadyV1: Story = { args: { sdk: 'v1' } };

/**
 * English copy: `messages={en}` for our parts, and the sandbox's stand-in widget told to speak English
 * (`kcheckoutSandbox.locale`), as far as Toss's own widget would be English for an English shop.
 */
export const English: Story = {
  args: { locale: 'en' },
  beforeEach: async () => {
    const { scriptSrc } = tossBackend('sandbox', 'v2');
    await loadScript(scriptSrc!, { globalName: 'TossPayments' });
    const sandbox = window.kcheckoutSandbox!;
    sandbox.locale = 'en';
    return () => {
      sandbox.locale = undefined;
    };
  },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'agreement', 'ready');
    const widget = canvasElement.querySelector<HTMLElement>('[data-kcheckout-sandbox="payment-methods"]')!;
    await expect(widget.querySelector('legend')?.textContent).toContain('Payment method');
    await expect(widget.textContent).toContain('Credit / debit card');
    await expect(canvasElement.querySelector('[data-kcheckout-sandbox="agreement"] label')?.textContent).toContain('[Required]');
    await expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')?.textContent).toMatch(/^Pay /);
    // No Hangul left in what the buyer reads, except the order name the shop chose in Korean.
    await expect(canvasElement.textContent?.replace('제주 삼다수 2L 외 1건', '')).not.toMatch(/[가-힣]/);
  },
};

/** The buyer has not agreed to the required terms yet: the button waits. */
export const AwaitingAgreement: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="payment-methods"]')?.getAttribute('data-state')).toBe('ready'));
    await expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', true);
  },
};

/** The payment window is open: the button shows pending and cannot be pressed again. */
export const Pending: Story = {
  play: async ({ canvasElement }) => {
    await agree(canvasElement);
    canvasElement.querySelector<HTMLButtonElement>('button[data-kcheckout="checkout-button"]')!.click();
    await waitFor(() => expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')?.getAttribute('data-state')).toBe('pending'));
  },
};

/**
 * `beforePayment` freezes the order on the shop's server before the window opens (800 ms here): the
 * button is pending meanwhile, then the vendor window opens as usual.
 */
export const FreezingOrder: Story = {
  args: { before: 'slow' },
  play: async ({ canvasElement }) => {
    await agree(canvasElement);
    const before = paymentRequests();
    canvasElement.querySelector<HTMLButtonElement>('button[data-kcheckout="checkout-button"]')!.click();
    await waitFor(() => expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')?.getAttribute('data-state')).toBe('pending'));
    await expect(paymentRequests()).toBe(before);
    await waitFor(() => expect(paymentRequests()).toBe(before + 1), { timeout: 3000 });
  },
};

/** The shop's server refused to freeze the order (its price changed): no window opens, `onFail` gets BEFORE_PAYMENT_FAILED. */
export const OrderChangedBeforePayment: Story = {
  args: { before: 'refuse' },
  play: async ({ canvasElement }) => {
    await agree(canvasElement);
    const before = paymentRequests();
    canvasElement.querySelector<HTMLButtonElement>('button[data-kcheckout="checkout-button"]')!.click();
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="result"]')?.textContent).toContain('BEFORE_PAYMENT_FAILED'), { timeout: 5000 });
    await expect(paymentRequests()).toBe(before);
  },
};

/** Promise mode, approved: the result to send to your server's confirm call. */
export const Success: Story = { play: ({ canvasElement }) => payWith(canvasElement, 'approve') };
export const SuccessV1: Story = { args: { sdk: 'v1' }, play: ({ canvasElement }) => payWith(canvasElement, 'approve') };

/** The card company declined. */
export const Fail: Story = { play: ({ canvasElement }) => payWith(canvasElement, 'decline') };

/** The buyer closed the payment window: a cancel, not an error. */
export const Cancel: Story = { play: ({ canvasElement }) => payWith(canvasElement, 'cancel') };

/** The SDK script cannot be fetched (404, blocked, offline): an error with a retry button. */
export const ScriptFailure: Story = {
  args: { script: 'missing' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('SCRIPT_LOAD_FAILED'), {
      timeout: 8000,
    });
  },
};

/** A secret key in browser code is refused before any vendor call. */
export const InvalidSecretKey: Story = {
  args: { keys: 'secret' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('SECRET_KEY_IN_BROWSER'));
  },
};

/** A fractional won amount (a discount computed in floating point) is refused. */
export const InvalidAmount: Story = {
  args: { amount: 49999.5 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('INVALID_AMOUNT'));
  },
};

/** An order id the vendors would refuse disables the button and says why. */
export const InvalidOrderId: Story = {
  args: { orderId: '주문#1' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe('INVALID_ORDER_ID'));
  },
};

/** A coupon changes the amount: the widget is updated in place, never rendered again. */
export const CouponChangesAmount: Story = {
  render: (args, { globals }) => <CouponShop {...args} backend={globals.backend as Backend} />,
};

function CouponShop(props: ShopArgs & { backend?: Backend }) {
  const [coupon, setCoupon] = useState(false);
  const amount = coupon ? props.amount - 5000 : props.amount;
  const renders = window.kcheckoutSandbox?.log.filter((entry) => entry.method === 'renderPaymentMethods').length ?? 0;
  return (
    <div>
      <label style={{ display: 'block', marginBottom: 12 }}>
        <input type="checkbox" checked={coupon} onChange={(event) => setCoupon(event.target.checked)} /> 5,000원 할인 쿠폰 적용
      </label>
      <Shop {...props} amount={amount} />
      <p style={{ fontSize: 12, color: '#666' }}>샌드박스 renderPaymentMethods 호출 수: {renders}</p>
    </div>
  );
}

/** Redirect mode (mobile): the sandbox shows where the vendor would send the buyer instead of leaving Storybook. */
export const RedirectMode: Story = {
  args: { redirect: true },
  // The stand-ins act for a phone (Toss's window is full-page there, and promise mode is refused).
  parameters: { device: 'mobile' },
  render: (args, { globals }) => <RedirectShop {...args} backend={globals.backend as Backend} />,
};

function RedirectShop(props: ShopArgs & { backend?: Backend }) {
  return (
    <RedirectCapture>
      <Shop {...props} />
    </RedirectCapture>
  );
}

/**
 * The widget is still loading: the sandbox is told to take its time, as a slow phone network would.
 * (The stand-in script itself loads first, through the same loader the checkout uses.)
 */
export const Loading: Story = {
  beforeEach: async () => {
    const { scriptSrc } = tossBackend('sandbox', 'v2');
    await loadScript(scriptSrc!, { globalName: 'TossPayments' });
    const sandbox = window.kcheckoutSandbox!;
    const previous = sandbox.latencyMs;
    sandbox.latencyMs = 10 * 60 * 1000;
    return () => {
      sandbox.latencyMs = previous;
    };
  },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(canvasElement.querySelector('[data-kcheckout="payment-methods"]')?.getAttribute('data-state')).toBe('loading');
    await expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', true);
  },
};

/**
 * The error states side by side with one live checkout. Toss allows one payment-methods UI per
 * page, so only one checkout here can be live; the bad order id has its own story for that reason.
 * The script-failure tile points at a broken URL while the live one has loaded the SDK: each keeps
 * its own state (the loader loads the broken URL for real instead of lending it the other's SDK).
 */
export const AllStates: Story = {
  render: (args, { globals }) => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 24 }}>
      <section data-testid="tile-ready">
        <h3>준비됨 (ready)</h3>
        <Shop {...args} backend={globals.backend as Backend} />
      </section>
      <section data-testid="tile-script-failure">
        <h3>스크립트 실패 (script failure)</h3>
        <Shop {...args} script="missing" />
      </section>
      <section data-testid="tile-secret-key">
        <h3>시크릿 키 (secret key)</h3>
        <Shop {...args} keys="secret" />
      </section>
      <section data-testid="tile-fractional-amount">
        <h3>소수 금액 (fractional amount)</h3>
        <Shop {...args} amount={49999.5} />
      </section>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const tile = (name: string) => canvasElement.querySelector<HTMLElement>(`[data-testid="tile-${name}"]`)!;
    const retry = (name: string) => tile(name).querySelector('[data-kcheckout="error"] button');
    await waitForState(tile('ready'), 'payment-methods', 'ready');
    await expect(tile('ready').querySelector('[data-kcheckout-sandbox="payment-methods"]')).not.toBeNull();
    await expect(tile('ready').querySelector('[data-kcheckout="error"]')).toBeNull();
    // Script failure: its own SCRIPT_LOAD_FAILED after the retries, with the buyer's copy and a retry button.
    await waitForError(tile('script-failure'), 'SCRIPT_LOAD_FAILED', 8000);
    await expect(tile('script-failure').querySelector('[data-kcheckout="error"]')?.textContent).toContain('결제를 준비하지 못했습니다.');
    await expect(retry('script-failure')?.textContent).toBe('다시 시도');
    await expect(tile('script-failure').querySelector('[data-kcheckout-sandbox]')).toBeNull();
    // Bad props: the code, the same buyer copy, and no retry (only a code change fixes them).
    for (const [name, code] of [['secret-key', 'SECRET_KEY_IN_BROWSER'], ['fractional-amount', 'INVALID_AMOUNT']] as const) {
      await waitForError(tile(name), code);
      await expect(tile(name).querySelector('[data-kcheckout="error"]')?.textContent).toContain('결제를 준비하지 못했습니다.');
      await expect(retry(name)).toBeNull();
    }
    await expect(canvasElement.textContent).not.toContain('ALREADY_RENDERED');
  },
};
