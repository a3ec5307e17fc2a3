// `pnpm bench`: prints the figures DESIGN.md's "What fast means here" asks for, measured in Chromium
// against the sandbox. A benchmark, not a test: it reports, it does not fail on noise.
import { Agreement, Checkout, CheckoutButton, type CheckoutProps, PaymentMethods, preload, tossV1 } from '@kcheckout/react';
import { sandboxClientKeys, sandboxScriptUrl } from '@kcheckout/sandbox';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Profiler, type ReactElement, StrictMode, useState } from 'react';
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
    <Checkout provider="toss" sdk={sdk === 'v1' ? tossV1 : sdk} clientKey={sandboxClientKeys.toss} customerKey="bench_buyer" amount={amount} scriptSrc={src(sdk)}>
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
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

// Mount → ready over 10 fresh mounts, in three parts:
// - mount: until the loader's <script> is in the page: React's commit and our effects, which React
//   runs in a later task (no act() here). A MutationObserver sees the tag at the end of that task;
//   the script's `load` cannot come earlier, so nothing of the sandbox's lands in this part.
// - load: from there to the tag's `load` event, the sandbox's share. `load` on a classic script fires
//   after the script has run, so the vendor global exists then. Resource Timing's responseEnd comes
//   before the eval, and the sandbox's blob: URLs get no entry at all.
// - overhead: from `load` to ready, ours; DESIGN.md's "script loaded to widget ready".
// The sandbox's render latency is 0 (set after each reset, which puts the 20 ms default back), so
// the stand-in's simulated round trip does not count as our overhead.
async function mountToReady(scriptSrc: string, shop: () => ReactElement) {
  const parts = { total: [] as number[], mount: [] as number[], load: [] as number[], overhead: [] as number[] };
  for (let i = 0; i < 10; i++) {
    await fresh();
    if (window.kcheckoutSandbox) window.kcheckoutSandbox.latencyMs = 0;
    let inserted = Number.NaN;
    let loaded = Number.NaN;
    const ours = (node: unknown) => node instanceof HTMLScriptElement && node.src === scriptSrc;
    const observer = new MutationObserver((records) => {
      if (Number.isNaN(inserted) && records.some((record) => Array.from(record.addedNodes).some(ours))) inserted = performance.now();
    });
    observer.observe(document.head, { childList: true });
    // Capture phase on document: `load` does not bubble, and capture runs before the loader's own
    // listener on the tag, which goes on to create the widget.
    const onLoad = (event: Event) => {
      if (ours(event.target)) loaded = performance.now();
    };
    document.addEventListener('load', onLoad, true);
    const started = performance.now();
    const view = render(<StrictMode>{shop()}</StrictMode>);
    await waitFor(() => isReady() || Promise.reject(new Error('not ready')), { interval: 1 });
    const ready = performance.now();
    observer.disconnect();
    document.removeEventListener('load', onLoad, true);
    view.unmount();
    if (Number.isNaN(inserted + loaded)) throw new Error(`no new <script> or no load event for ${scriptSrc}: was the vendor global left over from a previous mount?`);
    parts.total.push(ready - started);
    parts.mount.push(inserted - started);
    parts.load.push(loaded - inserted);
    parts.overhead.push(ready - loaded);
  }
  return { total: median(parts.total), mount: median(parts.mount), load: median(parts.load), overhead: median(parts.overhead) };
}

/** The total and its three parts as table rows. Medians of each part, so they need not add up to the total. */
function mountToReadyRows(sdk: string, totalLabel: string, split: Awaited<ReturnType<typeof mountToReady>>) {
  rows.push([sdk, totalLabel, ms(split.total), '']);
  rows.push([sdk, '  mount → vendor <script> in the page (React commit and our effects)', ms(split.mount), '']);
  rows.push([sdk, '  <script> in the page → vendor script loaded (the sandbox’s fetch and eval)', ms(split.load), '']);
  rows.push([sdk, '  vendor script loaded → widget ready: our overhead over the sandbox', ms(split.overhead), '< 16 ms']);
}

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

    const split = await mountToReady(src(sdk), () => <Shop sdk={sdk} amount={50000} />);
    mountToReadyRows(`toss-${sdk}`, 'mount → widget ready incl. script eval, latency 0 (median)', split);
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

    const split = await mountToReady(sandboxScriptUrl(sdk), () => <MethodShop provider={provider} amount={50000} />);
    mountToReadyRows(sdk, 'mount → ready incl. script load and eval (median)', split);
  });
}

// 100 amount changes, each its own React update (a coupon field typed into, a quantity stepper):
// how often the vendor renders its widget, how many amount updates reach it, and how many commits
// React makes for the checkout subtree (a <Profiler> around it).
async function hundredAmountChanges<K extends string>(
  shop: (amount: number) => ReactElement,
  counters: Record<K, () => number>,
  settled: () => boolean = () => true,
): Promise<Record<K | 'commits', number>> {
  await fresh();
  let commits = 0;
  let change: (() => void) | undefined;
  function Coupon() {
    const [amount, setAmount] = useState(200000);
    change = () => setAmount((value) => value - 1000);
    return (
      <Profiler id="checkout" onRender={() => commits++}>
        {shop(amount)}
      </Profiler>
    );
  }
  render(<StrictMode><Coupon /></StrictMode>);
  await waitFor(() => isReady() || Promise.reject(new Error('not ready')));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const count = () => Object.fromEntries(Object.entries<() => number>(counters).map(([name, read]) => [name, read()])) as Record<K, number>;
  const before = { commits, ...count() };
  for (let i = 0; i < 100; i++) {
    change!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await waitFor(() => (screen.getByRole('button', { name: /100,000원 결제하기/ }) && settled() ? true : Promise.reject(new Error('amount'))));
  const after = { commits, ...count() };
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name as K] - before[name as K]])) as Record<K | 'commits', number>;
}

for (const sdk of ['v2', 'v1'] as const) {
  it(`toss ${sdk}: 100 amount changes`, async () => {
    const update = sdk === 'v2' ? 'setAmount' : 'paymentMethodsWidget.updateAmount';
    const result = await hundredAmountChanges(
      (amount) => <Shop sdk={sdk} amount={amount} />,
      { renders: () => calls('renderPaymentMethods'), updates: () => calls(update) },
      // The widget shows the last amount once the coalesced updates have landed.
      () => Boolean(document.querySelector('[data-sandbox-amount]')?.textContent?.includes('100,000')),
    );
    rows.push([`toss-${sdk}`, 'vendor renderPaymentMethods calls during 100 amount changes', String(result.renders), '0']);
    rows.push([`toss-${sdk}`, 'amount updates sent to the vendor for those 100 changes', String(result.updates), '≤ 100']);
    rows.push([`toss-${sdk}`, 'React commits of the checkout subtree for those 100 changes', String(result.commits), '≤ 100']);
  });
}

for (const provider of ['portone', 'iamport'] as const) {
  it(`${provider}: 100 amount changes`, async () => {
    const result = await hundredAmountChanges((amount) => <MethodShop provider={provider} amount={amount} />, {
      vendor: () => window.kcheckoutSandbox?.log.length ?? 0,
    });
    rows.push([methodSdk[provider], 'vendor calls during 100 amount changes', String(result.vendor), '0']);
    rows.push([methodSdk[provider], 'React commits of the checkout subtree for those 100 changes', String(result.commits), '≤ 100']);
  });
}

// preload(): the route starts, calls preload() at once, and mounts the checkout `mountDelay` ms later
// (its own data, code splitting). The figure is when the first byte of the vendor script arrives,
// from the route's start (Resource Timing `responseStart`), without and with preload().
async function firstByte(usePreload: boolean, mountDelay: number, run: number): Promise<{ at: number; hits: number }> {
  await fresh();
  const id = `bench-preload-${usePreload ? 'on' : 'off'}-${mountDelay}-${run}-${Date.now()}`;
  await fetch(`/__kcheckout/script/${id}?mode=ok&serve=toss-v2`, { method: 'POST' });
  const scriptSrc = new URL(`/__kcheckout/script/${id}.js`, location.href).href;
  const started = performance.now();
  if (usePreload) preload('toss-v2', { src: scriptSrc });
  await new Promise((resolve) => setTimeout(resolve, mountDelay));
  const view = render(
    <StrictMode>
      <Checkout provider="toss" clientKey={sandboxClientKeys.toss} customerKey="bench_buyer" amount={50000} scriptSrc={scriptSrc}>
        <PaymentMethods />
      </Checkout>
    </StrictMode>,
  );
  await waitFor(() => isReady() || Promise.reject(new Error('not ready')), { interval: 1 });
  const entry = performance.getEntriesByName(scriptSrc).find((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming);
  const hits = ((await (await fetch(`/__kcheckout/script/${id}/hits`)).json()) as { hits: number }).hits;
  view.unmount();
  for (const link of Array.from(document.head.querySelectorAll('link[rel="preload"], link[rel="preconnect"]'))) link.remove();
  if (!entry) throw new Error(`no resource timing for ${scriptSrc}`);
  return { at: entry.responseStart - started, hits };
}

it('preload(): first vendor byte, without and with', async () => {
  for (const mountDelay of [0, 100]) {
    const off: number[] = [];
    const on: number[] = [];
    let hits = 0;
    for (let run = 0; run < 7; run++) {
      off.push((await firstByte(false, mountDelay, run)).at);
      const withPreload = await firstByte(true, mountDelay, run);
      on.push(withPreload.at);
      hits = Math.max(hits, withPreload.hits);
    }
    const when = `mount ${mountDelay} ms after route start`;
    rows.push(['toss-v2', `first vendor byte after route start, ${when}, no preload() (median of 7)`, `${median(off).toFixed(1)} ms`, '']);
    rows.push(['toss-v2', `first vendor byte after route start, ${when}, preload() at route start`, `${median(on).toFixed(1)} ms`, '']);
    rows.push(['toss-v2', `→ earlier with preload() by (median of the 7 differences)`, `${median(off.map((value, i) => value - on[i]!)).toFixed(1)} ms`, '> 0']);
    rows.push(['toss-v2', `script fetches with preload() (${when}; the widget reuses it)`, String(hits), '1']);
  }
});

afterAll(() => {
  const widths = [10, 92, 10, 8];
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  console.log(['', line(['sdk', 'figure (Chromium, sandbox)', 'measured', 'target']), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n'));
});
