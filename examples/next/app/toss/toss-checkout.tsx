'use client';
// A Client Component: the vendor widget lives in the browser, and beforePayment is a function.
import { Agreement, Checkout, CheckoutButton, PaymentMethods, TOSS_ANONYMOUS } from '@kcheckout/react/toss';
import type { ShopOrder } from '@/lib/shop';
import { openPayment } from '../actions';
import { QuantityPicker } from '../quantity-picker';
import { useOrderAmount } from '../use-order-amount';

export function TossCheckout({ order, maxQuantity, clientKey, scriptSrc }: { order: ShopOrder; maxQuantity: number; clientKey: string; scriptSrc: string }) {
  const { quantity, amount, orderName, error, change } = useOrderAmount(order);
  return (
    <Checkout clientKey={clientKey} customerKey={TOSS_ANONYMOUS} amount={amount} scriptSrc={scriptSrc}>
      <QuantityPicker quantity={quantity} amount={amount} max={maxQuantity} error={error} onChange={change} />
      <PaymentMethods />
      <Agreement />
      {/* Redirect mode on every device: Toss returns to these pages, whose Server Action confirms. */}
      <CheckoutButton
        order={{ orderId: order.orderId, orderName }}
        successUrl="/toss/success"
        failUrl="/toss/fail"
        beforePayment={(paying) => openPayment(paying.orderId, amount)}
      />
    </Checkout>
  );
}
