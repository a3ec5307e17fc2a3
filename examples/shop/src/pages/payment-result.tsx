import { forgetOrder, type ParsedRedirect, parseRedirect } from '@kcheckout/core';
import { type CheckoutError, type ConfirmableRedirect, RedirectResult } from '@kcheckout/react';
import { useEffect, useState } from 'react';
import type { Order, ProviderName } from '../../shared/types.js';
import { api, type ConfirmInput, type ConfirmSuccess, confirmPayment, refusalText, ShopApiError } from '../api.js';
import { linkProps } from '../router.js';
import { OrderStatusView } from './orders.js';

// The vendors' return addresses. The query proves nothing: <RedirectResult> checks the amount
// against the one <CheckoutButton> remembered in this tab, then hands the ids to the shop's server
// once per payment (StrictMode, reloads, the back button), which confirms (Toss) or looks up
// (PortOne, iamport) the payment against its own order. The server is idempotent too.

function confirmInput(result: ConfirmableRedirect): ConfirmInput {
  if (result.provider === 'toss') return { provider: 'toss', orderId: result.orderId!, paymentKey: result.paymentKey!, amount: result.amount! };
  if (result.provider === 'portone') return { provider: 'portone', orderId: result.paymentId!, paymentId: result.paymentId! };
  return { provider: 'iamport', orderId: result.orderId!, impUid: result.impUid! };
}

// confirmPayment waits out CONFIRM_IN_PROGRESS (a webhook or another tab holds the order) by itself.
const confirm = (result: ConfirmableRedirect) => confirmPayment(confirmInput(result));

export function PaymentSuccessPage({ provider, search }: { provider: ProviderName; search: string }) {
  return <PaymentResult provider={provider} search={search} />;
}

export function PaymentFailPage({ provider, search }: { provider: ProviderName; search: string }) {
  // A success on the fail address is not confirmed: <RedirectResult> would, so it never sees one.
  const parsed = parseRedirect(search, { provider });
  if (parsed?.status === 'success') {
    return <Invalid result={{ ...parsed, status: 'invalid', code: 'UNEXPECTED_RESULT', message: '실패 주소로 성공 결과가 왔습니다.' }} />;
  }
  return <PaymentResult provider={provider} search={search} />;
}

function PaymentResult({ provider, search }: { provider: ProviderName; search: string }) {
  return (
    <RedirectResult
      provider={provider}
      search={search}
      confirm={confirm}
      pending={({ interrupted, retry }) => (interrupted ? <Interrupted retry={retry} /> : <Confirming />)}
      success={({ result, outcome }) => <Confirmed orderId={confirmInput(result).orderId} outcome={outcome} />}
      fail={({ result, error, retry }) => (error ? <Refused error={shopError(error)} retry={retry} /> : <Failed result={result} />)}
      cancel={({ result }) => <Failed result={result} />}
      invalid={({ result }) => <Invalid result={result} />}
      idle={() => <NoResult />}
    />
  );
}

/** The shop's refusal (code, retryable) is the cause of the library's `CONFIRM_FAILED` error. */
function shopError(error: CheckoutError): ShopApiError {
  return error.cause instanceof ShopApiError ? error.cause : new ShopApiError(0, error.vendorCode ?? 'UNKNOWN', error.message, true);
}

/** Confirmed: show the order as the server has it, not the redirect's word for it. */
function Confirmed({ orderId, outcome }: { orderId: string; outcome: ConfirmSuccess | undefined }) {
  const [order, setOrder] = useState<Order | ShopApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    api.order(orderId).then(
      (order) => {
        if (order.status === 'paid') forgetOrder(order.orderId);
        if (live) setOrder(order);
      },
      (error: unknown) => live && setOrder(error instanceof ShopApiError ? error : new ShopApiError(0, 'UNKNOWN', String(error), true)),
    );
    return () => void (live = false);
  }, [orderId, attempt]);

  if (!order) return <Confirming />;
  if (order instanceof ShopApiError) {
    const retry = () => {
      setOrder(null);
      setAttempt((count) => count + 1);
    };
    return <Refused error={order} retry={retry} />;
  }
  return (
    <section className="card" data-testid="payment-result" data-state={order.status} data-order-id={order.orderId}>
      <h1>
        {order.status === 'paid'
          ? '결제가 완료되었습니다'
          : order.status === 'awaiting-deposit' || outcome?.status === 'awaiting-deposit'
            ? '가상계좌가 발급되었습니다'
            : order.status === 'expired'
              ? '주문이 만료되었습니다'
              : order.status === 'refunded'
                ? '결제가 환불되었습니다'
              : '결제가 아직 끝나지 않았습니다'}
      </h1>
      <OrderStatusView order={order} />
    </section>
  );
}

function Confirming() {
  return (
    <section className="card" data-testid="payment-result" data-state="confirming">
      <h1>결제를 확인하고 있습니다…</h1>
      <p className="muted">창을 닫지 말아 주세요.</p>
    </section>
  );
}

function Interrupted({ retry }: { retry?: (() => void) | undefined }) {
  return (
    <section className="card" data-testid="payment-result" data-state="interrupted">
      <h1>결제 확인이 중간에 멈췄습니다</h1>
      <p>이미 결제가 확인되었을 수 있습니다. 다시 확인해도 두 번 결제되지 않습니다.</p>
      <button type="button" className="primary" onClick={retry}>
        결제 다시 확인
      </button>
    </section>
  );
}

function Refused({ error, retry }: { error: ShopApiError; retry?: (() => void) | undefined }) {
  return (
    <section className="card" data-testid="payment-result" data-state="refused" data-code={error.code}>
      <h1>결제를 확인하지 못했습니다</h1>
      <p className="notice bad" role="alert">
        {refusalText(error)}
      </p>
      <p>주문은 결제되지 않았습니다.{error.retryable ? ' 잠시 뒤 다시 확인해 주세요. 다시 확인해도 두 번 결제되지 않습니다.' : ''}</p>
      {/* PAYMENT_REFUNDED is final (the money went back): never offer to confirm it again. */}
      {error.retryable && error.code !== 'PAYMENT_REFUNDED' && retry && (
        <button type="button" className="primary" onClick={retry}>
          결제 다시 확인
        </button>
      )}
      <p>
        <a {...linkProps('/orders')}>주문 내역</a>
      </p>
    </section>
  );
}

function Failed({ result }: { result: ParsedRedirect }) {
  const cancelled = result.status === 'cancel';
  return (
    <section className="card" data-testid="payment-result" data-state={result.status} data-code={result.code}>
      <h1>{cancelled ? '결제를 취소했습니다' : '결제에 실패했습니다'}</h1>
      <p className={`notice ${cancelled ? 'info' : 'bad'}`} role={cancelled ? 'status' : 'alert'}>
        {result.message ?? '알 수 없는 이유'} {result.code && <span className="muted">({result.code})</span>}
      </p>
      <p>주문은 결제되지 않았습니다.</p>
      {result.orderId && (
        <a {...linkProps(`/checkout/${result.orderId}`)}>다시 결제하기</a>
      )}
    </section>
  );
}

function Invalid({ result }: { result: ParsedRedirect }) {
  return (
    <section className="card" data-testid="payment-result" data-state="invalid" data-code={result.code}>
      <h1>결제 결과를 믿을 수 없습니다</h1>
      <p className="notice bad" role="alert">
        {result.message} ({result.code})
      </p>
      <p>이 결제는 확인하지 않았고, 주문은 결제되지 않았습니다.</p>
      <a {...linkProps('/orders')}>주문 내역</a>
    </section>
  );
}

function NoResult() {
  return (
    <section className="card" data-testid="payment-result" data-state="idle">
      <h1>결제 결과가 없습니다</h1>
      <a {...linkProps('/orders')}>주문 내역</a>
    </section>
  );
}
