import { type CheckoutResult } from '@kcheckout/react';
import { enPayPal, PayPalButtons } from '@kcheckout/react/portone';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { STALLED_SCRIPT_PATH } from '../.storybook/stalled-script.mjs';
import { ResultPanel } from './story-parts';

// PayPal through PortOne (`loadPaymentUI`, uiType PAYPAL_SPB), on the offline sandbox: PortOne
// publishes no public test store. The sandbox's yellow button stands in for PayPal's own.

interface PayPalShopArgs {
  /** In dollars: 12.5 is $12.50. */
  amount: number;
  currency: 'USD' | 'KRW';
  script: 'sandbox' | 'missing' | 'stalled';
  english: boolean;
}

function PayPalShop({ amount, currency, script, english }: PayPalShopArgs) {
  const [result, setResult] = useState<CheckoutResult | null>(null);
  const [total, setTotal] = useState(amount);
  const scriptSrc = script === 'sandbox' ? sandboxScriptUrl('portone-v2') : script === 'missing' ? '/kcheckout-missing-sdk.js' : STALLED_SCRIPT_PATH;
  return (
    <div style={{ maxWidth: 360 }}>
      <label style={{ display: 'block', marginBottom: 12 }}>
        Tins of tea{' '}
        <input type="number" min={1} max={20} defaultValue={1} data-testid="quantity" onChange={(event) => setTotal(amount * Number(event.target.value || 1))} />
      </label>
      <PayPalButtons
        {...sandboxClientKeys.portone}
        scriptSrc={scriptSrc}
        timeoutMs={script === 'stalled' ? 10 * 60 * 1000 : 3000}
        retries={0}
        order={{ orderId: 'paypal_story_0001', orderName: 'Green tea' }}
        amount={Math.round(total * 100) / 100}
        currency={currency as 'USD'}
        messages={english ? enPayPal : undefined}
        onSuccess={setResult}
        onFail={setResult}
        onCancel={setResult}
        data-testid="paypal"
      />
      {result ? <ResultPanel result={result} /> : null}
    </div>
  );
}

const meta = {
  title: 'PortOne V2/PayPal Buttons',
  component: PayPalShop,
  args: { amount: 12.5, currency: 'USD', script: 'sandbox', english: false },
  argTypes: {
    currency: { control: 'inline-radio', options: ['USD', 'KRW'] },
    script: { control: 'inline-radio', options: ['sandbox', 'missing', 'stalled'] },
  },
} satisfies Meta<typeof PayPalShop>;
export default meta;
type Story = StoryObj<typeof meta>;

const root = (canvas: HTMLElement) => canvas.querySelector<HTMLElement>('[data-testid="paypal"]')!;
const payPalButton = (canvas: HTMLElement) => canvas.querySelector<HTMLButtonElement>('[data-kcheckout-sandbox="paypal-buttons"] button');
const waitForPayPal = (canvas: HTMLElement, state: string) => waitFor(() => expect(root(canvas).dataset.state).toBe(state), { timeout: 5000 });
const calls = (method: string) => (window.kcheckoutSandbox?.log ?? []).filter((entry) => entry.method === method);

/** Pays with the sandbox window answering `outcome`, and waits for the component's verdict. */
async function pay(canvas: HTMLElement, outcome: 'approve' | 'decline' | 'cancel', result: 'success' | 'fail' | 'cancel') {
  await waitForPayPal(canvas, 'ready');
  window.kcheckoutSandbox!.nextOutcome = outcome;
  payPalButton(canvas)!.click();
  await waitFor(() => expect(root(canvas).dataset.result).toBe(result), { timeout: 5000 });
  await waitFor(() => expect(canvas.querySelector('[data-testid="result"]')?.getAttribute('data-status')).toBe(result), { timeout: 5000 });
}

/** The PayPal button is rendered (once) and waits for the buyer. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await waitForPayPal(canvasElement, 'ready');
    await expect(canvasElement.querySelectorAll('[data-kcheckout-sandbox="paypal-buttons"]')).toHaveLength(1);
    await expect(calls('loadPaymentUI')).toHaveLength(1);
  },
};

export const English: Story = {
  args: { english: true, script: 'stalled' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[role="status"]')?.textContent).toBe(enPayPal.loading));
  },
};

/** The SDK script has not arrived: a status line, no button. */
export const Loading: Story = {
  args: { script: 'stalled' },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(root(canvasElement).dataset.state).toBe('loading');
    await expect(payPalButton(canvasElement)).toBeNull();
  },
};

/** An amount change reaches the rendered buttons through updateLoadPaymentUIRequest: one load, no re-render. */
export const AmountChange: Story = {
  play: async ({ canvasElement }) => {
    await waitForPayPal(canvasElement, 'ready');
    const button = payPalButton(canvasElement);
    const quantity = canvasElement.querySelector<HTMLInputElement>('[data-testid="quantity"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(quantity, '3');
    quantity.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(calls('updateLoadPaymentUIRequest')).toHaveLength(1), { timeout: 5000 });
    await expect((calls('updateLoadPaymentUIRequest')[0]!.args[0] as { totalAmount: number }).totalAmount).toBe(3750);
    await expect(calls('loadPaymentUI')).toHaveLength(1);
    await expect(payPalButton(canvasElement)).toBe(button);
  },
};

export const Success: Story = {
  play: async ({ canvasElement }) => {
    await pay(canvasElement, 'approve', 'success');
    await expect(window.kcheckoutSandbox!.payments.at(-1)).toMatchObject({ method: 'PAYPAL', amount: 1250, currency: 'USD', status: 'approved' });
  },
};

export const Fail: Story = {
  play: async ({ canvasElement }) => pay(canvasElement, 'decline', 'fail'),
};

/** The buyer closed PayPal's window: not an error; the button stays for another try. */
export const Cancel: Story = {
  play: async ({ canvasElement }) => {
    await pay(canvasElement, 'cancel', 'cancel');
    await expect(root(canvasElement).dataset.state).toBe('ready');
  },
};

/** PayPal does not settle in won: refused before any script loads. */
export const InvalidAmount: Story = {
  args: { currency: 'KRW', amount: 50000 },
  play: async ({ canvasElement }) => {
    await waitForPayPal(canvasElement, 'error');
    await expect(canvasElement.querySelector('[role="alert"]')?.textContent).toContain('PayPal로 결제할 수 없습니다');
    await expect(calls('loadPaymentUI')).toHaveLength(0);
  },
};

export const ScriptFailure: Story = {
  args: { script: 'missing' },
  play: async ({ canvasElement }) => {
    await waitForPayPal(canvasElement, 'error');
    await expect(canvasElement.querySelector('[role="alert"] button')?.textContent).toBe('다시 시도');
  },
};
