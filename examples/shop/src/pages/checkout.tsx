import { createOrderId, detectDevice } from '@kcheckout/core';
import { Agreement, Checkout, CheckoutButton, type CheckoutProps, PaymentMethods, tossV1 } from '@kcheckout/react';
import { type FormEvent, useEffect, useState } from 'react';
import { COUPONS, won } from '../../shared/catalog.js';
import { type Gateway, GATEWAYS, type Order } from '../../shared/types.js';
import { api, type ConfirmInput, confirmPayment, refusalText, ShopApiError } from '../api.js';
import { linkProps, navigate } from '../router.js';
import { type LoadedConfig, useShopConfig } from '../shop-config.js';
import { CouponShippingWarning, OrderSummary } from './order-summary.js';

type Notice = { kind: 'ok' | 'bad' | 'info'; text: string; retry?: () => void };

const EASY_PAY_NAMES: Record<string, string> = { KAKAOPAY: '카카오페이', NAVERPAY: '네이버페이', TOSSPAY: '토스페이', PAYCO: '페이코', SAMSUNGPAY: '삼성페이' };

/**
 * The buyer's sentence for a refused payment. Toss's widget knows the method and words its own
 * message; for PortOne and iamport the shop knows which method was picked, and an easy-pay refusal
 * names the wallet (the PG's card-company wording would be wrong for 카카오페이).
 */
function refusalOf(result: { provider: string; message: string }, method: string | null): string {
  if (result.provider === 'toss') return `결제에 실패했습니다: ${result.message}`;
  return `결제에 실패했습니다. ${refusalReason(method)}`;
}

function refusalReason(method: string | null): string {
  if (method?.startsWith('easyPay')) {
    const wallet = EASY_PAY_NAMES[method.split(':')[1] ?? ''] ?? '간편결제';
    return `${wallet}에서 결제가 승인되지 않았습니다. 잔액이나 결제 한도, 연결된 결제수단을 확인해 주세요.`;
  }
  if (method === 'card') return '카드사에서 승인을 거절했습니다. 카드 한도나 정보를 확인해 주세요.';
  return '결제가 승인되지 않았습니다.';
}

/** The vendor, keys and script for one gateway, as `<Checkout>` props. */
function checkoutProps(gateway: Gateway, config: LoadedConfig, amount: number, customerKey: string): CheckoutProps {
  switch (gateway) {
    case 'toss-v2':
    case 'toss-v1': {
      const sdk = gateway === 'toss-v2' ? 'v2' : 'v1';
      // The frozen v1 SDK is passed in as its driver (tossV1); the string 'v1' is refused.
      return { provider: 'toss', sdk: sdk === 'v2' ? sdk : tossV1, clientKey: config.toss.clientKey, customerKey, amount, scriptSrc: config.scripts[`toss-${sdk}`] };
    }
    case 'portone':
      return { provider: 'portone', storeId: config.portone.storeId, channelKey: config.portone.channelKey, amount, scriptSrc: config.scripts['portone-v2'] };
    case 'iamport':
      return { provider: 'iamport', impCode: config.iamport.impCode, channelKey: config.iamport.channelKey, amount, scriptSrc: config.scripts['iamport-v1'] };
  }
}

/**
 * Where each vendor sends the buyer back. Toss: promise mode on PC (results arrive in onSuccess),
 * success/fail URLs on phones, where Toss has no promise mode. PortOne and iamport: one address,
 * used only where the vendor leaves the page (phones); on PC the result arrives in onSuccess.
 */
function redirectProps(gateway: Gateway, mobile: boolean) {
  const origin = location.origin;
  if (gateway === 'portone' || gateway === 'iamport') return { redirectUrl: `${origin}/payment/success/${gateway}` };
  return mobile ? { successUrl: `${origin}/payment/success/toss`, failUrl: `${origin}/payment/fail/toss` } : {};
}


/** Toss's customerKey: one random id per browser, never personal data. */
function customerKey(): string {
  let key = localStorage.getItem('shop.customerKey');
  if (!key) {
    key = createOrderId('buyer');
    localStorage.setItem('shop.customerKey', key);
  }
  return key;
}

export function CheckoutPage({ orderId }: { orderId: string }) {
  const { config, error: configError } = useShopConfig();
  const [order, setOrder] = useState<Order | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [paying, setPaying] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [coupon, setCoupon] = useState('');
  // A refused coupon is said in the coupon card, where the buyer typed it, not under the pay button.
  const [couponError, setCouponError] = useState<string | null>(null);
  // The method picked in the PortOne / iamport picker, so a refusal can name it (see refusalOf).
  const [method, setMethod] = useState<string | null>(null);
  // A phone or tablet by user agent, as the vendors decide it (a narrow desktop window is still a PC):
  // there Toss has no promise mode, so the button gets result URLs.
  const mobile = detectDevice() === 'mobile';

  useEffect(() => {
    api.order(orderId).then(setOrder, (error: Error) => setLoadError(error.message));
  }, [orderId]);

  if (loadError || configError) return <p className="notice bad" role="alert">{loadError ?? configError?.message}</p>;
  if (!order || !config) return <p className="muted">불러오는 중…</p>;
  if (order.status !== 'pending') {
    const title = { paid: '이미 결제된 주문입니다', 'awaiting-deposit': '입금을 기다리는 주문입니다', refunded: '환불된 주문입니다', expired: '만료된 주문입니다' }[order.status];
    return (
      <section className="card" data-testid="checkout-closed" data-state={order.status}>
        <h1>{title}</h1>
        {order.status === 'expired' && <p>결제창을 연 지 오래되어 주문이 만료되었습니다. 장바구니에서 다시 주문해 주세요.</p>}
        <a {...linkProps(`/orders/${order.orderId}`)}>주문 보기</a>
      </section>
    );
  }

  const change = async (patch: { gateway?: Gateway; coupon?: string | null }, onError = (text: string) => setNotice({ kind: 'bad', text })) => {
    setBusy(true);
    setCouponError(null);
    try {
      // The server re-prices the order; the checkout below then gets the new amount (setAmount,
      // no widget re-render). Once a payment window has opened for it, the order's amount is
      // frozen, so the server answers a new order instead and the page moves to it.
      const changed = await api.updateOrder(order.orderId, patch);
      // A new page (keyed by order id) loads the new order; replace, so Back skips the frozen one.
      if (changed.replaces) navigate(`/checkout/${changed.orderId}`, { replace: true });
      else setOrder(changed);
      setNotice(null);
      return true;
    } catch (error) {
      onError((error as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const applyCoupon = async (event: FormEvent) => {
    event.preventDefault();
    if (await change({ coupon: coupon.trim() }, setCouponError)) setCoupon('');
  };

  const confirm = async (input: ConfirmInput) => {
    setNotice({ kind: 'info', text: '결제를 확인하고 있습니다…' });
    try {
      await confirmPayment(input);
      navigate(`/orders/${input.orderId}`, { replace: true });
    } catch (error) {
      const refused = error instanceof ShopApiError ? error : new ShopApiError(0, 'UNKNOWN', String(error), true);
      // PAYMENT_REFUNDED is final: the money went back, so there is nothing to confirm again.
      const retry = refused.retryable ? () => void confirm(input) : undefined;
      setNotice({ kind: 'bad', text: `결제를 확인하지 못했습니다: ${refusalText(refused)}`, ...(retry ? { retry } : {}) });
    }
  };

  const provider = GATEWAYS.find((entry) => entry.id === order.gateway)!.provider;
  const onSandbox = config[provider].sandbox;

  return (
    <>
      <h1>주문 결제</h1>
      <OrderSummary order={order} />
      <section className="card">
        <h2>쿠폰</h2>
        <form className="row coupon-form" onSubmit={applyCoupon}>
          <input
            type="text"
            aria-label="쿠폰 코드"
            aria-invalid={couponError ? true : undefined}
            aria-describedby={couponError ? 'coupon-error' : undefined}
            placeholder={COUPONS.map((entry) => entry.code).join(' / ')}
            value={coupon}
            onChange={(event) => setCoupon(event.target.value)}
            disabled={busy || paying}
          />
          <button type="submit" disabled={busy || paying || !coupon.trim()}>
            적용
          </button>
          {order.quote.coupon && (
            <button type="button" disabled={busy || paying} onClick={() => void change({ coupon: null })}>
              쿠폰 빼기
            </button>
          )}
        </form>
        {couponError && (
          <p className="notice bad" role="alert" id="coupon-error" data-testid="coupon-error">
            {couponError}
          </p>
        )}
        <CouponShippingWarning subtotal={order.quote.subtotal} discount={order.quote.discount} shipping={order.quote.shipping} />
        <p className="muted">{COUPONS.map((entry) => `${entry.code}: ${entry.label}`).join(' · ')}</p>
      </section>
      <section className="card">
        <fieldset className="gateways" disabled={busy || paying}>
          <legend>
            <h2>결제 서비스</h2>
          </legend>
          {GATEWAYS.map((entry) => (
            <label key={entry.id}>
              <input type="radio" name="gateway" value={entry.id} checked={order.gateway === entry.id} onChange={() => void change({ gateway: entry.id })} /> {entry.label}
            </label>
          ))}
        </fieldset>
      </section>
      <section
        className="card"
        aria-label="결제"
        onChange={(event) => {
          const picked = (event.target as HTMLElement).closest('[data-method]')?.getAttribute('data-method');
          if (picked) setMethod(picked);
        }}
      >
        {/* A new gateway is a new checkout: the key remounts it, so one vendor session never talks to another. */}
        <Checkout key={order.gateway} {...checkoutProps(order.gateway, config, order.amount, customerKey())}>
          <PaymentMethods />
          <Agreement />
          <CheckoutButton
            order={{ orderId: order.orderId, orderName: order.orderName }}
            {...redirectProps(order.gateway, mobile)}
            // The server freezes the order at the amount this page shows before any window opens;
            // a stale page (the price changed elsewhere) is refused with ORDER_CHANGED.
            beforePayment={(payment) => api.openOrder(payment.orderId, order.amount).then(() => undefined)}
            onClick={() => {
              setPaying(true);
              setNotice(null);
            }}
            onSuccess={(result) => {
              setPaying(false);
              void confirm({
                provider: result.provider,
                orderId: result.orderId,
                ...(result.paymentKey ? { paymentKey: result.paymentKey, amount: result.amount } : {}),
                ...(result.paymentId ? { paymentId: result.paymentId } : {}),
                ...(result.impUid ? { impUid: result.impUid } : {}),
              });
            }}
            onFail={(result) => {
              setPaying(false);
              if (result.code === 'BEFORE_PAYMENT_FAILED') {
                const cause = result.error?.cause;
                if (cause instanceof ShopApiError && cause.code === 'ORDER_CHANGED') void api.order(order.orderId).then(setOrder, () => undefined);
                setNotice({ kind: 'bad', text: `결제창을 열지 않았습니다: ${cause instanceof ShopApiError ? cause.message : result.message}` });
                return;
              }
              setNotice({ kind: 'bad', text: `${refusalOf(result, method)} (${result.code}) 다른 결제수단으로 다시 시도할 수 있습니다.` });
            }}
            onCancel={() => {
              setPaying(false);
              setNotice({ kind: 'info', text: '결제를 취소했습니다. 주문은 그대로 있으니 다시 결제할 수 있습니다.' });
            }}
          />
        </Checkout>
        {notice && (
          <div className={`notice ${notice.kind}`} role={notice.kind === 'bad' ? 'alert' : 'status'} data-testid="checkout-notice">
            {notice.text}
            {notice.retry && (
              <button type="button" style={{ marginLeft: 8 }} onClick={notice.retry}>
                다시 확인
              </button>
            )}
          </div>
        )}
        {onSandbox && <p className="sandbox-note">오프라인 샌드박스: 결제창에서 승인·거절·취소를 고를 수 있고, 실제 돈은 움직이지 않습니다.</p>}
      </section>
      <p className="muted">
        결제 금액 {won(order.amount)}은 서버에 저장된 주문의 금액입니다. 결제가 끝나면 서버가 벤더 API로 확인한 뒤에만 주문이 결제 완료가 됩니다.
      </p>
    </>
  );
}
