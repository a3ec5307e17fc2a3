import { Agreement, CheckoutButton, type CheckoutResult, en, PaymentMethods, PaymentWindowCheckout, type PortOneMethod } from '@kcheckout/react/toss';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { STALLED_SCRIPT_PATH } from '../.storybook/stalled-script.mjs';
import { expectResult, partState, press, RedirectCapture, ResultPanel, waitForError, waitForState } from './story-parts';

// The Toss payment window (결제창): an API individual key (test_ck_…), our method picker instead of
// Toss's widget, and the result on the widget's own redirect. Always on the sandbox.

interface PaymentWindowShopArgs {
  amount: number;
  /** The sandbox's API individual key, its widget key (refused here), or a secret key pasted by mistake. */
  keys: 'api' | 'widget' | 'secret';
  script: 'sandbox' | 'missing' | 'stalled';
  defaultMethod: 'none' | 'card' | 'easyPay:KAKAOPAY' | 'transfer' | 'virtualAccount' | 'mobile';
  escrow: boolean;
  cashReceipt: 'none' | '소득공제' | '지출증빙';
  agreement: boolean;
  redirect: boolean;
  locale: 'ko' | 'en';
}

const KEYS = { api: sandboxClientKeys.tossApi, widget: sandboxClientKeys.toss, secret: 'test_sk_FAKE_storybook_secret' } as const;

function methodFrom(choice: PaymentWindowShopArgs['defaultMethod']): PortOneMethod | undefined {
  if (choice === 'none') return undefined;
  if (choice === 'easyPay:KAKAOPAY') return { type: 'easyPay', provider: 'KAKAOPAY' };
  return { type: choice };
}

/** The README's ten lines, plus a card with the last result. */
function PaymentWindowShop({ amount, keys, script, defaultMethod, escrow, cashReceipt, agreement, redirect, locale }: PaymentWindowShopArgs) {
  const [result, setResult] = useState<CheckoutResult | null>(null);
  const scriptSrc = script === 'missing' ? '/kcheckout-missing-sdk.js' : script === 'stalled' ? STALLED_SCRIPT_PATH : sandboxScriptUrl('toss-v2');
  const shop = (
    <div style={{ maxWidth: 560 }}>
      <PaymentWindowCheckout
        clientKey={KEYS[keys]}
        customerKey="storybook_buyer"
        amount={amount}
        defaultMethod={methodFrom(defaultMethod)}
        escrow={escrow ? { useEscrow: true } : undefined}
        cashReceipt={cashReceipt === 'none' ? undefined : { type: cashReceipt }}
        messages={locale === 'en' ? en : undefined}
        scriptSrc={scriptSrc}
        timeoutMs={script === 'stalled' ? 10 * 60 * 1000 : 3000}
      >
        <PaymentMethods />
        {agreement && <Agreement style={{ marginTop: 12 }} />}
        <CheckoutButton
          order={{ orderName: '원두 1kg 외 1건' }}
          {...(redirect ? { successUrl: '/payment/success', failUrl: '/payment/fail' } : {})}
          onSuccess={setResult}
          onFail={setResult}
          onCancel={setResult}
          style={{ marginTop: 16, padding: '12px 20px', fontSize: 16 }}
        />
      </PaymentWindowCheckout>
      {result && <ResultPanel result={result} />}
    </div>
  );
  return redirect ? <RedirectCapture>{shop}</RedirectCapture> : shop;
}

const meta = {
  title: 'Toss Payments/Payment Window',
  component: PaymentWindowShop,
  args: { amount: 39000, keys: 'api', script: 'sandbox', defaultMethod: 'card', escrow: false, cashReceipt: 'none', agreement: false, redirect: false, locale: 'ko' },
  argTypes: {
    amount: { control: { type: 'number', step: 1000 } },
    keys: { control: 'select', options: ['api', 'widget', 'secret'] },
    script: { control: 'select', options: ['sandbox', 'missing', 'stalled'] },
    defaultMethod: { control: 'select', options: ['none', 'card', 'easyPay:KAKAOPAY', 'transfer', 'virtualAccount', 'mobile'] },
    cashReceipt: { control: 'select', options: ['none', '소득공제', '지출증빙'] },
  },
} satisfies Meta<typeof PaymentWindowShop>;
export default meta;
type Story = StoryObj<typeof meta>;

const requests = () => (window.kcheckoutSandbox?.log ?? []).filter((entry) => entry.method === 'payment.requestPayment');

async function pay(root: HTMLElement, outcome: 'approve' | 'decline' | 'cancel') {
  await waitForState(root, 'payment-methods', 'ready');
  window.kcheckoutSandbox!.nextOutcome = outcome;
  await press(root);
}

/** Card is picked, so the button is live; pressing it opens the sandbox payment window (PC, promise mode). */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'payment-methods', 'ready');
    await expect(canvasElement.querySelectorAll('input[type="radio"]')).toHaveLength(7);
    await waitFor(() => expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', false));
    await expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')?.textContent).toBe('39,000원 결제하기');
  },
};

/** English copy. */
export const English: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'payment-methods', 'ready');
    await expect(canvasElement.querySelector('legend')?.textContent).toBe('Payment method');
  },
};

/** The SDK script is on its way: the picker shows, the button waits. */
export const Loading: Story = {
  args: { script: 'stalled' },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(partState(canvasElement, 'payment-methods')).toBe('loading');
    await expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', true);
  },
};

/** No method picked yet, and an agreement checkbox shown: the button waits for both. */
export const AwaitingMethod: Story = {
  args: { defaultMethod: 'none', agreement: true },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'payment-methods', 'ready');
    await expect(canvasElement.querySelectorAll('input[type="radio"]:checked')).toHaveLength(0);
    await expect(canvasElement.querySelector('button[data-kcheckout="checkout-button"]')).toHaveProperty('disabled', true);
  },
};

/** The payment window is open: the button is pending and the picker locked. */
export const Pending: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, 'payment-methods', 'ready');
    await press(canvasElement);
    await waitForState(canvasElement, 'checkout-button', 'pending');
    await expect(canvasElement.querySelector('fieldset')).toHaveProperty('disabled', true);
  },
};

/** Approved: paymentKey, orderId and amount, for your server's confirm with the API secret key. */
export const Success: Story = {
  play: async ({ canvasElement }) => {
    await pay(canvasElement, 'approve');
    await expectResult(canvasElement, 'success');
    await expect(canvasElement.querySelector('[data-testid="result"]')?.textContent).toContain('tsbx');
  },
};

/** The card company declined. */
export const Fail: Story = {
  play: async ({ canvasElement }) => {
    await pay(canvasElement, 'decline');
    await expectResult(canvasElement, 'fail');
    await expect(canvasElement.querySelector('[data-testid="result"]')?.textContent).toContain('REJECT_CARD_COMPANY');
  },
};

/** The buyer closed the window: a cancel, not an error. */
export const Cancel: Story = {
  play: async ({ canvasElement }) => {
    await pay(canvasElement, 'cancel');
    await expectResult(canvasElement, 'cancel');
  },
};

/** KakaoPay picked: its own window opens directly (`card.flowMode: 'DIRECT'`, `easyPay`), escrow passed through. */
export const DirectWallet: Story = {
  args: { defaultMethod: 'easyPay:KAKAOPAY', escrow: true },
  play: async ({ canvasElement }) => {
    await pay(canvasElement, 'approve');
    await expectResult(canvasElement, 'success');
    await expect(requests()[0]?.args[0]).toMatchObject({ method: 'CARD', card: { flowMode: 'DIRECT', easyPay: 'KAKAOPAY', useEscrow: true } });
  },
};

/** A transfer with a cash receipt for income deduction (소득공제). */
export const TransferWithCashReceipt: Story = {
  args: { defaultMethod: 'transfer', cashReceipt: '소득공제' },
  play: async ({ canvasElement }) => {
    await pay(canvasElement, 'approve');
    await expectResult(canvasElement, 'success');
    await expect(requests()[0]?.args[0]).toMatchObject({ method: 'TRANSFER', transfer: { cashReceipt: { type: '소득공제' } } });
  },
};

/** The SDK script cannot be fetched: an error with a retry button. */
export const ScriptFailure: Story = {
  args: { script: 'missing' },
  play: ({ canvasElement }) => waitForError(canvasElement, 'SCRIPT_LOAD_FAILED', 8000),
};

/** A widget key (test_gck_…) here: INVALID_KEY asks for the API individual key, and nothing loads. */
export const InvalidKey: Story = {
  args: { keys: 'widget' },
  play: ({ canvasElement }) => waitForError(canvasElement, 'INVALID_KEY'),
};

/** A secret key in browser code is refused before any vendor call, and never echoed. */
export const InvalidSecretKey: Story = {
  args: { keys: 'secret' },
  play: async ({ canvasElement }) => {
    await waitForError(canvasElement, 'SECRET_KEY_IN_BROWSER');
    await expect(canvasElement.textContent).not.toContain(KEYS.secret);
  },
};

/** A phone: the window leaves for successUrl with amount, orderId and paymentKey (no paymentType). */
export const MobileRedirect: Story = {
  args: { redirect: true },
  tags: ['mobile'],
  parameters: { device: 'mobile' },
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  play: async ({ canvasElement }) => {
    await pay(canvasElement, 'approve');
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="redirect-target"]')).not.toBeNull(), { timeout: 5000 });
    const target = new URL(canvasElement.querySelector('[data-testid="redirect-target"] code')!.textContent!);
    await expect(target.pathname).toBe('/payment/success');
    await expect([...target.searchParams.keys()].sort()).toEqual(['amount', 'orderId', 'paymentKey']);
  },
};

/** The states side by side, each checkout keeping its own. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 24 }}>
      <section data-testid="tile-ready">
        <h3>준비됨 (ready)</h3>
        <PaymentWindowShop {...args} />
      </section>
      <section data-testid="tile-loading">
        <h3>불러오는 중 (loading)</h3>
        <PaymentWindowShop {...args} script="stalled" />
      </section>
      <section data-testid="tile-widget-key">
        <h3>위젯 키 (widget key)</h3>
        <PaymentWindowShop {...args} keys="widget" />
      </section>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const tile = (name: string) => canvasElement.querySelector<HTMLElement>(`[data-testid="tile-${name}"]`)!;
    await waitForState(tile('ready'), 'payment-methods', 'ready');
    await expect(partState(tile('loading'), 'payment-methods')).toBe('loading');
    await waitForError(tile('widget-key'), 'INVALID_KEY');
  },
};
