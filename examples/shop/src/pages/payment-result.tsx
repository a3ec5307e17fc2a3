import {
  checkRedirectAmount,
  clearConfirmMarker,
  forgetOrder,
  type ParsedRedirect,
  parseRedirect,
  paymentMarkerKey,
  readConfirmMarker,
  recallOrder,
  writeConfirmMarker,
} from '@kcheckout/core';
import { useEffect, useMemo, useState } from 'react';
import type { Order, ProviderName } from '../../shared/types.js';
import { api, type ConfirmInput, type ConfirmSuccess, confirmPayment, ShopApiError } from '../api.js';
import { linkProps } from '../router.js';
import { OrderStatusView } from './orders.js';

// The vendors' return addresses. The query proves nothing: the page hands the ids to the shop's
// server, which confirms (Toss) or looks up (PortOne, iamport) the payment against its own order.

type Success = ParsedRedirect & { status: 'success' };

function parse(search: string, provider: ProviderName): ParsedRedirect | null {
  const parsed = parseRedirect(search, { provider });
  // Client-side tamper check (Toss's redirect carries the amount): compare with the amount
  // <CheckoutButton> remembered for this order in this tab. The server checks again regardless.
  return parsed && checkRedirectAmount(parsed, recallOrder(parsed.orderId));
}

function confirmInput(result: Success): ConfirmInput {
  if (result.provider === 'toss') return { provider: 'toss', orderId: result.orderId!, paymentKey: result.paymentKey!, amount: result.amount! };
  if (result.provider === 'portone') return { provider: 'portone', orderId: result.paymentId!, paymentId: result.paymentId! };
  return { provider: 'iamport', orderId: result.orderId!, impUid: result.impUid! };
}

export function PaymentSuccessPage({ provider, search }: { provider: ProviderName; search: string }) {
  const parsed = useMemo(() => parse(search, provider), [search, provider]);
  if (!parsed) return <NoResult />;
  if (parsed.status === 'success') return <Confirm result={parsed as Success} />;
  if (parsed.status === 'invalid') return <Invalid result={parsed} />;
  return <Failed result={parsed} />;
}

export function PaymentFailPage({ provider, search }: { provider: ProviderName; search: string }) {
  const parsed = useMemo(() => parse(search, provider), [search, provider]);
  if (!parsed) return <NoResult />;
  if (parsed.status === 'fail' || parsed.status === 'cancel') return <Failed result={parsed} />;
  return <Invalid result={{ ...parsed, status: 'invalid', code: parsed.code ?? 'UNEXPECTED_RESULT', message: parsed.message ?? '실패 주소로 성공 결과가 왔습니다.' }} />;
}

// One confirm per payment: a module-level promise per payment covers StrictMode's second effect,
// and core's sessionStorage markers cover reloads and the back button in this tab. The server is
// idempotent too (a paid order answers without calling the vendor), for every other case.
const running = new Map<string, Promise<ConfirmSuccess>>();

type ConfirmState =
  | { state: 'confirming' }
  | { state: 'done'; order: Order; outcome?: ConfirmSuccess }
  | { state: 'error'; error: ShopApiError }
  | { state: 'interrupted' };

function useConfirmOnce(result: Success): ConfirmState & { retry: () => void } {
  const key = paymentMarkerKey(result)!;
  const input = confirmInput(result);
  const [state, setState] = useState<ConfirmState>({ state: 'confirming' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const show = (promise: Promise<ConfirmSuccess | undefined>) =>
      promise
        .then(async (outcome) => ({ order: await api.order(input.orderId), outcome }))
        .then(
          ({ order, outcome }) => {
            if (order.status === 'paid') forgetOrder(order.orderId);
            if (live) setState({ state: 'done', order, ...(outcome ? { outcome } : {}) });
          },
          (error: unknown) => live && setState({ state: 'error', error: error instanceof ShopApiError ? error : new ShopApiError(0, 'UNKNOWN', String(error), true) }),
        );

    let promise = running.get(key);
    if (!promise) {
      const marker = readConfirmMarker(key);
      if (attempt === 0 && marker?.state === 'done') {
        // Confirmed in this tab before (a reload, the back button): show the order as the server
        // has it, without confirming again.
        void show(Promise.resolve(undefined));
        return () => void (live = false);
      }
      if (attempt === 0 && marker?.state === 'started') {
        // An earlier visit left while its confirm was running: let the buyer start the retry.
        setState({ state: 'interrupted' });
        return () => void (live = false);
      }
      writeConfirmMarker(key, 'started');
      promise = confirmPayment(input).then(
        (outcome) => {
          writeConfirmMarker(key, 'done', { status: outcome.status });
          return outcome;
        },
        (error: unknown) => {
          clearConfirmMarker(key);
          running.delete(key);
          throw error;
        },
      );
      running.set(key, promise);
    }
    void show(promise);
    return () => void (live = false);
    // `input` follows from `result`, which `key` identifies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  return {
    ...state,
    retry: () => {
      setState({ state: 'confirming' });
      setAttempt((count) => count + 1);
    },
  };
}

function Confirm({ result }: { result: Success }) {
  const confirm = useConfirmOnce(result);
  if (confirm.state === 'confirming') {
    return (
      <section className="card" data-testid="payment-result" data-state="confirming">
        <h1>결제를 확인하고 있습니다…</h1>
        <p className="muted">창을 닫지 말아 주세요.</p>
      </section>
    );
  }
  if (confirm.state === 'interrupted') {
    return (
      <section className="card" data-testid="payment-result" data-state="interrupted">
        <h1>결제 확인이 중간에 멈췄습니다</h1>
        <p>이미 결제가 확인되었을 수 있습니다. 다시 확인해도 두 번 결제되지 않습니다.</p>
        <button type="button" className="primary" onClick={confirm.retry}>
          결제 다시 확인
        </button>
      </section>
    );
  }
  if (confirm.state === 'error') {
    const { error } = confirm;
    return (
      <section className="card" data-testid="payment-result" data-state="refused" data-code={error.code}>
        <h1>결제를 확인하지 못했습니다</h1>
        <p className="notice bad" role="alert">
          {error.message} ({error.code})
        </p>
        <p>주문은 결제되지 않았습니다.{error.retryable ? ' 잠시 뒤 다시 확인해 주세요. 다시 확인해도 두 번 결제되지 않습니다.' : ''}</p>
        {error.retryable && (
          <button type="button" className="primary" onClick={confirm.retry}>
            결제 다시 확인
          </button>
        )}
        <p>
          <a {...linkProps('/orders')}>주문 내역</a>
        </p>
      </section>
    );
  }
  const { order, outcome } = confirm;
  return (
    <section className="card" data-testid="payment-result" data-state={order.status} data-order-id={order.orderId}>
      <h1>{order.status === 'paid' ? '결제가 완료되었습니다' : outcome?.status === 'awaiting-deposit' ? '가상계좌가 발급되었습니다' : '결제가 아직 끝나지 않았습니다'}</h1>
      <OrderStatusView order={order} />
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
