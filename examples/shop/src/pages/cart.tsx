import { useState } from 'react';
import { PRODUCTS, quote, won } from '../../shared/catalog.js';
import { api } from '../api.js';
import { cart, useCart } from '../cart.js';
import { navigate } from '../router.js';
import { ShippingRule } from './order-summary.js';

export function CartPage() {
  const lines = useCart();
  const [ordering, setOrdering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = lines.length > 0 ? quote(lines) : null;

  const order = async () => {
    setOrdering(true);
    setError(null);
    try {
      // The server prices the cart and stores the order before any payment window opens.
      const created = await api.createOrder(lines);
      cart.clear();
      navigate(`/checkout/${created.orderId}`);
    } catch (caught) {
      setError((caught as Error).message);
      setOrdering(false);
    }
  };

  return (
    <>
      <h1>원두와 도구</h1>
      <section className="card">
        <ul className="plain">
          {PRODUCTS.map((product) => (
            <li key={product.sku} className="row">
              <div>
                <div>{product.name}</div>
                <div className="muted">{product.description}</div>
              </div>
              <div className="row">
                <span>{won(product.price)}</span>
                <button type="button" aria-label={`${product.name} 담기`} onClick={() => cart.add(product.sku)}>
                  담기
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="cart-title">
        <h2 id="cart-title">장바구니</h2>
        {preview ? (
          <>
            <ul className="plain" aria-label="장바구니 상품">
              {preview.lines.map((line) => (
                <li key={line.sku} className="row">
                  <span>
                    {line.name} × {line.quantity}
                  </span>
                  <span className="row">
                    {won(line.total)}
                    <button type="button" aria-label={`${line.name} 빼기`} onClick={() => cart.remove(line.sku)}>
                      −
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            <div className="row">
              <span>배송비</span>
              <span>{preview.shipping ? won(preview.shipping) : '무료'}</span>
            </div>
            <ShippingRule subtotal={preview.subtotal} discount={preview.discount} shipping={preview.shipping} />
            <div className="row total">
              <span>예상 결제 금액</span>
              <span>{won(preview.amount)}</span>
            </div>
            <p className="muted">쿠폰은 다음 단계에서 적용할 수 있습니다. 무료배송은 쿠폰을 적용한 금액으로 정해집니다. 최종 금액은 서버가 주문을 만들 때 계산합니다.</p>
            {error && <p className="notice bad" role="alert">{error}</p>}
            <button type="button" className="primary" disabled={ordering} onClick={order}>
              주문하기
            </button>
          </>
        ) : (
          <p className="muted">장바구니가 비어 있습니다.</p>
        )}
      </section>
    </>
  );
}
