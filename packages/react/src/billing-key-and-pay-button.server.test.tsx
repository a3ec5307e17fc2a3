import { renderToString } from 'react-dom/server';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as root from './index.js';
import { BillingKeyAndPayButton, type BillingKeyAndPaySucceeded, type UseBillingKeyAndPayResult } from './portone.js';

// Runs in Node: no window, no document. The button renders the same placeholder twice.
const keys = { storeId: 'store-6b636865-636b-4f75-8000-73616e64626f', channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f' };

describe('given <BillingKeyAndPayButton> in a server render', () => {
  it('renders a disabled button in the loading state with the amount, without touching the DOM', () => {
    expect(typeof window).toBe('undefined');
    const page = () => <BillingKeyAndPayButton {...keys} order={{ orderId: 'sub_first_0001', orderName: '월간 구독' }} amount={9900} redirectUrl="/subscribe/done" />;
    const html = renderToString(page());
    expect(html).toMatch(/<button[^>]*data-kcheckout="billing-key-and-pay-button"[^>]*data-state="loading"[^>]*disabled=""/);
    expect(html).toContain('9,900원 결제하고 자동결제 등록');
    expect(renderToString(page())).toBe(html);
  });

  it('renders an invalid order as INVALID_ORDER_ID on the server as on the client', () => {
    expect(renderToString(<BillingKeyAndPayButton {...keys} order={{ orderId: 'bad id', orderName: '월간 구독' }} amount={9900} />)).toContain('data-code="INVALID_ORDER_ID"');
  });
});

describe('given the public types', () => {
  it('hands onSuccess the key and the first payment, and the hook a request that resolves a result', () => {
    expectTypeOf<BillingKeyAndPaySucceeded>().toHaveProperty('billingKey').toEqualTypeOf<string>();
    expectTypeOf<BillingKeyAndPaySucceeded>().toHaveProperty('paymentId').toEqualTypeOf<string>();
    expectTypeOf<Awaited<ReturnType<UseBillingKeyAndPayResult['request']>>['status']>().toEqualTypeOf<'success' | 'redirecting' | 'cancel' | 'fail'>();
  });

  it('is exported from @kcheckout/react/portone only, not from the root entry', () => {
    expect('BillingKeyAndPayButton' in root).toBe(false);
    expect('useBillingKeyAndPay' in root).toBe(false);
  });
});
