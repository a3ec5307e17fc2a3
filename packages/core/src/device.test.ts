import { describe, expect, it } from 'vitest';
import { checkTossResultUrls, detectDevice } from './device.js';
import { CheckoutError } from './errors.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const ANDROID_TABLET = 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

describe('detectDevice', () => {
  it('calls phones and tablets mobile, by user agent', () => {
    expect(detectDevice(IPHONE)).toBe('mobile');
    expect(detectDevice(ANDROID_TABLET)).toBe('mobile');
  });

  it('calls an iPad that asks for desktop sites (a Mac user agent) a PC, as a user-agent check does', () => {
    expect(detectDevice(MAC)).toBe('pc');
  });

  it('calls desktop browsers pc', () => {
    expect(detectDevice(WINDOWS)).toBe('pc');
  });
});

describe('checkTossResultUrls', () => {
  const urls = { successUrl: 'https://shop.test/success', failUrl: 'https://shop.test/fail' };

  it('refuses promise mode on mobile with REDIRECT_URL_REQUIRED', () => {
    let caught: unknown;
    try {
      checkTossResultUrls(undefined, 'mobile');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CheckoutError);
    expect(caught).toMatchObject({ code: 'REDIRECT_URL_REQUIRED', provider: 'toss' });
    expect((caught as Error).message).toContain('successUrl');
  });

  it('lets redirect mode through on mobile, and both modes on a PC', () => {
    expect(() => checkTossResultUrls(urls, 'mobile')).not.toThrow();
    expect(() => checkTossResultUrls(undefined, 'pc')).not.toThrow();
    expect(() => checkTossResultUrls(urls, 'pc')).not.toThrow();
  });
});
