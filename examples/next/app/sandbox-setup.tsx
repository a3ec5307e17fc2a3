'use client';
import { configureSandbox } from '@kcheckout/sandbox';
import { useEffect } from 'react';

/**
 * Points the stand-ins' payment windows at this app's REST route (app/kcheckout-sandbox/api), so the
 * server can look a payment up as soon as the window answers. In an effect: the origin is only known
 * in the browser, and a window answers long after hydration. Renders nothing.
 */
export function SandboxSetup() {
  useEffect(() => {
    configureSandbox({ apiBase: `${location.origin}/kcheckout-sandbox/api` });
  }, []);
  return null;
}
