// A Server Component. The order is made here, on the server, at request time: `connection()`
// marks what follows as per-request, and <Suspense> lets Cache Components prerender the shell.
import { connection } from 'next/server';
import { Suspense } from 'react';
import { sandboxClientKeys, sandboxScriptPath } from '@kcheckout/sandbox';
import { createOrder, PRODUCT } from '@/lib/shop';
import { TossCheckout } from './toss-checkout';

export default function TossPage() {
  return (
    <main>
      <h1>토스페이먼츠 결제위젯 v2</h1>
      <Suspense fallback={<p>주문을 만드는 중…</p>}>
        <TossOrder />
      </Suspense>
    </main>
  );
}

async function TossOrder() {
  await connection();
  const order = await createOrder('toss');
  return <TossCheckout order={order} maxQuantity={PRODUCT.maxQuantity} clientKey={sandboxClientKeys.toss} scriptSrc={sandboxScriptPath('toss-v2')} />;
}
