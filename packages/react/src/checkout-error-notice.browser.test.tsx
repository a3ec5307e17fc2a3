import { CheckoutError } from '@kcheckout/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { Checkout, CheckoutButton, en, ko, type Messages, PaymentMethods, RedirectResult, type TossCheckoutProps } from './index.js';
import { clientKey, resetPage, scriptSrcFor } from './test-utils/sandbox.js';
import { axeViolations } from './test-utils/axe.js';

// Every error state a buyer can meet, in both tables: the box says the table's sentence for the
// code, never the developer's diagnosis, which goes to the console once.

let serial = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(serial += 1)}`;

let consoleError: MockInstance<typeof console.error>;
beforeEach(async () => {
  await resetPage();
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('kcheckout:')) sessionStorage.removeItem(key);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  consoleError.mockRestore();
  await resetPage();
});

/** The console.error calls that carry `code` (an error object with it, or a line naming it). */
function reported(code: string) {
  return consoleError.mock.calls.filter(([first]) => (first instanceof CheckoutError ? first.code === code : String(first).includes(code)));
}

function Shop({ messages, ...props }: Partial<TossCheckoutProps> & { messages: Messages; orderId?: string }) {
  const { orderId, ...checkout } = props as Partial<TossCheckoutProps> & { orderId?: string };
  return (
    <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={50000} sdk="v2" scriptSrc={scriptSrcFor('v2')} messages={messages} {...checkout}>
      <PaymentMethods />
      <CheckoutButton order={{ orderName: '생수 외 1건', ...(orderId ? { orderId } : {}) }} />
    </Checkout>
  );
}

const tables: [string, Messages][] = [
  ['ko', ko],
  ['en', en],
];

describe.each(tables)('given the %s messages', (_, text) => {
  describe('and a checkout whose script cannot load', () => {
    it('says the fallback sentence with a retry, and the script URL only in the console', async () => {
      const id = unique('missing-');
      await fetch(`/__kcheckout/script/${id}?mode=404&serve=toss-v2`, { method: 'POST' });
      const src = `/__kcheckout/script/${id}.js`;
      render(<StrictMode><Shop messages={text} scriptSrc={src} timeoutMs={2000} /></StrictMode>);
      const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
      expect(alert.getAttribute('data-code')).toBe('SCRIPT_LOAD_FAILED');
      expect(alert.textContent).toBe(`${text.errorTitle}${text.errorFallback}${text.retry}`);
      expect(alert.textContent).not.toContain(src);
      expect(screen.getByRole('button', { name: text.retry })).toBeTruthy();
      await waitFor(() => expect(reported('SCRIPT_LOAD_FAILED')).toHaveLength(1));
      expect(String((reported('SCRIPT_LOAD_FAILED')[0]![0] as Error).message)).toContain(src);
      expect(await axeViolations(document.body)).toEqual([]);
    });
  });

  describe('and invalid checkout props', () => {
    it.each([
      ['a secret key', { clientKey: 'test_sk_FAKE_kcheckout_secret_tail' }, 'SECRET_KEY_IN_BROWSER', 'test_sk_'],
      ['a NaN amount', { amount: Number.NaN }, 'INVALID_AMOUNT', 'NaN'],
    ])('says the fallback sentence for %s, with no retry, and the diagnosis once in the console', async (_name, props, code, prose) => {
      const view = render(<StrictMode><Shop messages={text} {...props} /></StrictMode>);
      const alert = await screen.findByRole('alert');
      expect(alert.getAttribute('data-code')).toBe(code);
      expect(alert.textContent).toBe(`${text.errorTitle}${text.errorFallback}`);
      expect(alert.textContent).not.toContain(prose);
      expect(screen.queryByRole('button', { name: text.retry })).toBeNull();
      view.rerender(<StrictMode><Shop messages={text} {...props} /></StrictMode>);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(reported(code)).toHaveLength(1);
      expect((reported(code)[0]![0] as Error).message).toContain(prose);
      expect(await axeViolations(document.body)).toEqual([]);
    });
  });

  describe('and a bad order id on the button', () => {
    it('says only the invalid-order sentence next to it, and the diagnosis once however often it re-renders', async () => {
      const view = render(<StrictMode><Shop messages={text} orderId="bad id!" /></StrictMode>);
      const alert = screen.getAllByRole('alert').find((element) => element.getAttribute('data-code') === 'INVALID_ORDER_ID')!;
      expect(alert.textContent).toBe(text.invalidOrder);
      expect(screen.getByRole('button', { name: /결제|Pay/ }).getAttribute('aria-describedby')).toBe(alert.id);
      for (let i = 0; i < 3; i += 1) view.rerender(<StrictMode><Shop messages={text} orderId="bad id!" /></StrictMode>);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(reported('INVALID_ORDER_ID')).toHaveLength(1);
      expect((reported('INVALID_ORDER_ID')[0]![0] as Error).message).toContain('bad id!');
      expect(await axeViolations(document.body)).toEqual([]);
    });
  });

  describe('and the redirect result page', () => {
    const page = () => document.querySelector('[data-kcheckout="redirect-result"]')!;
    const settled = (state: string) => waitFor(() => expect(page().getAttribute('data-state')).toBe(state));
    const tossSuccess = (amount = 50000) => `?paymentType=NORMAL&orderId=${unique('order_')}&paymentKey=${unique('tviva')}&amount=${amount}`;

    it('keeps the card company’s refusal, written for the buyer, as text', async () => {
      const refusal = '카드사에서 결제를 거절했습니다.';
      render(<StrictMode><RedirectResult messages={text} search={`?code=REJECT_CARD_COMPANY&message=${encodeURIComponent(refusal)}&orderId=order_123456`} confirm={() => undefined} /></StrictMode>);
      await settled('fail');
      expect(screen.getByRole('heading').textContent).toBe(text.redirectFailTitle);
      expect(screen.getByRole('alert').textContent).toContain(refusal);
      expect(await axeViolations(page())).toEqual([]);
    });

    it('says the fallback sentence with a retry when confirm fails, and what it threw only in the console', async () => {
      const confirm = vi.fn(async () => {
        throw new Error('502 Bad Gateway from /api/payments/confirm');
      });
      render(<StrictMode><RedirectResult messages={text} search={tossSuccess()} confirm={confirm} /></StrictMode>);
      await settled('fail');
      const alert = screen.getByRole('alert');
      expect(screen.getByRole('heading').textContent).toBe(text.redirectConfirmFailTitle);
      expect(alert.textContent).toContain(text.errorFallback);
      expect(alert.textContent).not.toContain('502');
      expect(screen.getByRole('button', { name: text.retry })).toBeTruthy();
      await waitFor(() => expect(reported('CONFIRM_FAILED')).toHaveLength(1));
      expect((reported('CONFIRM_FAILED')[0]![0] as Error).message).toContain('502 Bad Gateway');
      expect(await axeViolations(page())).toEqual([]);
    });

    it('says the payment was refunded, with no retry, when the server answers PAYMENT_REFUNDED and retryable: false', async () => {
      const confirm = vi.fn(async () => {
        throw Object.assign(new Error('The vendor reports the payment as CANCELLED: it was refunded, and the order was not marked paid.'), {
          code: 'PAYMENT_REFUNDED',
          retryable: false,
        });
      });
      render(<StrictMode><RedirectResult messages={text} search={tossSuccess()} confirm={confirm} /></StrictMode>);
      await settled('fail');
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(text === en ? 'The payment could not be confirmed and was refunded automatically.' : '결제가 확인되지 않아 자동으로 환불(취소)되었습니다.');
      expect(alert.textContent).not.toContain('CANCELLED');
      expect(screen.queryByRole('button')).toBeNull();
      expect(confirm).toHaveBeenCalledTimes(1);
      await waitFor(() => expect(reported('CONFIRM_FAILED')).toHaveLength(1));
      expect(await axeViolations(page())).toEqual([]);
    });

    it('says the query cannot be checked, naming no parameter, for a redirect without paymentKey', async () => {
      render(<StrictMode><RedirectResult messages={text} search={`?paymentType=NORMAL&orderId=${unique('order_')}&amount=50000`} confirm={() => undefined} /></StrictMode>);
      await settled('invalid');
      const alert = screen.getByRole('alert');
      expect(screen.getByRole('heading').textContent).toBe(text.redirectInvalidTitle);
      expect(alert.textContent).toContain(text.redirectInvalidBody);
      expect(alert.textContent).not.toContain('paymentKey');
      await waitFor(() => expect(reported('MISSING_PAYMENT_KEY')).toHaveLength(1));
      expect(String(reported('MISSING_PAYMENT_KEY')[0]![0])).toContain('paymentKey');
      expect(await axeViolations(page())).toEqual([]);
    });

    it('says the amounts differ, in the buyer’s language only, and never confirms', async () => {
      const confirm = vi.fn();
      render(<StrictMode><RedirectResult messages={text} search={tossSuccess(100)} expectedAmount={50000} confirm={confirm} /></StrictMode>);
      await settled('invalid');
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(text.redirectAmountMismatch);
      expect(alert.textContent).not.toMatch(/tamper|조작/);
      await waitFor(() => expect(reported('AMOUNT_MISMATCH')).toHaveLength(1));
      expect(confirm).not.toHaveBeenCalled();
      expect(await axeViolations(page())).toEqual([]);
    });
  });
});

describe('given a messages table with a sentence for the shop’s own server code', () => {
  it('shows it for a confirm that throws that code, and keeps the retry', async () => {
    const messages: Messages = { ...ko, errors: { ...ko.errors, CONFIRM_IN_PROGRESS: '다른 창에서 결제를 확인하고 있습니다.' } };
    const confirm = async () => {
      throw Object.assign(new Error('Another request is confirming this order'), { code: 'CONFIRM_IN_PROGRESS', retryable: true });
    };
    render(<RedirectResult messages={messages} search={`?paymentType=NORMAL&orderId=${unique('order_')}&paymentKey=${unique('tviva')}&amount=50000`} confirm={confirm} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('다른 창에서 결제를 확인하고 있습니다.'));
    expect(screen.getByRole('button', { name: ko.retry })).toBeTruthy();
    await waitFor(() => expect(reported('CONFIRM_FAILED')).toHaveLength(1));
  });

  it('never reads a method of Object.prototype as a sentence', async () => {
    const confirm = async () => {
      throw Object.assign(new Error('x'), { code: 'constructor' });
    };
    render(<RedirectResult search={`?paymentType=NORMAL&orderId=${unique('order_')}&paymentKey=${unique('tviva')}&amount=50000`} confirm={confirm} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(ko.errorFallback));
    await waitFor(() => expect(reported('CONFIRM_FAILED')).toHaveLength(1));
  });
});
