import { useEffect, useState } from 'react';
import { won } from '../../shared/catalog.js';
import { GATEWAYS, type Order } from '../../shared/types.js';
import { api } from '../api.js';
import { linkProps } from '../router.js';
import { OrderSummary } from './order-summary.js';

const gatewayLabel = (order: Order) => GATEWAYS.find((entry) => entry.id === order.gateway)?.label ?? order.gateway;
const STATUS_LABELS: Record<Order['status'], string> = { pending: '결제 대기', 'awaiting-deposit': '입금 대기', paid: '결제 완료', refunded: '환불 완료', expired: '만료' };
const statusLabel = (order: Order) => STATUS_LABELS[order.status];
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('ko-KR') : '—');

/** Every order, as the database has it. */
export function OrdersPage() {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.orders().then(setOrders, (caught: Error) => setError(caught.message));
  }, []);
  if (error) return <p className="notice bad" role="alert">{error}</p>;
  if (!orders) return <p className="muted">불러오는 중…</p>;
  return (
    <>
      <h1>주문 내역</h1>
      <section className="card">
        {orders.length === 0 ? (
          <p className="muted">아직 주문이 없습니다.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>주문</th>
                <th>금액</th>
                <th>결제 서비스</th>
                <th>상태</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.orderId} data-order-id={order.orderId} data-status={order.status}>
                  <td>
                    <a {...linkProps(order.status === 'pending' ? `/checkout/${order.orderId}` : `/orders/${order.orderId}`)}>{order.orderName}</a>
                    <div className="muted">{time(order.createdAt)}</div>
                  </td>
                  <td>{won(order.amount)}</td>
                  <td>{gatewayLabel(order)}</td>
                  <td className={`status-${order.status}`}>{statusLabel(order)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function OrderPage({ orderId }: { orderId: string }) {
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.order(orderId).then(setOrder, (caught: Error) => setError(caught.message));
  }, [orderId]);
  if (error) return <p className="notice bad" role="alert">{error}</p>;
  if (!order) return <p className="muted">불러오는 중…</p>;
  return (
    <section className="card" data-testid="order" data-state={order.status} data-order-id={order.orderId}>
      <h1>{{ paid: '결제가 완료되었습니다', pending: '결제 대기 중인 주문', 'awaiting-deposit': '입금을 기다리는 주문', refunded: '환불된 주문', expired: '만료된 주문' }[order.status]}</h1>
      {order.status === 'awaiting-deposit' && <p>발급된 가상계좌로 입금하면 자동으로 결제 완료가 됩니다.</p>}
      <OrderStatusView order={order} />
      {order.status === 'pending' && <a {...linkProps(`/checkout/${order.orderId}`)}>결제하기</a>}
    </section>
  );
}

/** The order's status and payment, then its lines. */
export function OrderStatusView({ order }: { order: Order }) {
  return (
    <>
      <dl>
        <dt>상태</dt>
        <dd className={`status-${order.status}`} data-testid="order-status">
          {statusLabel(order)}
        </dd>
        <dt>결제 서비스</dt>
        <dd>{gatewayLabel(order)}</dd>
        {order.paidAt && (
          <>
            <dt>결제 시각</dt>
            <dd>{time(order.paidAt)}</dd>
          </>
        )}
      </dl>
      <OrderSummary order={order} />
      <a {...linkProps('/orders')}>주문 내역 전체 보기</a>
    </>
  );
}
