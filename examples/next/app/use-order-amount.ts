// Imported only by 'use client' checkouts. The quantity is the buyer's; the amount is always the
// server's answer (the changeQuantity action re-prices the stored order).
import { useRef, useState } from 'react';
import type { ShopOrder } from '@/lib/shop';
import { changeQuantity } from './actions';

export function useOrderAmount(order: ShopOrder) {
  const [quantity, setQuantity] = useState(order.quantity);
  const [priced, setPriced] = useState({ amount: order.amount, orderName: order.orderName });
  const [error, setError] = useState<string | null>(null);
  // Answers can arrive out of order: only the latest request's answer is shown.
  const latest = useRef(0);

  const change = (next: number) => {
    const request = ++latest.current;
    setQuantity(next);
    setError(null);
    changeQuantity(order.orderId, next).then(
      (answer) => request === latest.current && setPriced(answer),
      (reason: unknown) => request === latest.current && setError(reason instanceof Error ? reason.message : String(reason)),
    );
  };
  return { quantity, amount: priced.amount, orderName: priced.orderName, error, change };
}
