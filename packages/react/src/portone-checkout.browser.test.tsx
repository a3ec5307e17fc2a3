import { recallOrder } from '@kcheckout/core';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { useDevice } from '../../../test/sandbox-page.js';
import {
  Agreement,
  BillingKeyButton,
  Checkout,
  CheckoutButton,
  type CheckoutButtonProps,
  type CheckoutProps,
  PaymentMethods,
} from './index.js';
import { clientKey, resetPage, scriptSrcFor, scriptTags, vendorCalls } from './test-utils/sandbox.js';

/** What reaches console.error (the developer's diagnoses, in development builds), kept off the test output. */
function developerConsole() {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  onTestFinished(() => spy.mockRestore());
  return () => spy.mock.calls.map(([first]) => (first instanceof Error ? first.message : String(first)));
}

type MethodProvider = 'portone' | 'iamport';

const keys = {
  portone: { provider: 'portone', ...sandboxClientKeys.portone },
  iamport: { provider: 'iamport', ...sandboxClientKeys.iamport },
} as const;
const sdkOf = { portone: 'portone-v2', iamport: 'iamport-v1' } as const;
const requestOf = { portone: 'requestPayment', iamport: 'request_pay' } as const;

function checkoutProps(provider: MethodProvider, extra: Partial<CheckoutProps> = {}): CheckoutProps {
  return { ...keys[provider], scriptSrc: sandboxScriptUrl(sdkOf[provider]), amount: 39000, ...extra } as CheckoutProps;
}

function Shop({ provider, checkout, button, children }: { provider: MethodProvider; checkout?: Partial<CheckoutProps>; button?: Partial<CheckoutButtonProps>; children?: ReactNode }) {
  return (
    <StrictMode>
      <Checkout {...checkoutProps(provider, checkout)}>
        <PaymentMethods />
        <Agreement />
        <CheckoutButton order={{ orderName: '원두 1kg 정기배송' }} {...button} />
        {children}
      </Checkout>
    </StrictMode>
  );
}

const payButton = () => document.querySelector<HTMLButtonElement>('[data-kcheckout="checkout-button"]')!;
const methods = () => document.querySelector('[data-kcheckout="payment-methods"]')!;
const radio = (key: string) => document.querySelector<HTMLInputElement>(`[data-method="${key}"] input`)!;
const agree = () => fireEvent.click(document.querySelector<HTMLInputElement>('[data-kcheckout="agreement-checkbox"] input')!);
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function ready() {
  await waitFor(() => expect(methods().getAttribute('data-state')).toBe('ready'));
}

beforeEach(async () => {
  await resetPage();
  await useDevice('pc');
});
afterEach(resetPage);

describe.each<MethodProvider>(['portone', 'iamport'])('given <Checkout provider="%s"> on the sandbox under StrictMode', (provider) => {
  const sdk = sdkOf[provider];

  it('loads one script, offers the methods as a radio group, and waits for a method and the agreement', async () => {
    render(<Shop provider={provider} />);
    expect(methods().getAttribute('data-state')).toBe('loading');
    expect(screen.getByRole('status').textContent).toBe('결제 모듈을 불러오는 중…');
    await ready();
    expect(scriptTags(sandboxScriptUrl(sdk))).toHaveLength(1);

    const group = screen.getByRole('group', { name: '결제수단' });
    const labels = Array.from(group.querySelectorAll('label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['신용·체크카드', '카카오페이', '네이버페이', '토스페이', '계좌이체', '가상계좌', '휴대폰']);
    expect(payButton().disabled).toBe(true);
    expect(payButton().textContent).toBe('39,000원 결제하기');

    fireEvent.click(radio('card'));
    expect(payButton().disabled).toBe(true);
    agree();
    await waitFor(() => expect(payButton().disabled).toBe(false));
    expect(document.querySelector('[data-kcheckout="agreement"]')!.hasAttribute('data-agreed')).toBe(true);
  });

  it('is keyboard-operable: Tab reaches the group and the arrow keys change the method', async () => {
    render(<Shop provider={provider} />);
    await ready();
    radio('card').focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(radio('easyPay:KAKAOPAY').checked).toBe(true);
    expect(document.activeElement).toBe(radio('easyPay:KAKAOPAY'));
    await userEvent.keyboard('{ArrowDown}');
    expect(radio('easyPay:NAVERPAY').checked).toBe(true);
    agree();
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    await waitFor(() => expect(payButton().disabled).toBe(false));
    fireEvent.click(payButton());
    await waitFor(() => expect(vendorCalls(requestOf[provider], sdk)).toHaveLength(1));
    const request = vendorCalls(requestOf[provider], sdk)[0]!.args[0] as Record<string, unknown>;
    if (provider === 'portone') expect(request).toMatchObject({ payMethod: 'EASY_PAY', easyPay: { easyPayProvider: 'NAVERPAY' } });
    else expect(request).toMatchObject({ pay_method: 'naverpay' });
  });

  it('makes one vendor request for a double click and reports the approved payment', async () => {
    const onSuccess = vi.fn();
    render(<Shop provider={provider} checkout={{ defaultMethod: { type: 'card' } }} button={{ onSuccess }} />);
    await ready();
    agree();
    await waitFor(() => expect(payButton().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    act(() => {
      payButton().click();
      payButton().click();
    });
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(vendorCalls(requestOf[provider], sdk)).toHaveLength(1);
    const result = onSuccess.mock.calls[0]![0];
    expect(result).toMatchObject({ status: 'success', provider, amount: 39000, currency: 'KRW' });
    expect(result.orderId).toMatch(/^[A-Za-z0-9_-]{6,40}$/);
    expect(provider === 'portone' ? result.paymentId : result.impUid).toBeTruthy();
    expect(recallOrder(result.orderId)).toMatchObject({ amount: 39000, currency: 'KRW', provider });
    await waitFor(() => expect(payButton().getAttribute('data-state')).toBe('ready'));
  });

  it.each([
    ['decline', 'onFail'],
    ['cancel', 'onCancel'],
  ] as const)('reports a %s through %s', async (outcome, handler) => {
    const spy = vi.fn();
    render(<Shop provider={provider} checkout={{ defaultMethod: { type: 'card' } }} button={{ [handler]: spy }} />);
    await ready();
    agree();
    await waitFor(() => expect(payButton().disabled).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = outcome;
    fireEvent.click(payButton());
    await waitFor(() => expect(payButton().getAttribute('data-state')).toBe('pending'));
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    expect(spy.mock.calls[0]![0]).toMatchObject({ status: outcome === 'decline' ? 'fail' : 'cancel', provider });
  });

  it('sends the current amount after a coupon changes it, without reloading anything', async () => {
    function CouponShop() {
      const [amount, setAmount] = useState(39000);
      return (
        <StrictMode>
          <Checkout {...checkoutProps(provider, { amount, defaultMethod: { type: 'card' } })}>
            <PaymentMethods />
            <CheckoutButton order={{ orderName: '원두 1kg' }} />
            <button type="button" onClick={() => setAmount(35000)}>
              쿠폰 적용
            </button>
          </Checkout>
        </StrictMode>
      );
    }
    render(<CouponShop />);
    await ready();
    fireEvent.click(screen.getByRole('button', { name: '쿠폰 적용' }));
    expect(payButton().textContent).toBe('35,000원 결제하기');
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(payButton());
    await waitFor(() => expect(vendorCalls(requestOf[provider], sdk)).toHaveLength(1));
    const request = vendorCalls(requestOf[provider], sdk)[0]!.args[0] as Record<string, unknown>;
    expect(provider === 'portone' ? request.totalAmount : request.amount).toBe(35000);
    expect(scriptTags(sandboxScriptUrl(sdk))).toHaveLength(1);
  });

  it('refuses a bad amount and a bad order id with errors that name the fix, and never calls the vendor', async () => {
    render(<Shop provider={provider} checkout={{ amount: -500 }} />);
    await waitFor(() => expect(methods().getAttribute('data-state')).toBe('error'));
    expect(methods().querySelector('[data-kcheckout="error"]')!.getAttribute('data-code')).toBe('INVALID_AMOUNT');
    expect(payButton().disabled).toBe(true);
    await act(async () => {
      render(<Shop provider={provider} checkout={{ defaultMethod: { type: 'card' } }} button={{ order: { orderName: '원두', orderId: '주문-1' } }} />);
    });
    const alert = document.querySelectorAll<HTMLElement>('[data-kcheckout="checkout-button"] + [role="alert"]');
    expect(alert[alert.length - 1]!.getAttribute('data-code')).toBe('INVALID_ORDER_ID');
    await settle();
    expect(vendorCalls(requestOf[provider], sdk)).toHaveLength(0);
  });

  it('refuses a secret passed to the browser before loading anything', async () => {
    const secretField = provider === 'portone' ? { storeId: 'A'.repeat(64) } : { impCode: 'B'.repeat(80) };
    render(<Shop provider={provider} checkout={secretField} />);
    expect(methods().querySelector('[data-kcheckout="error"]')!.getAttribute('data-code')).toBe('SECRET_KEY_IN_BROWSER');
    expect(methods().textContent).not.toContain('A'.repeat(64));
    await settle();
    expect(scriptTags(sandboxScriptUrl(sdk))).toHaveLength(0);
    expect(vendorCalls()).toHaveLength(0);
  });

  it('refuses successUrl / failUrl, which PortOne does not have, pointing to redirectUrl', async () => {
    const diagnoses = developerConsole();
    render(<Shop provider={provider} button={{ successUrl: '/ok', failUrl: '/fail' }} />);
    const alert = screen.getAllByRole('alert').find((element) => element.getAttribute('data-code') === 'INVALID_OPTION')!;
    // The buyer reads the table's sentence; the fix is the developer's, in the console.
    expect(alert.textContent).toBe('주문 정보가 올바르지 않아 결제할 수 없습니다.');
    await waitFor(() => expect(diagnoses().some((message) => message.includes('redirectUrl'))).toBe(true));
    expect(payButton().getAttribute('data-state')).toBe('error');
  });

  it.each([
    ['404', 'SCRIPT_LOAD_FAILED', 2000],
    ['hang', 'SCRIPT_TIMEOUT', 300],
  ] as const)('shows a script that answers %s as %s, with a retry that works', async (mode, code, timeoutMs) => {
    const id = `${provider}-${mode}-${Date.now()}`;
    await fetch(`/__kcheckout/script/${id}?mode=${mode}&serve=${sdk}`, { method: 'POST' });
    render(<Shop provider={provider} checkout={{ scriptSrc: `/__kcheckout/script/${id}.js`, retries: 0, timeoutMs }} />);
    await waitFor(() => expect(methods().querySelector('[data-kcheckout="error"]')?.getAttribute('data-code')).toBe(code));
    await fetch(`/__kcheckout/script/${id}?mode=ok`, { method: 'POST' });
    fireEvent.click(screen.getByRole('button', { name: '다시 시도' }));
    await ready();
  });

  it('leaves no state update behind when unmounted while the payment window is open', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const { unmount } = render(<Shop provider={provider} checkout={{ defaultMethod: { type: 'card' } }} />);
    await ready();
    agree();
    await waitFor(() => expect(payButton().disabled).toBe(false));
    fireEvent.click(payButton());
    await waitFor(() => expect(document.querySelector('[data-kcheckout-sandbox="payment-window"]')).not.toBeNull());
    unmount();
    document.querySelector<HTMLButtonElement>('[data-kcheckout-sandbox="payment-window"] [data-outcome="approve"]')!.click();
    await settle();
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('on a phone, leaves for redirectUrl (made absolute) with the vendor query', async () => {
    await useDevice('mobile');
    const navigations: string[] = [];
    render(<Shop provider={provider} checkout={{ defaultMethod: { type: 'card' } }} button={{ redirectUrl: '/payment/result?cart=7' }} />);
    await ready();
    agree();
    await waitFor(() => expect(payButton().disabled).toBe(false));
    window.kcheckoutSandbox!.navigate = (url) => navigations.push(url);
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(payButton());
    await waitFor(() => expect(navigations).toHaveLength(1));
    const url = new URL(navigations[0]!);
    expect(url.origin + url.pathname).toBe(`${location.origin}/payment/result`);
    expect(url.searchParams.get('cart')).toBe('7');
    if (provider === 'portone') expect(url.searchParams.get('transactionType')).toBe('PAYMENT');
    else expect(url.searchParams.get('imp_uid')).toMatch(/^imp_/);
  });
});

describe('given PortOne V2 options that only V2 has', () => {
  it('passes windowType through and redirects on PC when it asks for REDIRECTION', async () => {
    const navigations: string[] = [];
    render(
      <Shop
        provider="portone"
        checkout={{ defaultMethod: { type: 'card' } }}
        button={{ redirectUrl: '/payment/result', windowType: { pc: 'REDIRECTION' } }}
      />,
    );
    await ready();
    agree();
    await waitFor(() => expect(payButton().disabled).toBe(false));
    window.kcheckoutSandbox!.navigate = (url) => navigations.push(url);
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(payButton());
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(vendorCalls('requestPayment', 'portone-v2')[0]!.args[0]).toMatchObject({ windowType: { pc: 'REDIRECTION' } });
  });

  it("sends the README's forceRedirect with a relative redirectUrl made absolute, and redirects on PC", async () => {
    const navigations: string[] = [];
    render(<Shop provider="portone" checkout={{ defaultMethod: { type: 'card' } }} button={{ redirectUrl: '/payment/result', forceRedirect: true }} />);
    await ready();
    agree();
    await waitFor(() => expect(payButton().disabled).toBe(false));
    window.kcheckoutSandbox!.navigate = (url) => navigations.push(url);
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(payButton());
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(vendorCalls('requestPayment', 'portone-v2')[0]!.args[0]).toMatchObject({ forceRedirect: true, redirectUrl: `${location.origin}/payment/result` });
    expect(new URL(navigations[0]!).searchParams.get('transactionType')).toBe('PAYMENT');
  });

  it('refuses windowType without redirectUrl, and windowType on iamport', async () => {
    const diagnoses = developerConsole();
    render(<Shop provider="portone" button={{ windowType: { pc: 'POPUP' } }} />);
    await waitFor(() => expect(diagnoses().some((message) => message.includes('redirectUrl'))).toBe(true));
    render(<Shop provider="iamport" button={{ windowType: { pc: 'POPUP' }, redirectUrl: '/r' }} />);
    await waitFor(() => expect(diagnoses().some((message) => message.includes('provider="portone"'))).toBe(true));
    expect(screen.getAllByRole('alert').map((alert) => alert.getAttribute('data-code'))).toEqual(['INVALID_OPTION', 'INVALID_OPTION']);
  });
});

describe('given <BillingKeyButton>', () => {
  it('issues a billing key with the picked method and reports it, charging nothing', async () => {
    const onIssued = vi.fn();
    render(
      <StrictMode>
        <Checkout {...checkoutProps('portone', { amount: 9900 })}>
          <PaymentMethods methods={[{ type: 'card' }, { type: 'easyPay', provider: 'KAKAOPAY' }, { type: 'transfer' }]} />
          <BillingKeyButton issue={{ issueName: '월간 구독', customerId: 'buyer_1' }} onIssued={onIssued} />
        </Checkout>
      </StrictMode>,
    );
    const button = () => document.querySelector<HTMLButtonElement>('[data-kcheckout="billing-key-button"]')!;
    await ready();
    fireEvent.click(radio('transfer'));
    expect(button().disabled).toBe(true);
    fireEvent.click(radio('easyPay:KAKAOPAY'));
    expect(button().disabled).toBe(false);
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    act(() => {
      button().click();
      button().click();
    });
    await waitFor(() => expect(onIssued).toHaveBeenCalledTimes(1));
    expect(onIssued.mock.calls[0]![0].billingKey).toMatch(/^billing-key-/);
    expect(vendorCalls('requestIssueBillingKey', 'portone-v2')).toHaveLength(1);
    expect(vendorCalls('requestIssueBillingKey', 'portone-v2')[0]!.args[0]).toMatchObject({
      billingKeyMethod: 'EASY_PAY',
      easyPay: { easyPayProvider: 'KAKAOPAY' },
      issueName: '월간 구독',
    });
    expect(vendorCalls('requestPayment', 'portone-v2')).toHaveLength(0);
  });

  it('refuses to render outside provider="portone", naming the fix', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <Checkout provider="toss" clientKey={clientKey} customerKey="buyer_1" amount={9900} scriptSrc={scriptSrcFor('v2')}>
          <BillingKeyButton />
        </Checkout>,
      ),
    ).toThrow(/provider="portone"/);
    quiet.mockRestore();
  });
});

describe('given a <PaymentMethods methods> list', () => {
  it('shows custom labels and reports a method iamport cannot request instead of failing at payment time', async () => {
    const diagnoses = developerConsole();
    render(
      <StrictMode>
        <Checkout {...checkoutProps('iamport')}>
          <PaymentMethods methods={[{ type: 'card', label: '카드 (무이자 3개월)' }, { type: 'easyPay' }, { type: 'mobile' }]} />
        </Checkout>
      </StrictMode>,
    );
    expect(screen.getByRole('radio', { name: '카드 (무이자 3개월)' })).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(1);
    const alert = screen.getAllByRole('alert')[0]!;
    expect(alert.getAttribute('data-code')).toBe('INVALID_OPTION');
    await waitFor(() => expect(diagnoses().some((message) => message.includes('provider'))).toBe(true));
  });
});
