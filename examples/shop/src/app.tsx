import { CartPage } from './pages/cart.js';
import { CheckoutPage } from './pages/checkout.js';
import { OrderPage, OrdersPage } from './pages/orders.js';
import { PaymentFailPage, PaymentSuccessPage } from './pages/payment-result.js';
import { linkProps, useLocation } from './router.js';
import { useCart } from './cart.js';
import type { ProviderName } from '../shared/types.js';

const PROVIDERS: readonly string[] = ['toss', 'portone', 'iamport'];
const asProvider = (value: string | undefined) => (value && PROVIDERS.includes(value) ? (value as ProviderName) : null);

export function App() {
  const { path, search } = useLocation();
  const count = useCart().reduce((sum, line) => sum + line.quantity, 0);
  return (
    <>
      <header>
        <nav>
          <a className="brand" {...linkProps('/')}>☕ 커피 상점</a>
          <a {...linkProps('/')}>장바구니{count > 0 ? ` (${count})` : ''}</a>
          <a {...linkProps('/orders')}>주문 내역</a>
        </nav>
      </header>
      <main>{route(path, search)}</main>
    </>
  );
}

function route(path: string, search: string) {
  if (path === '/') return <CartPage />;
  if (path === '/orders') return <OrdersPage />;
  let match = /^\/orders\/([A-Za-z0-9_-]+)$/.exec(path);
  if (match) return <OrderPage key={match[1]} orderId={match[1]!} />;
  match = /^\/checkout\/([A-Za-z0-9_-]+)$/.exec(path);
  if (match) return <CheckoutPage key={match[1]} orderId={match[1]!} />;
  // The vendors' return addresses: Toss has a success and a fail URL, PortOne and iamport one URL for both.
  match = /^\/payment\/(success|fail)\/([a-z]+)$/.exec(path);
  const provider = asProvider(match?.[2]);
  if (match && provider) {
    return match[1] === 'success' ? <PaymentSuccessPage key={search} provider={provider} search={search} /> : <PaymentFailPage provider={provider} search={search} />;
  }
  return (
    <section className="card">
      <h1>페이지를 찾을 수 없습니다</h1>
      <a {...linkProps('/')}>장바구니로</a>
    </section>
  );
}
