import { type ConfirmableRedirect, en, type Provider, RedirectResult, rememberOrder } from '@kcheckout/react';
import { enIdentityResult, IdentityVerificationResult } from '@kcheckout/react/portone';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useSyncExternalStore } from 'react';
import { expect, waitFor } from 'storybook/test';

// <RedirectResult> on the page a vendor redirects to, driven by example query strings (shaped like
// the sandbox's and the vendors' own redirects). `confirm` goes to a fake merchant server in the
// page that counts its calls, so each story shows, and its play function checks, that a success was
// confirmed exactly once and that nothing else was confirmed at all. Stories run under StrictMode.

// --- The fake merchant server ------------------------------------------------------------------
// Its call count lives in sessionStorage, like the confirm-once markers: a reload keeps both, and
// the e2e test reloads the Landing story to prove the count stays at 1.

const CALLS_KEY = 'kcheckout-story:confirm-calls';
const FAIL_NEXT_KEY = 'kcheckout-story:fail-next-confirm';
const listeners = new Set<() => void>();

const readCalls = () => Number(sessionStorage.getItem(CALLS_KEY) ?? '0');

function subscribeCalls(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What a shop's `POST /api/payments/confirm` would do: confirm with the vendor, answer the order. */
async function fakeMerchantConfirm(result: ConfirmableRedirect) {
  sessionStorage.setItem(CALLS_KEY, String(readCalls() + 1));
  for (const listener of listeners) listener();
  // A network round trip, long enough to see the confirming state.
  await new Promise((resolve) => setTimeout(resolve, 400));
  if (sessionStorage.getItem(FAIL_NEXT_KEY)) {
    sessionStorage.removeItem(FAIL_NEXT_KEY);
    throw new Error('가맹점 서버가 응답하지 않습니다 (502 Bad Gateway)');
  }
  return { orderId: result.orderId ?? result.billingKey ?? result.identityVerificationId, status: 'PAID', confirmedBy: 'storybook fake server' };
}

/** Forgets this tab's markers, remembered orders and count, so a story starts as a first visit. */
function freshVisit({ failFirstConfirm = false } = {}) {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith('kcheckout:') || key.startsWith('kcheckout-story:')) sessionStorage.removeItem(key);
  }
  if (failFirstConfirm) sessionStorage.setItem(FAIL_NEXT_KEY, '1');
}

interface PageArgs {
  /** The redirect's query; left out, the page reads the iframe's own `location.search`. */
  search?: string;
  /** `auto`: no provider prop, so the page detects the vendor from the query. */
  provider?: Provider | 'auto';
  expectedAmount?: number;
  locale?: 'ko' | 'en';
  /** `identity`: the return page of an identity verification (<IdentityVerificationResult> from /portone). */
  page?: 'payment' | 'identity';
}

/** A shop's result page: the component, plus the fake server's call count. */
function ResultPage({ search, provider, expectedAmount, locale, page }: PageArgs) {
  const calls = useSyncExternalStore(subscribeCalls, readCalls, () => 0);
  return (
    <div style={{ maxWidth: 560, fontFamily: 'system-ui, sans-serif' }}>
      {page === 'identity' ? (
        <IdentityVerificationResult search={search} messages={locale === 'en' ? enIdentityResult : undefined} confirm={fakeMerchantConfirm} />
      ) : (
        <RedirectResult search={search} provider={provider === 'auto' ? undefined : provider} expectedAmount={expectedAmount} messages={locale === 'en' ? en : undefined} confirm={fakeMerchantConfirm} />
      )}
      <p style={{ marginTop: 24, fontSize: 13, color: '#4e5968' }}>
        가짜 가맹점 서버가 받은 confirm 요청: <strong data-testid="confirm-calls">{calls}</strong>회
      </p>
      <p style={{ fontSize: 12, color: '#6b7684', wordBreak: 'break-all' }}>
        쿼리: <code>{search ?? '(location.search)'}</code>
      </p>
    </div>
  );
}

const meta = {
  title: 'Redirect/Result',
  component: ResultPage,
  args: { provider: 'auto', locale: 'ko' },
  argTypes: {
    search: { control: 'text' },
    provider: { control: 'inline-radio', options: ['auto', 'toss', 'portone', 'iamport'] },
    expectedAmount: { control: { type: 'number', step: 1000 } },
    locale: { control: 'inline-radio', options: ['ko', 'en'] },
    page: { control: 'inline-radio', options: ['payment', 'identity'] },
  },
  // Every story but Landing starts as a first visit to its result page (Storybook runs this before
  // a story's own beforeEach). Landing keeps the tab's state, so a reload sees its first visit.
  beforeEach: ({ id }) => {
    if (!id.endsWith('--landing')) freshVisit();
  },
} satisfies Meta<typeof ResultPage>;

export default meta;
type Story = StoryObj<typeof meta>;

// --- Example queries ---------------------------------------------------------------------------

const enc = encodeURIComponent;
const TOSS_ORDER = 'order_story_0001';
const toss = {
  success: `?paymentType=NORMAL&orderId=${TOSS_ORDER}&paymentKey=tsbxStoryPaymentKey0000001&amount=50000`,
  fail: `?code=REJECT_CARD_COMPANY&message=${enc('카드사에서 결제를 거절했습니다. <b>다른 카드</b>로 시도해 주세요.')}&orderId=${TOSS_ORDER}`,
  cancel: `?code=PAY_PROCESS_CANCELED&message=${enc('사용자에 의해 결제가 취소되었습니다.')}&orderId=${TOSS_ORDER}`,
  invalid: `?orderId=${TOSS_ORDER}&amount=50000`,
  mismatch: `?paymentType=NORMAL&orderId=${TOSS_ORDER}&paymentKey=tsbxStoryPaymentKey0000002&amount=100`,
};
const portone = {
  success: '?paymentId=payment-story-0001&transactionType=PAYMENT&txId=0190e6a1-1b2c-7d3e-8f40-5a6b7c8d9e0f',
  fail:
    `?paymentId=payment-story-0001&transactionType=PAYMENT&txId=0190e6a1-1b2c-7d3e-8f40-5a6b7c8d9e10&code=FAILURE_TYPE_PG` +
    `&message=${enc('[SANDBOX_DECLINED] 카드사에서 승인을 거절했습니다.')}&pgCode=SANDBOX_DECLINED&pgMessage=${enc('카드사에서 승인을 거절했습니다.')}`,
  cancel: `?paymentId=payment-story-0001&transactionType=PAYMENT&code=FAILURE_TYPE_PG&message=${enc('사용자가 결제를 취소하였습니다.')}`,
  billingKey: '?transactionType=ISSUE_BILLING_KEY&billingKey=billing-key-0190e6a1-aaaa-7bbb-8ccc-dddddddddddd',
  identity: '?transactionType=IDENTITY_VERIFICATION&identityVerificationId=identity_story_0001&identityVerificationTxId=0190e6a1-1b2c-7d3e-8f40-5a6b7c8d9e11',
  identityCancel: `?transactionType=IDENTITY_VERIFICATION&identityVerificationId=identity_story_0002&code=FAILURE_TYPE_PG&message=${enc('사용자가 본인인증을 취소하였습니다.')}`,
};
const iamport = {
  success: '?imp_uid=imp_story000001&merchant_uid=mid_story_0001&imp_success=true',
  fail: `?imp_uid=imp_story000002&merchant_uid=mid_story_0001&imp_success=false&error_code=F400&error_msg=${enc('[카드사 승인 거절] 카드사에서 승인을 거절했습니다.')}`,
  cancel: `?imp_uid=imp_story000003&merchant_uid=mid_story_0001&imp_success=false&error_code=F400&error_msg=${enc('[결제포기] 사용자가 결제를 취소하셨습니다')}`,
};

// --- Play steps --------------------------------------------------------------------------------

const view = (root: HTMLElement) => root.querySelector('[data-kcheckout="redirect-result"]');
const calls = (root: HTMLElement) => root.querySelector('[data-testid="confirm-calls"]')?.textContent;

async function expectState(root: HTMLElement, state: string, confirmCalls: number) {
  await waitFor(() => expect(view(root)?.getAttribute('data-state')).toBe(state), { timeout: 5000 });
  // Give a stray second confirm time to show up before counting.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await expect(calls(root)).toBe(String(confirmCalls));
}

const settledIn = (state: string, confirmCalls: number): Story['play'] => ({ canvasElement }) => expectState(canvasElement, state, confirmCalls);

// --- Toss Payments -----------------------------------------------------------------------------

/** Toss `successUrl`: the amount matches the order `<CheckoutButton>` remembered, so confirm runs, once. */
export const TossSuccess: Story = {
  args: { search: toss.success },
  beforeEach: () => {
    rememberOrder({ orderId: TOSS_ORDER, amount: 50000, currency: 'KRW', provider: 'toss' });
  },
  play: settledIn('success', 1),
};

/** Toss `failUrl` after a card refusal. The vendor message (with markup in it) is printed as text. */
export const TossFail: Story = {
  args: { search: toss.fail },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'fail', 0);
    await expect(view(canvasElement)?.textContent).toContain('<b>다른 카드</b>');
    await expect(view(canvasElement)?.querySelector('b')).toBeNull();
  },
};

/** Toss `failUrl` with `PAY_PROCESS_CANCELED`: the buyer closed the window, a cancel, not an error. */
export const TossCancel: Story = { args: { search: toss.cancel }, play: settledIn('cancel', 0) };

/** A success address without `paymentKey` (cut off or edited): invalid, nothing is confirmed. */
export const TossInvalid: Story = {
  args: { search: toss.invalid },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'invalid', 0);
    await expect(view(canvasElement)?.getAttribute('data-code')).toBe('MISSING_PAYMENT_KEY');
  },
};

/** The order was for 50,000원 and the address says 100: `AMOUNT_MISMATCH`, and confirm is never called. */
export const TossAmountMismatch: Story = {
  args: { search: toss.mismatch },
  beforeEach: () => {
    rememberOrder({ orderId: TOSS_ORDER, amount: 50000, currency: 'KRW', provider: 'toss' });
  },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'invalid', 0);
    await expect(view(canvasElement)?.getAttribute('data-code')).toBe('AMOUNT_MISMATCH');
  },
};

/** The merchant server fails the first confirm: fail with a retry; the retry confirms (2 calls in all). */
export const TossConfirmFailsThenRetry: Story = {
  args: { search: toss.success },
  beforeEach: () => freshVisit({ failFirstConfirm: true }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'fail', 1);
    canvasElement.querySelector<HTMLButtonElement>('[data-kcheckout="redirect-result"] button')!.click();
    await expectState(canvasElement, 'success', 2);
  },
};

/** The same success page in English. */
export const TossSuccessEnglish: Story = {
  args: { search: toss.success, locale: 'en' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'success', 1);
    await expect(canvasElement.querySelector('h2')?.textContent).toBe('Payment complete.');
  },
};

// --- PortOne V2 --------------------------------------------------------------------------------

/** PortOne V2 `redirectUrl` after a payment: `paymentId` and `txId`, looked up by your server once. */
export const PortOneSuccess: Story = { args: { search: portone.success }, play: settledIn('success', 1) };

/** A PG refusal: `code`, `message`, `pgCode`, `pgMessage`. */
export const PortOneFail: Story = { args: { search: portone.fail }, play: settledIn('fail', 0) };

/** The buyer cancelled, reported under PortOne's generic `FAILURE_TYPE_PG`. */
export const PortOneCancel: Story = { args: { search: portone.cancel }, play: settledIn('cancel', 0) };

/** A billing key issued in redirect mode: your server stores it, once. */
export const PortOneBillingKey: Story = {
  args: { search: portone.billingKey },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'success', 1);
    await expect(canvasElement.querySelector('h2')?.textContent).toBe('결제수단이 등록되었습니다.');
  },
};

/**
 * An identity verification (본인인증) in redirect mode, on its own result page
 * (<IdentityVerificationResult> from /portone): your server looks it up (verifyPortOneIdentity), once.
 */
export const PortOneIdentityVerified: Story = {
  args: { search: portone.identity, page: 'identity' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'success', 1);
    await expect(canvasElement.querySelector('h2')?.textContent).toBe('본인인증이 완료되었습니다.');
  },
};

/** The same page in English (`enIdentityResult`). */
export const PortOneIdentityVerifiedEnglish: Story = {
  args: { search: portone.identity, page: 'identity', locale: 'en' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'success', 1);
    await expect(canvasElement.querySelector('h2')?.textContent).toBe('Identity verified.');
  },
};

/** The person closed the identity-verification window: nothing to look up. */
export const PortOneIdentityCancel: Story = {
  args: { search: portone.identityCancel, page: 'identity' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'cancel', 0);
    await expect(canvasElement.querySelector('h2')?.textContent).toBe('본인인증이 취소되었습니다.');
  },
};

/** A payment's result page is not an identity verification's: it shows nothing to confirm (`idle`). */
export const PortOneIdentityOnPaymentPage: Story = { args: { search: portone.identity }, play: settledIn('idle', 0) };

// --- PortOne V1 (iamport) ----------------------------------------------------------------------

/** iamport `m_redirect_url`: `imp_uid` and `merchant_uid`, looked up by your server once. */
export const IamportSuccess: Story = { args: { search: iamport.success }, play: settledIn('success', 1) };

/** `error_code` / `error_msg` mean failure, whatever the deprecated `imp_success` says. */
export const IamportFail: Story = { args: { search: iamport.fail }, play: settledIn('fail', 0) };

/** The buyer gave up ([결제포기]). */
export const IamportCancel: Story = { args: { search: iamport.cancel }, play: settledIn('cancel', 0) };

// --- The address bar ---------------------------------------------------------------------------

/** Opened without a payment result in the address. */
export const NoResult: Story = { args: { search: '?tab=orders' }, play: settledIn('idle', 0) };

/**
 * A real landing page: no `search` prop, so it reads the iframe's own `location.search` after
 * mount, as a plain Vite page does. Append a vendor query to the iframe URL, e.g.
 * `iframe.html?id=redirect-result--landing&viewMode=story&paymentKey=…&orderId=…&amount=…`.
 * Storybook keeps unknown parameters (it re-encodes them). Nothing is cleared here, so a reload
 * finds the markers and the count of the first visit.
 */
export const Landing: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(['idle', 'success', 'fail', 'cancel', 'invalid']).toContain(view(canvasElement)?.getAttribute('data-state')), {
      timeout: 5000,
    });
    if (view(canvasElement)?.getAttribute('data-state') === 'success') await expect(Number(calls(canvasElement))).toBeGreaterThan(0);
  },
};
