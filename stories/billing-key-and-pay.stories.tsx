import { type BillingKeyAndPayResult, BillingKeyAndPayButton, enBillingKeyAndPay } from '@kcheckout/react/portone';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { STALLED_SCRIPT_PATH } from '../.storybook/stalled-script.mjs';
import { RedirectCapture, ResultPanel, waitForError, waitForState } from './story-parts';

// PortOne V2 requestIssueBillingKeyAndPay on the offline sandbox: the buyer's phone is registered
// for automatic payments and the first month is paid in one window. Later months are the server's
// (payWithPortOneBillingKey).

interface SubscribeArgs {
  amount: number;
  orderId: string;
  script: 'sandbox' | 'missing' | 'stalled';
  english: boolean;
  redirect: boolean;
}

function Subscribe({ amount, orderId, script, english, redirect }: SubscribeArgs) {
  const [result, setResult] = useState<BillingKeyAndPayResult | null>(null);
  const scriptSrc = script === 'sandbox' ? sandboxScriptUrl('portone-v2') : script === 'missing' ? '/kcheckout-missing-sdk.js' : STALLED_SCRIPT_PATH;
  return (
    <RedirectCapture>
      <div style={{ maxWidth: 360 }} data-testid="subscribe">
        <p>월간 구독 · 첫 달 결제와 함께 휴대폰 자동결제를 등록합니다.</p>
        <BillingKeyAndPayButton
          {...sandboxClientKeys.portone}
          scriptSrc={scriptSrc}
          timeoutMs={script === 'stalled' ? 10 * 60 * 1000 : 3000}
          retries={0}
          order={{ orderId, orderName: '월간 구독 1개월', customerId: 'customer-0001' }}
          amount={amount}
          redirectUrl={redirect ? '/subscribe/done' : undefined}
          forceRedirect={redirect || undefined}
          messages={english ? enBillingKeyAndPay : undefined}
          onSuccess={setResult}
          onFail={setResult}
          onCancel={setResult}
        />
        {result ? <ResultPanel result={result} /> : null}
      </div>
    </RedirectCapture>
  );
}

const meta = {
  title: 'PortOne V2/Billing Key And Pay Button',
  component: Subscribe,
  args: { amount: 9900, orderId: 'sub_story_0001', script: 'sandbox', english: false, redirect: false },
  argTypes: { script: { control: 'inline-radio', options: ['sandbox', 'missing', 'stalled'] } },
} satisfies Meta<typeof Subscribe>;
export default meta;
type Story = StoryObj<typeof meta>;

const PART = 'billing-key-and-pay-button';
const button = (canvas: HTMLElement) => canvas.querySelector<HTMLButtonElement>(`[data-kcheckout="${PART}"]`)!;
const calls = () => (window.kcheckoutSandbox?.log ?? []).filter((entry) => entry.method === 'requestIssueBillingKeyAndPay');

/** Presses the button with the sandbox window answering `outcome`, and waits for the result panel. */
async function subscribe(canvas: HTMLElement, outcome: 'approve' | 'decline' | 'cancel', status: 'success' | 'fail' | 'cancel') {
  await waitForState(canvas, PART, 'ready');
  window.kcheckoutSandbox!.nextOutcome = outcome;
  button(canvas).click();
  await waitFor(() => expect(canvas.querySelector('[data-testid="result"]')?.getAttribute('data-status')).toBe(status), { timeout: 5000 });
  await expect(canvas.querySelector('[role="status"]')?.getAttribute('data-result')).toBe(status);
}

/** The SDK loaded: the button shows the first charge and waits for the buyer. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, PART, 'ready');
    await expect(button(canvasElement).textContent).toBe('9,900원 결제하고 자동결제 등록');
    await expect(button(canvasElement).disabled).toBe(false);
  },
};

/** The SDK script has not arrived: a disabled button and a status line. */
export const Loading: Story = {
  args: { script: 'stalled' },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(button(canvasElement).dataset.state).toBe('loading');
    await expect(button(canvasElement).disabled).toBe(true);
    await expect(canvasElement.querySelector('[role="status"]')?.textContent).toBe('결제 준비 중…');
  },
};

export const English: Story = {
  args: { english: true },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, PART, 'ready');
    await expect(button(canvasElement).textContent).toBe('Pay ₩9,900 and subscribe');
  },
};

/** The window is open: the button is pending and a second press sends nothing. */
export const Pending: Story = {
  args: { orderId: 'sub_story_pending' },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, PART, 'ready');
    button(canvasElement).click();
    await waitForState(canvasElement, PART, 'pending');
    button(canvasElement).click();
    await expect(button(canvasElement).textContent).toBe('결제 진행 중…');
    await expect(calls()).toHaveLength(1);
  },
};

export const Success: Story = {
  args: { orderId: 'sub_story_success' },
  play: async ({ canvasElement }) => {
    await subscribe(canvasElement, 'approve', 'success');
    await expect(window.kcheckoutSandbox!.payments.at(-1)).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY_AND_PAY', method: 'MOBILE', amount: 9900, status: 'approved', billingKey: expect.stringMatching(/^billing-key-/) });
  },
};

export const Fail: Story = {
  args: { orderId: 'sub_story_fail' },
  play: async ({ canvasElement }) => subscribe(canvasElement, 'decline', 'fail'),
};

/** The buyer closed the window: not an error; the button is ready for another try. */
export const Cancel: Story = {
  args: { orderId: 'sub_story_cancel' },
  play: async ({ canvasElement }) => {
    await subscribe(canvasElement, 'cancel', 'cancel');
    await expect(button(canvasElement).dataset.state).toBe('ready');
  },
};

/** Redirect mode: the window sends the buyer to redirectUrl with the key and the payment in the query. */
export const Redirect: Story = {
  args: { orderId: 'sub_story_redirect', redirect: true },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, PART, 'ready');
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    button(canvasElement).click();
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="redirect-target"]')?.textContent).toContain('transactionType=ISSUE_BILLING_KEY_AND_PAY'), { timeout: 5000 });
    await expect(canvasElement.querySelector('[data-testid="redirect-target"]')?.textContent).toMatch(/billingKey=billing-key-.*paymentId=sub_story_redirect/);
  },
};

/** An order id outside the shared rule: refused next to the button, before any vendor call. */
export const InvalidOrder: Story = {
  args: { orderId: 'bad id' },
  play: async ({ canvasElement }) => {
    await waitForError(canvasElement, 'INVALID_ORDER_ID');
    await expect(button(canvasElement).disabled).toBe(true);
    await expect(calls()).toHaveLength(0);
  },
};

export const ScriptFailure: Story = {
  args: { script: 'missing' },
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, PART, 'error');
    await expect(canvasElement.querySelector('[role="alert"] button')?.textContent).toBe('다시 시도');
  },
};
