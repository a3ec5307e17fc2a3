import { FREE_SHIPPING_FROM, won } from '../../shared/catalog.js';
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
      <ShippingRule subtotal={quote.subtotal} discount={quote.discount} shipping={quote.shipping} />
      <div className="row total">
        <span>결제 금액</span>
        <span data-testid="order-amount">{won(order.amount)}</span>
      </div>
    </section>
  );
}

/** The free-shipping rule, next to the shipping line: how much more makes shipping free. */
export function ShippingRule({ subtotal, discount, shipping }: { subtotal: number; discount: number; shipping: number }) {
  if (!shipping) return <p className="muted" data-testid="shipping-rule">{won(FREE_SHIPPING_FROM)} 이상 주문은 무료배송입니다.</p>;
  return (
    <p className="muted" data-testid="shipping-rule">
      {won(FREE_SHIPPING_FROM - (subtotal - discount))} 더 담으면 무료배송입니다 (쿠폰 적용 후 {won(FREE_SHIPPING_FROM)} 이상).
    </p>
  );
}

/**
 * Free shipping counts the total after the coupon, so a coupon can cost the buyer free shipping.
 * Said in the coupon card, where the buyer just applied it, with what the coupon really saves.
 */
export function CouponShippingWarning({ subtotal, discount, shipping }: { subtotal: number; discount: number; shipping: number }) {
  if (!shipping || !discount || subtotal < FREE_SHIPPING_FROM) return null;
  return (
    <p className="notice info" data-testid="coupon-shipping-warning">
      쿠폰을 적용한 금액이 {won(FREE_SHIPPING_FROM)} 미만이라 배송비 {won(shipping)}이 붙습니다. 이 쿠폰으로 아끼는 금액은{' '}
      {won(Math.max(0, discount - shipping))}입니다.
    </p>
  );
}
