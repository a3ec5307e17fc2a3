import { describe, expect, it } from 'vitest';
import { CheckoutError } from './errors.js';
import { loadScript } from './loader.js';

describe('given server rendering (no window, no document)', () => {
  it('runs in an environment without window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('loadScript returns a rejected promise with SERVER_RENDER instead of throwing', async () => {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = loadScript('https://js.tosspayments.com/v2/standard', { globalName: 'TossPayments' });
    }).not.toThrow();
    const error = await promise!.then(
      () => {
        throw new Error('expected SERVER_RENDER, but the load resolved');
      },
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(CheckoutError);
    expect((error as CheckoutError).code).toBe('SERVER_RENDER');
  });

  it('says in Korean and English to call it from an effect or an event handler, and names the provider', async () => {
    await expect(
      loadScript('https://cdn.portone.io/v2/browser-sdk.js', { globalName: 'PortOne', provider: 'portone' }),
    ).rejects.toMatchObject({
      code: 'SERVER_RENDER',
      provider: 'portone',
      message: expect.stringMatching(/useEffect[\s\S]*effect or an event handler/),
    });
  });

  it('rejects with SERVER_RENDER even when a global of that name exists on the server', async () => {
    (globalThis as Record<string, unknown>).KcheckoutServerGlobal = { sdk: true };
    try {
      await expect(loadScript('/x.js', { globalName: 'KcheckoutServerGlobal' })).rejects.toMatchObject({
        code: 'SERVER_RENDER',
      });
    } finally {
      delete (globalThis as Record<string, unknown>).KcheckoutServerGlobal;
    }
  });
});
