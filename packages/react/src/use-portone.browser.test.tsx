import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useIamport, usePortOne } from './index.js';
import { resetPage, scriptTags, vendorCalls } from './test-utils/sandbox.js';

const strict = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;
const order = { orderId: 'order_hook_000001', orderName: '정기 배송 1회차' };
const won = { value: 39000, currency: 'KRW' as const };

beforeEach(resetPage);
afterEach(resetPage);

describe('given usePortOne on the PortOne V2 sandbox under StrictMode', () => {
  const options = { ...sandboxClientKeys.portone, scriptSrc: sandboxScriptUrl('portone-v2') };

  it('loads one script, becomes ready, and pays with KakaoPay in one request for two calls', async () => {
    const { result } = renderHook(() => usePortOne(options), { wrapper: strict });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(scriptTags(options.scriptSrc)).toHaveLength(1);

    window.kcheckoutSandbox!.nextOutcome = 'approve';
    let first!: Promise<unknown>;
    let second!: Promise<unknown>;
    act(() => {
      first = result.current.requestPayment(order, won, { type: 'easyPay', provider: 'KAKAOPAY' });
      second = result.current.requestPayment(order, won, { type: 'easyPay', provider: 'KAKAOPAY' });
    });
    expect(second).toBe(first);
    await waitFor(() => expect(result.current.status).toBe('pending'));
    await expect(first).resolves.toMatchObject({ status: 'success', provider: 'portone', orderId: order.orderId, paymentId: order.orderId });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(vendorCalls('requestPayment', 'portone-v2')).toHaveLength(1);
    const request = vendorCalls('requestPayment', 'portone-v2')[0]!.args[0] as Record<string, unknown>;
    expect(request).toMatchObject({ totalAmount: 39000, payMethod: 'EASY_PAY', easyPay: { easyPayProvider: 'KAKAOPAY' } });
  });

  it('reports a declined payment and a billing key', async () => {
    const { result } = renderHook(() => usePortOne(options), { wrapper: strict });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    window.kcheckoutSandbox!.nextOutcome = 'decline';
    await expect(result.current.requestPayment(order, won, { type: 'card' })).resolves.toMatchObject({ status: 'fail' });
    await waitFor(() => expect(result.current.pending).toBe(false));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    const issued = await result.current.requestIssueBillingKey({ issueName: '월간 구독', customerId: 'buyer_1' }, { type: 'card' });
    expect(issued).toMatchObject({ status: 'success', provider: 'portone' });
    expect((issued as { billingKey: string }).billingKey).toMatch(/^billing-key-/);
  });

  it('refuses a missing storeId with an error state, before any script loads', async () => {
    const { result } = renderHook(() => usePortOne({ ...options, storeId: '' }), { wrapper: strict });
    expect(result.current.status).toBe('error');
    expect(result.current.error?.message).toMatch(/storeId/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scriptTags(options.scriptSrc)).toHaveLength(0);
    expect(vendorCalls()).toHaveLength(0);
    expect(() => result.current.requestPayment(order, won, { type: 'card' })).toThrow(/not ready/);
  });

  it('shows a script that 404s as an error, and retries once it is reachable', async () => {
    const id = `portone-${Date.now()}`;
    await fetch(`/__kcheckout/script/${id}?mode=404&serve=portone-v2`, { method: 'POST' });
    const src = `/__kcheckout/script/${id}.js`;
    const { result } = renderHook(() => usePortOne({ ...options, scriptSrc: src, timeoutMs: 2000, retries: 0 }), { wrapper: strict });
    await waitFor(() => expect(result.current.error?.code).toBe('SCRIPT_LOAD_FAILED'));
    await fetch(`/__kcheckout/script/${id}?mode=ok`, { method: 'POST' });
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.status).toBe('ready'));
  });
});

describe('given useIamport on the iamport V1 sandbox under StrictMode', () => {
  const options = { ...sandboxClientKeys.iamport, scriptSrc: sandboxScriptUrl('iamport-v1') };

  it('loads one script, inits once, and turns the callback into a result', async () => {
    const { result } = renderHook(() => useIamport(options), { wrapper: strict });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    const paid = await result.current.requestPay(order, won, { type: 'card' });
    expect(paid).toMatchObject({ status: 'success', provider: 'iamport', orderId: order.orderId });
    expect((paid as { impUid: string }).impUid).toMatch(/^imp_/);
    expect(scriptTags(options.scriptSrc)).toHaveLength(1);
    expect(vendorCalls('init', 'iamport-v1')).toHaveLength(1);
    window.kcheckoutSandbox!.nextOutcome = 'cancel';
    await expect(result.current.requestPay({ ...order, orderId: 'order_hook_000002' }, won, { type: 'card' })).resolves.toMatchObject({
      status: 'cancel',
    });
  });

  it('refuses a missing impCode before any script loads', async () => {
    const { result } = renderHook(() => useIamport({ ...options, impCode: '' }), { wrapper: strict });
    expect(result.current.status).toBe('error');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scriptTags(options.scriptSrc)).toHaveLength(0);
    expect(vendorCalls()).toHaveLength(0);
  });
});
