import {
  Agreement,
  BillingAuthResult,
  BillingKeyButton,
  type BillingKeyCancelled,
  type BillingKeyFailed,
  enBillingAuth,
  PaymentMethods,
  TossBillingCheckout,
} from '@kcheckout/react/toss';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { STALLED_SCRIPT_PATH } from '../.storybook/stalled-script.mjs';
import { expectResult, partState, press, RedirectCapture, ResultPanel, waitForError, waitForState } from './story-parts';

// Toss billing (자동결제 등록): an API individual key (test_ck_…), card or transfer, and the result on the
// redirect (authKey + customerKey), read by <BillingAuthResult>. Always on the sandbox.

interface BillingShopArgs {
  keys: 'api' | 'widget';
  customerKey: string;
  script: 'sandbox' | 'missing' | 'stalled';
  defaultMethod: 'card' | 'transfer';
  agreement: boolean;
  /** Without it, Toss has nowhere to return the result: REDIRECT_URL_REQUIRED. */
  redirectUrl: boolean;
}

const KEYS = { api: sandboxClientKeys.tossApi, widget: sandboxClientKeys.toss } as const;
const BUTTON = 'billing-key-button';

/** The README's lines, with the redirect captured instead of followed and a card with a refusal. */
function BillingShop({ keys, customerKey, script, defaultMethod, agreement, redirectUrl }: BillingShopArgs) {
  const [result, setResult] = useState<BillingKeyFailed | BillingKeyCancelled | null>(null);
  const scriptSrc = script === 'missing' ? '/kcheckout-missing-sdk.js' : script === 'stalled' ? STALLED_SCRIPT_PATH : sandboxScriptUrl('toss-v2');
  return (
    <RedirectCapture>
      <div style={{ maxWidth: 480 }}>
        <TossBillingCheckout
          clientKey={KEYS[keys]}
          customerKey={customerKey}
          defaultMethod={{ type: defaultMethod }}
          scriptSrc={scriptSrc}
          timeoutMs={script === 'stalled' ? 10 * 60 * 1000 : 3000}
        >
          <PaymentMethods />
          {agreement && <Agreement style={{ marginTop: 12 }} />}
          <BillingKeyButton
            redirectUrl={redirectUrl ? '/billing/result' : undefined}
            issue={{ customerName: '김토스' }}
            onFail={setResult}
            onCancel={setResult}
            style={{ marginTop: 16, padding: '12px 20px', fontSize: 16 }}
          />
        </TossBillingCheckout>
        {result && <ResultPanel result={result} />}
      </div>
    </RedirectCapture>
  );
}

const meta = {
  title: 'Toss Payments/Billing',
  component: BillingShop,
  args: { keys: 'api', customerKey: 'member_42', script: 'sandbox', defaultMethod: 'card', agreement: false, redirectUrl: true },
  argTypes: {
    keys: { control: 'select', options: ['api', 'widget'] },
    script: { control: 'select', options: ['sandbox', 'missing', 'stalled'] },
    defaultMethod: { control: 'select', options: ['card', 'transfer'] },
  },
} satisfies Meta<typeof BillingShop>;
export default meta;
type Story = StoryObj<typeof meta>;

const billingRequests = () => (window.kcheckoutSandbox?.log ?? []).filter((entry) => entry.method === 'payment.requestBillingAuth');
const target = (root: HTMLElement) => root.querySelector('[data-testid="redirect-target"] code')?.textContent;

async function register(root: HTMLElement, outcome: 'approve' | 'decline' | 'cancel') {
  await waitForState(root, BUTTON, 'ready');
  window.kcheckoutSandbox!.nextOutcome = outcome;
  await press(root, BUTTON);
}

/** Card picked, the button live: "결제수단 등록하기". */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, BUTTON, 'ready');
    await expect(canvasElement.querySelectorAll('input[type="radio"]')).toHaveLength(2);
    await expect(canvasElement.querySelector(`button[data-kcheckout="${BUTTON}"]`)?.textContent).toBe('결제수단 등록하기');
  },
};

/** The SDK script is on its way: the button waits. */
export const Loading: Story = {
  args: { script: 'stalled' },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(partState(canvasElement, BUTTON)).toBe('loading');
    await expect(canvasElement.querySelector(`button[data-kcheckout="${BUTTON}"]`)).toHaveProperty('disabled', true);
  },
};

/** An agreement checkbox shown: the button waits for it. */
export const AwaitingAgreement: Story = {
  args: { agreement: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(partState(canvasElement, 'payment-methods')).toBe('ready'), { timeout: 5000 });
    await expect(canvasElement.querySelector(`button[data-kcheckout="${BUTTON}"]`)).toHaveProperty('disabled', true);
  },
};

/** The registration window is open: the button is pending. */
export const Pending: Story = {
  play: async ({ canvasElement }) => {
    await waitForState(canvasElement, BUTTON, 'ready');
    await press(canvasElement, BUTTON);
    await waitForState(canvasElement, BUTTON, 'pending');
  },
};

/** Registered: Toss leaves for redirectUrl with customerKey and authKey, for your server's billing-key issue. */
export const Success: Story = {
  play: async ({ canvasElement }) => {
    await register(canvasElement, 'approve');
    await waitFor(() => expect(target(canvasElement)).toBeTruthy(), { timeout: 5000 });
    const url = new URL(target(canvasElement)!);
    await expect(url.pathname).toBe('/billing/result');
    await expect([...url.searchParams.keys()].sort()).toEqual(['authKey', 'customerKey']);
    await expect(url.searchParams.get('customerKey')).toBe('member_42');
  },
};

/** A transfer account registered instead of a card. */
export const Transfer: Story = {
  args: { defaultMethod: 'transfer' },
  play: async ({ canvasElement }) => {
    await register(canvasElement, 'approve');
    await waitFor(() => expect(target(canvasElement)).toBeTruthy(), { timeout: 5000 });
    await expect(billingRequests()[0]?.args[0]).toMatchObject({ method: 'TRANSFER' });
  },
};

/** The card company declined: Toss leaves for the fail URL with code and message. */
export const Fail: Story = {
  play: async ({ canvasElement }) => {
    await register(canvasElement, 'decline');
    await waitFor(() => expect(target(canvasElement)).toBeTruthy(), { timeout: 5000 });
    await expect(new URL(target(canvasElement)!).searchParams.get('code')).toBe('REJECT_CARD_COMPANY');
  },
};

/** The buyer closed the window: a cancel (USER_CANCEL), and the button is ready again. */
export const Cancel: Story = {
  play: async ({ canvasElement }) => {
    await register(canvasElement, 'cancel');
    await expectResult(canvasElement, 'cancel');
    await waitForState(canvasElement, BUTTON, 'ready');
  },
};

/** No redirectUrl: Toss billing has no promise mode, so the press fails with REDIRECT_URL_REQUIRED and calls nothing. */
export const MissingRedirectUrl: Story = {
  args: { redirectUrl: false },
  play: async ({ canvasElement }) => {
    await register(canvasElement, 'approve');
    await expectResult(canvasElement, 'fail');
    await expect(canvasElement.querySelector('[data-testid="result"]')?.textContent).toContain('REDIRECT_URL_REQUIRED');
    await expect(billingRequests()).toHaveLength(0);
  },
};

/** A guest customerKey cannot hold a billing key: INVALID_OPTION before anything loads. */
export const AnonymousCustomer: Story = {
  args: { customerKey: '@@ANONYMOUS' },
  play: ({ canvasElement }) => waitForError(canvasElement, 'INVALID_OPTION'),
};

/** A widget key (test_gck_…): INVALID_KEY asks for the API individual key. */
export const InvalidKey: Story = {
  args: { keys: 'widget' },
  play: ({ canvasElement }) => waitForError(canvasElement, 'INVALID_KEY'),
};

/** The SDK script cannot be fetched: an error with a retry button. */
export const ScriptFailure: Story = {
  args: { script: 'missing' },
  play: ({ canvasElement }) => waitForError(canvasElement, 'SCRIPT_LOAD_FAILED', 8000),
};

/** The result page after a registration: <BillingAuthResult> calls your server once per authKey. */
function ResultPage({ search, english = false, failIssue = false, hold = false }: { search: string; english?: boolean; failIssue?: boolean; hold?: boolean }) {
  return (
    <BillingAuthResult
      search={search}
      messages={english ? enBillingAuth : undefined}
      confirm={async () => {
        // `hold`: the server never answers, so the page stays on "registering".
        await new Promise((resolve) => (hold ? undefined : setTimeout(resolve, 200)));
        if (failIssue) throw Object.assign(new Error('NOT_FOUND_AUTH_KEY'), { code: 'NOT_FOUND_AUTH_KEY' });
        return { billingKeyStored: true };
      }}
    />
  );
}

const resultState = (root: HTMLElement) => root.querySelector('[data-kcheckout="redirect-result"]')?.getAttribute('data-state');

/** Back from a registration: the server issued the billing key. */
export const ResultSuccess: Story = {
  render: () => <ResultPage search={`?customerKey=member_42&authKey=bln_story_${Date.now().toString(36)}`} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(resultState(canvasElement)).toBe('success'), { timeout: 5000 });
    await expect(canvasElement.textContent).toContain('결제수단이 등록되었습니다.');
  },
};

/** Back from a registration, in English, while the server is still issuing. */
export const ResultPendingEnglish: Story = {
  render: () => <ResultPage english hold search={`?customerKey=member_42&authKey=bln_story_${Date.now().toString(36)}p`} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(resultState(canvasElement)).toBe('confirming'), { timeout: 5000 });
    await expect(canvasElement.textContent).toContain('Registering your payment method…');
  },
};

/** Back from a decline: nothing to issue. */
export const ResultFail: Story = {
  render: () => <ResultPage search="?code=REJECT_CARD_COMPANY&message=%EA%B2%B0%EC%A0%9C%20%EC%8A%B9%EC%9D%B8%EC%9D%B4%20%EA%B1%B0%EC%A0%88%EB%90%98%EC%97%88%EC%8A%B5%EB%8B%88%EB%8B%A4." />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(resultState(canvasElement)).toBe('fail'), { timeout: 5000 });
    await expect(canvasElement.textContent).toContain('결제수단을 등록하지 못했습니다.');
  },
};

/** Back with authKey but no customerKey: invalid, nothing is issued. */
export const ResultInvalid: Story = {
  render: () => <ResultPage search="?authKey=bln_story_cut" />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(resultState(canvasElement)).toBe('invalid'), { timeout: 5000 });
    await expect(canvasElement.querySelector('[data-kcheckout="redirect-result"]')?.getAttribute('data-code')).toBe('MISSING_CUSTOMER_KEY');
  },
};

/** The server could not issue the key: a retry is offered. */
export const ResultIssueFailed: Story = {
  render: () => <ResultPage failIssue search={`?customerKey=member_42&authKey=bln_story_${Date.now().toString(36)}f`} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(resultState(canvasElement)).toBe('fail'), { timeout: 5000 });
    await expect(canvasElement.textContent).toContain('결제수단 등록을 완료하지 못했습니다.');
  },
};

/** The states side by side. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 24 }}>
      <section data-testid="tile-ready">
        <h3>준비됨 (ready)</h3>
        <BillingShop {...args} />
      </section>
      <section data-testid="tile-loading">
        <h3>불러오는 중 (loading)</h3>
        <BillingShop {...args} script="stalled" />
      </section>
      <section data-testid="tile-anonymous">
        <h3>비회원 (ANONYMOUS)</h3>
        <BillingShop {...args} customerKey="@@ANONYMOUS" />
      </section>
      <section data-testid="tile-result">
        <h3>등록 결과 (result)</h3>
        <ResultPage search="?code=PAY_PROCESS_CANCELED&message=%EC%B7%A8%EC%86%8C" />
      </section>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const tile = (name: string) => canvasElement.querySelector<HTMLElement>(`[data-testid="tile-${name}"]`)!;
    await waitForState(tile('ready'), BUTTON, 'ready');
    await expect(partState(tile('loading'), BUTTON)).toBe('loading');
    await waitForError(tile('anonymous'), 'INVALID_OPTION');
    await waitFor(() => expect(resultState(tile('result'))).toBe('cancel'));
  },
};
