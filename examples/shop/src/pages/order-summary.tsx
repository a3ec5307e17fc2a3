import { won } from '../../shared/catalog.js';
import type { Order } from '../../shared/types.js';

export function OrderSummary({ order }: { order: Order }) {
  const { quote } = order;
  return (
    <section className="card" aria-label="주문 요약">
      <h2>
        주문 <code>{order.orderId}</code>
      </h2>
      <ul className="plain">
        {quote.lines.map((line) => (
          <li key={line.sku} className="row">
            <span>
              {line.name} × {line.quantity}
            </span>
            <span>{won(line.total)}</span>
          </li>
        ))}
      </ul>
      {quote.coupon && (
        <div className="row">
          <span>쿠폰 {quote.coupon.code}</span>
          <span>−{won(quote.discount)}</span>
        </div>
      )}
      <div className="row">
        <span>배송비</span>
        <span>{quote.shipping ? won(quote.shipping) : '무료'}</span>
      </div>
      <div className="row total">
        <span>결제 금액</span>
        <span data-testid="order-amount">{won(order.amount)}</span>
      </div>
    </section>
  );
}
