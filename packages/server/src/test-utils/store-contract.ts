import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lease, NewOrder, OrderStore } from '../store/order-store.js';

// The behaviour every OrderStore adapter owes createConfirmHandler, the webhooks and the sweep.
// `open` must return a new store instance on the same database each time it is called, so two
// calls act like two server processes.

/** Opens one more store on the suite's database, reading time from `now`. */
export type OpenStore = (now: () => number) => Promise<OrderStore>;

const START = 1_700_000_000_000;
let sequence = 0;

/** An order id no other test of this run uses, so suites can share one database. */
export function uniqueOrderId(): string {
  return `ord_${Date.now().toString(36)}_${(sequence++).toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Runs the order store contract against the adapter `open` makes. */
export function describeOrderStoreContract(name: string, open: OpenStore): void {
  describe(`${name}: the order store contract`, () => {
    let time = START;
    const now = () => time;
    let store: OrderStore;
    const opened: OrderStore[] = [];
    const another = async () => {
      const next = await open(now);
      opened.push(next);
      return next;
    };
    const newOrder = (fields: Partial<NewOrder> = {}): NewOrder => ({ orderId: uniqueOrderId(), provider: 'toss', amount: 15_000, ...fields });
    const claimed = async (orderId: string, vendorPaymentId = 'pay_1', leaseMs = 30_000): Promise<Lease> => {
      const answer = await store.claim(orderId, { vendorPaymentId, leaseMs });
      if (answer.kind !== 'claimed') throw new Error(`expected a claim, got ${answer.kind}`);
      return answer.lease;
    };

    beforeEach(async () => {
      time = START;
      store = await another();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((each) => each.close()));
    });

    describe('given a new order', () => {
      it('keeps every field, and reads it back from another instance', async () => {
        const order = newOrder({ provider: 'portone', paymentId: 'payment-abc', currency: 'USD', data: { cart: [{ sku: 'tee', qty: 2 }] } });
        const created = await store.create(order);
        expect(created).toMatchObject({ ...order, status: 'pending', openedAt: null, paidWith: null, paidAmount: null, paidAt: null, refundedAmount: null, refundedAt: null, createdAt: START, updatedAt: START });
        expect(await (await another()).get(order.orderId)).toEqual(created);
      });

      it('keeps a bare JSON string as data, and no data as null', async () => {
        const text = await store.create(newOrder({ data: 'gift wrap' }));
        const none = await store.create(newOrder());
        expect((await store.get(text.orderId))?.data).toBe('gift wrap');
        expect((await store.get(none.orderId))?.data).toBeNull();
      });

      it('round-trips an amount above 2^31 as a number', async () => {
        const { orderId } = await store.create(newOrder({ amount: 3_000_000_000 }));
        const read = await store.get(orderId);
        expect(read?.amount).toBe(3_000_000_000);
        expect(typeof read?.createdAt).toBe('number');
        const lease = await claimed(orderId);
        const paid = await store.complete(lease, { status: 'paid', amount: 3_000_000_000, vendorPaymentId: 'pay_1' });
        expect(paid).toMatchObject({ status: 'paid', paidAmount: 3_000_000_000, paidAt: START });
      });

      it('refuses a second order with the same id', async () => {
        const order = newOrder();
        await store.create(order);
        await expect(store.create({ ...order, amount: 1 })).rejects.toMatchObject({ code: 'ORDER_EXISTS' });
        expect((await store.get(order.orderId))?.amount).toBe(15_000);
      });

      it.each([
        ['a zero amount', { amount: 0 }],
        ['a fractional amount', { amount: 10.5 }],
        ['an amount beyond 2^53', { amount: 2 ** 53 }],
        ['an amount as a string', { amount: '15000' as unknown as number }],
        ['a short order id', { orderId: 'abc' }],
        ['an order id with a space', { orderId: 'order 123' }],
        ['an unknown provider', { provider: 'paypal' as 'toss' }],
      ])('rejects %s as INVALID_ORDER', async (_, fields) => {
        await expect(store.create(newOrder(fields))).rejects.toMatchObject({ code: 'INVALID_ORDER' });
      });

      it('answers null for an order that does not exist', async () => {
        expect(await store.get(uniqueOrderId())).toBeNull();
      });

      it('lists the newest first, up to the limit', async () => {
        // A later clock than every other test's makes these two the newest in a shared database.
        time = START * 3;
        const first = await store.create(newOrder());
        time += 1;
        const second = await store.create(newOrder());
        const listed = await store.list({ limit: 2 });
        expect(listed.map((order) => order.orderId)).toEqual([second.orderId, first.orderId]);
      });
    });

    describe('given a pending order whose window has not opened', () => {
      it('takes a re-price, a new provider and new data', async () => {
        const { orderId } = await store.create(newOrder({ data: { coupon: null } }));
        time += 5;
        const changed = await store.update(orderId, { amount: 12_000, provider: 'iamport', data: { coupon: 'TEN' } });
        expect(changed).toMatchObject({ amount: 12_000, provider: 'iamport', data: { coupon: 'TEN' }, updatedAt: START + 5, currency: 'KRW' });
      });

      it('rejects a re-price to an invalid amount', async () => {
        const { orderId } = await store.create(newOrder());
        await expect(store.update(orderId, { amount: -1 })).rejects.toMatchObject({ code: 'INVALID_ORDER' });
      });

      it('opens only for the amount it holds, and for its provider', async () => {
        const { orderId } = await store.create(newOrder());
        expect(await store.open(orderId, { amount: 14_000 })).toBeNull();
        expect(await store.open(orderId, { amount: 15_000, provider: 'portone' })).toBeNull();
        expect((await store.get(orderId))?.openedAt).toBeNull();
        expect(await store.open(orderId, { amount: 15_000, provider: 'toss' })).toMatchObject({ openedAt: START });
      });

      it('opens idempotently, keeping the first opening time', async () => {
        const { orderId } = await store.create(newOrder());
        await store.open(orderId, { amount: 15_000 });
        time += 60_000;
        expect(await store.open(orderId, { amount: 15_000 })).toMatchObject({ openedAt: START });
      });

      it('answers null when opening a missing order', async () => {
        expect(await store.open(uniqueOrderId(), { amount: 15_000 })).toBeNull();
      });
    });

    describe('given an order whose window has opened', () => {
      it('refuses a re-price, and keeps the amount', async () => {
        const { orderId } = await store.create(newOrder());
        await store.open(orderId, { amount: 15_000 });
        expect(await store.update(orderId, { amount: 1_000 })).toBeNull();
        expect(await store.update(orderId, { data: { note: 'late' } })).toBeNull();
        expect((await store.get(orderId))?.amount).toBe(15_000);
      });
    });

    describe('given a claim', () => {
      it('answers not-found for a missing order', async () => {
        expect(await store.claim(uniqueOrderId(), { vendorPaymentId: 'pay_1', leaseMs: 1_000 })).toEqual({ kind: 'not-found' });
      });

      it('holds the order until the lease ends: busy with the time left, then claimable again', async () => {
        const { orderId } = await store.create(newOrder());
        const lease = await claimed(orderId, 'pay_1', 30_000);
        expect(lease).toMatchObject({ orderId, vendorPaymentId: 'pay_1', until: START + 30_000 });
        time += 10_000;
        expect(await store.claim(orderId, { vendorPaymentId: 'pay_2', leaseMs: 30_000 })).toMatchObject({ kind: 'busy', retryAfterMs: 20_000 });
        time += 20_000;
        const next = await store.claim(orderId, { vendorPaymentId: 'pay_2', leaseMs: 30_000 });
        expect(next.kind).toBe('claimed');
      });

      it('lets exactly one of two concurrent claims from two instances win', async () => {
        const { orderId } = await store.create(newOrder());
        const other = await another();
        const answers = await Promise.all([
          store.claim(orderId, { vendorPaymentId: 'pay_1', leaseMs: 30_000 }),
          other.claim(orderId, { vendorPaymentId: 'pay_2', leaseMs: 30_000 }),
        ]);
        expect(answers.map((answer) => answer.kind).sort()).toEqual(['busy', 'claimed']);
      });

      it('frees the order on release, and a stale lease cannot release the next one', async () => {
        const { orderId } = await store.create(newOrder());
        const first = await claimed(orderId);
        await store.release(first);
        const second = await claimed(orderId, 'pay_2');
        await store.release(first);
        expect((await store.claim(orderId, { vendorPaymentId: 'pay_3', leaseMs: 1_000 })).kind).toBe('busy');
        await store.release(second);
        expect((await store.claim(orderId, { vendorPaymentId: 'pay_3', leaseMs: 1_000 })).kind).toBe('claimed');
      });

      it('answers settled for a paid order, with its fields', async () => {
        const { orderId } = await store.create(newOrder());
        await store.complete(await claimed(orderId), { status: 'paid', amount: 15_000, vendorPaymentId: 'pay_1' });
        expect(await store.claim(orderId, { vendorPaymentId: 'pay_1', leaseMs: 1_000 })).toMatchObject({ kind: 'settled', order: { status: 'paid', paidWith: 'pay_1' } });
      });

      it('answers settled for an expired order', async () => {
        const { orderId } = await store.create(newOrder());
        expect(await store.complete(await claimed(orderId), { status: 'expired' })).toMatchObject({ status: 'expired' });
        expect(await store.claim(orderId, { vendorPaymentId: 'pay_1', leaseMs: 1_000 })).toMatchObject({ kind: 'settled', order: { status: 'expired' } });
      });
    });

    describe('given a completion', () => {
      it('writes paid with the amount, the payment and the time, and ends the lease', async () => {
        const { orderId } = await store.create(newOrder());
        await store.open(orderId, { amount: 15_000 });
        const lease = await claimed(orderId);
        time += 2_000;
        const paid = await store.complete(lease, { status: 'paid', amount: 15_000, vendorPaymentId: 'pay_1' });
        expect(paid).toMatchObject({ status: 'paid', paidWith: 'pay_1', paidAmount: 15_000, paidAt: START + 2_000, updatedAt: START + 2_000 });
        expect(await store.complete(lease, { status: 'paid', amount: 15_000, vendorPaymentId: 'pay_1' })).toBeNull();
      });

      it('refuses another amount', async () => {
        const { orderId } = await store.create(newOrder());
        const lease = await claimed(orderId);
        expect(await store.complete(lease, { status: 'paid', amount: 14_999, vendorPaymentId: 'pay_1' })).toBeNull();
        expect(await store.complete(lease, { status: 'awaiting-deposit', amount: 1, vendorPaymentId: 'va_1' })).toBeNull();
        expect((await store.get(orderId))?.status).toBe('pending');
      });

      it('refuses a lost lease: expired and claimed by another attempt', async () => {
        const { orderId } = await store.create(newOrder());
        const lost = await claimed(orderId, 'pay_1', 1_000);
        time += 1_000;
        const winner = await claimed(orderId, 'pay_2');
        expect(await store.complete(lost, { status: 'paid', amount: 15_000, vendorPaymentId: 'pay_1' })).toBeNull();
        expect(await store.complete(winner, { status: 'paid', amount: 15_000, vendorPaymentId: 'pay_2' })).toMatchObject({ paidWith: 'pay_2' });
      });

      it('refuses a forged token', async () => {
        const { orderId } = await store.create(newOrder());
        const lease = await claimed(orderId);
        expect(await store.complete({ ...lease, token: 'not-the-token' }, { status: 'paid', amount: 15_000, vendorPaymentId: 'pay_1' })).toBeNull();
      });

      it('moves a pending order to awaiting-deposit, and pays it only with the same virtual account', async () => {
        const { orderId } = await store.create(newOrder());
        const issued = await store.complete(await claimed(orderId, 'va_1'), { status: 'awaiting-deposit', amount: 15_000, vendorPaymentId: 'va_1' });
        expect(issued).toMatchObject({ status: 'awaiting-deposit', paidWith: 'va_1', paidAt: null, paidAmount: null });
        const retry = await claimed(orderId, 'va_2');
        expect(await store.complete(retry, { status: 'paid', amount: 15_000, vendorPaymentId: 'va_2' })).toBeNull();
        expect(await store.complete(retry, { status: 'paid', amount: 15_000, vendorPaymentId: 'va_1' })).toMatchObject({ status: 'paid', paidWith: 'va_1' });
      });

      it('refuses awaiting-deposit or expired once the status changed', async () => {
        const { orderId } = await store.create(newOrder());
        await store.complete(await claimed(orderId, 'va_1'), { status: 'awaiting-deposit', amount: 15_000, vendorPaymentId: 'va_1' });
        const lease = await claimed(orderId, 'va_1');
        expect(await store.complete(lease, { status: 'awaiting-deposit', amount: 15_000, vendorPaymentId: 'va_1' })).toBeNull();
        expect(await store.complete(lease, { status: 'expired' })).toBeNull();
        expect((await store.get(orderId))?.status).toBe('awaiting-deposit');
      });
    });

    describe('given a deposit webhook', () => {
      it('pays an awaiting-deposit order once, for its payment and amount only', async () => {
        const { orderId } = await store.create(newOrder());
        await store.complete(await claimed(orderId, 'va_1'), { status: 'awaiting-deposit', amount: 15_000, vendorPaymentId: 'va_1' });
        expect(await store.markDeposited(orderId, { vendorPaymentId: 'va_2', amount: 15_000 })).toBeNull();
        expect(await store.markDeposited(orderId, { vendorPaymentId: 'va_1', amount: 1_000 })).toBeNull();
        time += 3_600_000;
        expect(await store.markDeposited(orderId, { vendorPaymentId: 'va_1', amount: 15_000 })).toMatchObject({ status: 'paid', paidAmount: 15_000, paidAt: START + 3_600_000 });
        time += 1;
        expect(await store.markDeposited(orderId, { vendorPaymentId: 'va_1', amount: 15_000 })).toBeNull();
        expect((await store.get(orderId))?.paidAt).toBe(START + 3_600_000);
      });

      it('leaves a pending order alone', async () => {
        const { orderId } = await store.create(newOrder());
        expect(await store.markDeposited(orderId, { vendorPaymentId: 'va_1', amount: 15_000 })).toBeNull();
      });
    });

    describe('given PortOne payment ids', () => {
      it('finds an order by its own paymentId, or by its order id when it has none', async () => {
        const named = await store.create(newOrder({ provider: 'portone', paymentId: `pay-${uniqueOrderId()}` }));
        const plain = await store.create(newOrder({ provider: 'portone' }));
        expect((await (await another()).findByPaymentId(named.paymentId!))?.orderId).toBe(named.orderId);
        expect((await store.findByPaymentId(plain.orderId))?.orderId).toBe(plain.orderId);
        // An order that names another paymentId is not found by its order id: that payment is not its.
        expect(await store.findByPaymentId(named.orderId)).toBeNull();
        expect(await store.findByPaymentId('no-such-payment')).toBeNull();
      });
    });

    describe('given a refund the vendor reports', () => {
      const paidOrder = async (amount = 15_000) => {
        const { orderId } = await store.create(newOrder({ amount }));
        await store.complete(await claimed(orderId, 'pay_1'), { status: 'paid', amount, vendorPaymentId: 'pay_1' });
        return orderId;
      };

      it('raises the refunded amount of a paid order, then moves it to refunded once all of it went back', async () => {
        const orderId = await paidOrder();
        time += 1_000;
        expect(await store.recordRefund(orderId, { vendorPaymentId: 'pay_1', refundedAmount: 4_000 })).toMatchObject({ status: 'paid', refundedAmount: 4_000, refundedAt: START + 1_000 });
        time += 1_000;
        expect(await (await another()).recordRefund(orderId, { vendorPaymentId: 'pay_1', refundedAmount: 15_000 })).toMatchObject({ status: 'refunded', refundedAmount: 15_000, refundedAt: START + 2_000, paidWith: 'pay_1', paidAmount: 15_000 });
        expect(await store.get(orderId)).toMatchObject({ status: 'refunded', refundedAmount: 15_000 });
      });

      it('changes nothing for a replay, an older report arriving late, or more than the order’s amount', async () => {
        const orderId = await paidOrder();
        await store.recordRefund(orderId, { vendorPaymentId: 'pay_1', refundedAmount: 6_000 });
        expect(await store.recordRefund(orderId, { vendorPaymentId: 'pay_1', refundedAmount: 6_000 })).toBeNull();
        expect(await store.recordRefund(orderId, { vendorPaymentId: 'pay_1', refundedAmount: 2_000 })).toBeNull();
        expect(await store.recordRefund(orderId, { vendorPaymentId: 'pay_1', refundedAmount: 15_001 })).toBeNull();
        expect(await store.get(orderId)).toMatchObject({ status: 'paid', refundedAmount: 6_000 });
      });

      it('leaves alone an order paid with another payment, and one that is not paid', async () => {
        const orderId = await paidOrder();
        expect(await store.recordRefund(orderId, { vendorPaymentId: 'pay_2', refundedAmount: 15_000 })).toBeNull();
        const pending = await store.create(newOrder());
        expect(await store.recordRefund(pending.orderId, { vendorPaymentId: 'pay_1', refundedAmount: 15_000 })).toBeNull();
        const issued = await store.create(newOrder());
        await store.complete(await claimed(issued.orderId, 'va_1'), { status: 'awaiting-deposit', amount: 15_000, vendorPaymentId: 'va_1' });
        expect(await store.recordRefund(issued.orderId, { vendorPaymentId: 'va_1', refundedAmount: 15_000 })).toBeNull();
        expect((await store.get(orderId))?.status).toBe('paid');
        expect((await store.get(pending.orderId))?.refundedAmount).toBeNull();
      });

      it('answers a claim on a refunded order as settled, so it is never paid again', async () => {
        const orderId = await paidOrder();
        await store.recordRefund(orderId, { vendorPaymentId: 'pay_1', refundedAmount: 15_000 });
        expect(await store.claim(orderId, { vendorPaymentId: 'pay_2', leaseMs: 30_000 })).toMatchObject({ kind: 'settled', order: { status: 'refunded' } });
        expect(await store.markDeposited(orderId, { vendorPaymentId: 'pay_1', amount: 15_000 })).toBeNull();
      });

      it('refuses a refunded amount that is not a safe positive integer', async () => {
        const orderId = await paidOrder();
        for (const refundedAmount of [0, -1, 1.5, Number.NaN]) {
          await expect(store.recordRefund(orderId, { vendorPaymentId: 'pay_1', refundedAmount }), String(refundedAmount)).rejects.toMatchObject({ code: 'INVALID_ORDER' });
        }
      });
    });

    describe('given orders opened at different times', () => {
      it('lists the unsettled ones opened before the cut-off, oldest first', async () => {
        // An earlier clock than every other test's keeps these rows apart in a shared database.
        const base = START / 2;
        time = base;
        const [older, newer, settled, unopened, late] = await Promise.all([1, 2, 3, 4, 5].map(() => store.create(newOrder())));
        await store.open(newer!.orderId, { amount: 15_000 });
        time -= 10;
        await store.open(older!.orderId, { amount: 15_000 });
        await store.open(settled!.orderId, { amount: 15_000 });
        await store.complete(await claimed(settled!.orderId), { status: 'paid', amount: 15_000, vendorPaymentId: 'pay_1' });
        time += 1_000;
        await store.open(late!.orderId, { amount: 15_000 });
        const stale = await store.stale(base + 1, { limit: 10 });
        expect(stale.map((order) => order.orderId)).toEqual([older!.orderId, newer!.orderId]);
        expect(unopened!.openedAt).toBeNull();
        expect(await store.stale(base + 1, { limit: 1 })).toHaveLength(1);
      });
    });

    describe('given webhook ids', () => {
      it('knows a recorded id until it expires, then takes it again', async () => {
        const id = `wh_${uniqueOrderId()}`;
        expect(await store.hasWebhook(id)).toBe(false);
        await store.recordWebhook(id, START + 1_000);
        await store.recordWebhook(id, START + 1_000);
        expect(await (await another()).hasWebhook(id)).toBe(true);
        time += 1_000;
        expect(await store.hasWebhook(id)).toBe(false);
        await store.recordWebhook(id, START + 5_000);
        expect(await store.hasWebhook(id)).toBe(true);
      });

      it('does not shorten a live id recorded again', async () => {
        const id = `wh_${uniqueOrderId()}`;
        await store.recordWebhook(id, START + 10_000);
        await store.recordWebhook(id, START + 1);
        time += 5_000;
        expect(await store.hasWebhook(id)).toBe(true);
      });
    });
  });
}
