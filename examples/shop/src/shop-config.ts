import type { SandboxSdk } from '@kcheckout/sandbox';
import { useEffect, useState } from 'react';
import type { ShopConfig } from '../shared/types.js';
import { api } from './api.js';

export interface LoadedConfig extends ShopConfig {
  /** The stand-in script per SDK when that provider runs on the sandbox; `undefined` loads the vendor's CDN script. */
  scripts: Partial<Record<SandboxSdk, string>>;
}

let loading: Promise<LoadedConfig> | null = null;

/**
 * Reads `/api/config` once per page load. For the providers on the sandbox, it loads the stand-in
 * scripts' URLs (the sandbox module is imported only then, so a shop on real keys never downloads
 * it) and points the stand-ins at the REST stand-ins, so the server can confirm what the window approved.
 */
export function loadConfig(): Promise<LoadedConfig> {
  loading ??= api.config().then(async (config) => {
    const scripts: LoadedConfig['scripts'] = {};
    if (config.toss.sandbox || config.portone.sandbox || config.iamport.sandbox) {
      const { configureSandbox, sandboxScriptUrl } = await import('@kcheckout/sandbox');
      if (config.toss.sandbox) {
        scripts['toss-v2'] = sandboxScriptUrl('toss-v2');
        scripts['toss-v1'] = sandboxScriptUrl('toss-v1');
      }
      if (config.portone.sandbox) scripts['portone-v2'] = sandboxScriptUrl('portone-v2');
      if (config.iamport.sandbox) scripts['iamport-v1'] = sandboxScriptUrl('iamport-v1');
      // Before any stand-in has loaded: the first one to load keeps it.
      configureSandbox({ apiBase: config.sandboxApiBase ?? undefined });
    }
    return { ...config, scripts };
  });
  loading.catch(() => (loading = null));
  return loading;
}

export function useShopConfig(): { config: LoadedConfig | null; error: Error | null } {
  const [state, setState] = useState<{ config: LoadedConfig | null; error: Error | null }>({ config: null, error: null });
  useEffect(() => {
    let live = true;
    loadConfig().then(
      (config) => live && setState({ config, error: null }),
      (error: Error) => live && setState({ config: null, error }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
