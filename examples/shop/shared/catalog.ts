// The shop's catalog and coupons, and the one function that prices a cart. The server prices every
// order with it; the browser only uses it to preview a cart before the order exists.

export interface Product {
  sku: string;
  name: string;
  /** Won, VAT included. */
  price: number;
  description: string;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'beans-1kg', name: '에티오피아 원두 1kg', price: 32_000, description: '예가체프 G1, 주문 후 로스팅' },
  { sku: 'dripper', name: '세라믹 드리퍼', price: 18_000, description: '1~2인용, 필터 40매 포함' },
  { sku: 'mug', name: '머그컵 350ml', price: 9_500, description: '식기세척기 사용 가능' },
];

export interface Coupon {
  code: string;
  label: string;
  /** The discount on `subtotal`, in won; never more than the subtotal. */
  discount(subtotal: number): number;
}

export const COUPONS: readonly Coupon[] = [
  { code: 'WELCOME10', label: '첫 주문 10% 할인 (최대 5,000원)', discount: (subtotal) => Math.min(Math.floor(subtotal / 10), 5_000) },
  { code: 'SAVE3000', label: '3,000원 할인', discount: (subtotal) => Math.min(3_000, subtotal) },
];

/** Free shipping from this subtotal (after the coupon); below it, {@link SHIPPING_FEE}. */
export const FREE_SHIPPING_FROM = 50_000;
export const SHIPPING_FEE = 3_000;
export const MAX_QUANTITY = 10;

export interface CartLine {
  sku: string;
  quantity: number;
}

export interface Quote {
  lines: Array<CartLine & { name: string; price: number; total: number }>;
  subtotal: number;
  coupon: { code: string; label: string } | null;
  discount: number;
  shipping: number;
  /** What the buyer pays: subtotal − discount + shipping. The only amount a payment is checked against. */
  amount: number;
  /** `원두 1kg 외 2건`, for the payment window (at most 100 characters). */
  orderName: string;
}

export class QuoteError extends Error {
  constructor(
    readonly code: 'EMPTY_CART' | 'UNKNOWN_PRODUCT' | 'INVALID_QUANTITY' | 'UNKNOWN_COUPON',
    message: string,
  ) {
    super(message);
  }
}

/** Prices a cart. Integer won throughout, so no amount is ever fractional. Throws {@link QuoteError}. */
export function quote(cart: readonly CartLine[], couponCode?: string | null): Quote {
  if (!Array.isArray(cart) || cart.length === 0) throw new QuoteError('EMPTY_CART', '장바구니가 비어 있습니다.');
  const merged = new Map<string, number>();
  for (const line of cart) {
    const product = PRODUCTS.find((candidate) => candidate.sku === line?.sku);
    if (!product) throw new QuoteError('UNKNOWN_PRODUCT', `없는 상품입니다: ${String(line?.sku)}`);
    const quantity = (merged.get(product.sku) ?? 0) + line.quantity;
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || quantity > MAX_QUANTITY) {
      throw new QuoteError('INVALID_QUANTITY', `수량은 1~${MAX_QUANTITY}개입니다.`);
    }
    merged.set(product.sku, quantity);
  }
  const lines = [...merged].map(([sku, quantity]) => {
    const product = PRODUCTS.find((candidate) => candidate.sku === sku)!;
    return { sku, quantity, name: product.name, price: product.price, total: product.price * quantity };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
  let coupon: Coupon | undefined;
  if (couponCode) {
    coupon = COUPONS.find((candidate) => candidate.code === couponCode.trim().toUpperCase());
    if (!coupon) throw new QuoteError('UNKNOWN_COUPON', `사용할 수 없는 쿠폰입니다: ${couponCode}`);
  }
  const discount = coupon ? coupon.discount(subtotal) : 0;
  const shipping = subtotal - discount >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  const first = lines[0]!.name;
  return {
    lines,
    subtotal,
    coupon: coupon ? { code: coupon.code, label: coupon.label } : null,
    discount,
    shipping,
    amount: subtotal - discount + shipping,
    orderName: (count > 1 ? `${first} 외 ${count - 1}건` : first).slice(0, 100),
  };
}

export const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;
