// `pnpm bench`: prints the figures DESIGN.md's "What fast means here" asks for, measured in Chromium
// against the sandbox. A benchmark, not a test: it reports, it does not fail on noise.
import { Agreement, Checkout, CheckoutButton, type CheckoutProps, PaymentMethods } from '@kcheckout/react';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterAll, beforeAll, it } from 'vitest';
import { resetSandboxPage } from '../test/sandbox-page.js';

// The bench drives React like a page does, not like a unit test: no act() warnings to print.
// (Set after Testing Library's import, which turns the act environment on.)
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

type Sdk = 'v1' | 'v2';
const rows: Array<[string, string, string, string]> = [];
const src = (sdk: Sdk) => sandboxScriptUrl(sdk === 'v1' ? 'toss-v1' : 'toss-v2');
const calls = (method: string) => window.kcheckoutSandbox?.log.filter((entry) => entry.method === method).length ?? 0;
const tags = (sdk: Sdk) => Array.from(document.scripts).filter((script) => script.src === src(sdk)).length;

function Shop({ sdk, amount, onSuccess }: { sdk: Sdk; amount: number; onSuccess?: () => void }) {
  return (
    <Checkout provider="toss" sdk={sdk} clientKey={sandboxClientKeys.toss} customerKey="bench_buyer" amount={amount} scriptSrc={src(sdk)}>
      <PaymentMethods />
      <Agreement />
      <CheckoutButton order={{ orderName: '벤치마크' }} onSuccess={onSuccess} />
    </Checkout>
  );
}

async function fresh() {
  cleanup();
  await resetSandboxPage();
}

const isReady = () => document.querySelector('[data-kcheckout="payment-methods"]')?.getAttribute('data-state') === 'ready';

for (const sdk of ['v2', 'v1'] as const) {
  it(`toss ${sdk}`, async () => {
    await fresh();
    for (let cycle = 0; cycle < 3; cycle++) {
      const view = render(<StrictMode><Shop sdk={sdk} amount={50000} /></StrictMode>);
      await waitFor(() => isReady() || Promise.reject(new Error('not ready')));
      view.unmount();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    rows.push([`toss-${sdk}`, '<script> tags after 3 StrictMode mount/unmount cycles', String(tags(sdk)), '1']);

    await fresh();
    function Coupon() {
      const [amount, setAmount] = useState(50000);
      return (
        <>
          <button type="button" onClick={() => setAmount((value) => value - 1000)}>coupon</button>
          <Shop sdk={sdk} amount={amount} />
        </>
      );
    }
    render(<StrictMode><Coupon /></StrictMode>);
    await waitFor(() => isReady() || Promise.reject(new Error('not ready')));
    for (let i = 0; i < 10; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'coupon' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => (document.querySelector('[data-sandbox-amount]')?.textContent?.includes('40,000') ? true : Promise.reject(new Error('amount'))));
    rows.push([`toss-${sdk}`, 'vendor renders after 10 amount changes (per container)', String(calls('renderPaymentMethods')), '1']);
    rows.push([`toss-${sdk}`, 'amount updates sent for 10 changes (coalesced)', String(calls(sdk === 'v2' ? 'setAmount' : 'paymentMethodsWidget.updateAmount') - (sdk === 'v2' ? 1 : 0)), '≤ 10']);

    await fresh();
    let paid = 0;
    render(<StrictMode><Shop sdk={sdk} amount={50000} onSuccess={() => paid++} /></StrictMode>);
    await waitFor(() => (document.querySelector('[data-kcheckout="agreement"]')?.getAttribute('data-state') === 'ready' ? true : Promise.reject(new Error('agreement'))));
    document.querySelector<HTMLInputElement>('[data-kcheckout-sandbox="agreement"] input[type="checkbox"]')!.click();
    const pay = screen.getByRole('button', { name: /결제하기/ }) as HTMLButtonElement;
    await waitFor(() => (pay.disabled ? Promise.reject(new Error('disabled')) : true));
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(pay);
    fireEvent.click(pay);
    await waitFor(() => (paid === 1 ? true : Promise.reject(new Error('paid'))));
    rows.push([`toss-${sdk}`, 'requestPayment calls after a double click', String(calls('requestPayment')), '1']);

    // Overhead: from the script's load to the widget's ready, minus the sandbox's own render latency.
    await fresh();
    window.kcheckoutSandbox && (window.kcheckoutSandbox.latencyMs = 0);
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      await fresh();
      const started = performance.now();
      const view = render(<StrictMode><Shop sdk={sdk} amount={50000} /></StrictMode>);
      await waitFor(() => isReady() || Promise.reject(new Error('not ready')), { interval: 1 });
      samples.push(performance.now() - started);
      view.unmount();
    }
    samples.sort((a, b) => a - b);
    rows.push([`toss-${sdk}`, 'mount → widget ready incl. script eval, latency 0 (median)', `${samples[5]!.toFixed(1)} ms`, '< 16 ms']);
    window.kcheckoutSandbox && (window.kcheckoutSandbox.latencyMs = 20);
  });
}

type MethodProvider = 'portone' | 'iamport';
const methodSdk = { portone: 'portone-v2', iamport: 'iamport-v1' } as const;
const methodRequest = { portone: 'requestPayment', iamport: 'request_pay' } as const;

function MethodShop({ provider, amount, onSuccess }: { provider: MethodProvider; amount: number; onSuccess?: () => void }) {
  const ids = provider === 'portone' ? sandboxClientKeys.portone : sandboxClientKeys.iamport;
  const props = { provider, ...ids, amount, defaultMethod: { type: 'card' }, scriptSrc: sandboxScriptUrl(methodSdk[provider]) } as CheckoutProps;
  return (
    <Checkout {...props}>
      <PaymentMethods />
      <CheckoutButton order={{ orderName: '벤치마크' }} onSuccess={onSuccess} />
    </Checkout>
  );
}

for (const provider of ['portone', 'iamport'] as const) {
  it(provider, async () => {
    const sdk = methodSdk[provider];
    const sdkTags = () => Array.from(document.scripts).filter((script) => script.src === sandboxScriptUrl(sdk)).length;
    const sdkCalls = (method: string) => window.kcheckoutSandbox?.log.filter((entry) => entry.sdk === sdk && entry.method === method).length ?? 0;
    await fresh();
    for (let cycle = 0; cycle < 3; cycle++) {
      const view = render(<StrictMode><MethodShop provider={provider} amount={50000} /></StrictMode>);
      await waitFor(() => isReady() || Promise.reject(new Error('not ready')));
      view.unmount();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    rows.push([sdk, '<script> tags after 3 StrictMode mount/unmount cycles', String(sdkTags()), '1']);
    if (provider === 'iamport') rows.push([sdk, 'IMP.init calls across those 3 cycles', String(sdkCalls('init')), '1']);

    await fresh();
    let paid = 0;
    function Coupon() {
      const [amount, setAmount] = useState(50000);
      return (
        <>
          <button type="button" onClick={() => setAmount((value) => value - 1000)}>coupon</button>
          <MethodShop provider={provider} amount={amount} onSuccess={() => paid++} />
        </>
      );
    }
    render(<StrictMode><Coupon /></StrictMode>);
    await waitFor(() => isReady() || Promise.reject(new Error('not ready')));
    const logged = window.kcheckoutSandbox!.log.length;
    for (let i = 0; i < 10; i++) fireEvent.click(screen.getByRole('button', { name: 'coupon' }));
    rows.push([sdk, 'vendor calls during 10 amount changes', String(window.kcheckoutSandbox!.log.length - logged), '0']);
    const pay = screen.getByRole('button', { name: /결제하기/ }) as HTMLButtonElement;
    window.kcheckoutSandbox!.nextOutcome = 'approve';
    fireEvent.click(pay);
    fireEvent.click(pay);
    await waitFor(() => (paid === 1 ? true : Promise.reject(new Error('paid'))));
    rows.push([sdk, `${methodRequest[provider]} calls after a double click`, String(sdkCalls(methodRequest[provider])), '1']);
    const request = window.kcheckoutSandbox!.log.find((entry) => entry.method === methodRequest[provider])!.args[0] as Record<string, unknown>;
    rows.push([sdk, 'amount in that request (after the 10 changes)', String(request.totalAmount ?? request.amount), '40000']);

    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      await fresh();
      const started = performance.now();
      const view = render(<StrictMode><MethodShop provider={provider} amount={50000} /></StrictMode>);
      await waitFor(() => isReady() || Promise.reject(new Error('not ready')), { interval: 1 });
      samples.push(performance.now() - started);
      view.unmount();
    }
    samples.sort((a, b) => a - b);
    rows.push([sdk, 'mount → ready incl. script load and eval (median)', `${samples[5]!.toFixed(1)} ms`, '< 16 ms']);
  });
}

afterAll(() => {
  const widths = [10, 60, 10, 8];
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  console.log(['', line(['sdk', 'figure (Chromium, sandbox)', 'measured', 'target']), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n'));
});
