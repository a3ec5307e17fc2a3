import { sandboxClientKeys, sandboxSecrets } from '@kcheckout/sandbox';

// Which vendor each provider talks to. A provider whose keys are all in the environment goes to the
// real vendor; otherwise it runs on the offline sandbox. Keys are read here, on the server: only the
// browser-side ids ever reach a page.

export type Env = Record<string, string | undefined>;

export interface ProviderSetup<Browser, Server> {
  sandbox: boolean;
  browser: Browser;
  server: Server;
}

export interface ShopSetup {
  toss: ProviderSetup<{ clientKey: string }, { secretKey: string }>;
  portone: ProviderSetup<{ storeId: string; channelKey: string }, { apiSecret: string; storeId: string; mode: 'test' | 'live' }>;
  iamport: ProviderSetup<{ impCode: string; channelKey: string }, { impKey: string; impSecret: string; mode: 'test' | 'live' }>;
}

/** The variables per provider, browser ids first. All or none of a provider's must be set. */
export const ENV_KEYS = {
  toss: ['TOSS_CLIENT_KEY', 'TOSS_SECRET_KEY'],
  portone: ['PORTONE_STORE_ID', 'PORTONE_CHANNEL_KEY', 'PORTONE_API_SECRET'],
  iamport: ['IAMPORT_IMP_CODE', 'IAMPORT_CHANNEL_KEY', 'IAMPORT_API_KEY', 'IAMPORT_API_SECRET'],
} as const;

export class ConfigError extends Error {}

function pick<K extends string>(env: Env, provider: string, keys: readonly K[]): Record<K, string> | null {
  const set = keys.filter((key) => env[key]);
  if (set.length === 0) return null;
  if (set.length < keys.length) {
    const missing = keys.filter((key) => !env[key]);
    throw new ConfigError(`${provider}: set all of ${keys.join(', ')} to use the real vendor, or none for the sandbox (missing: ${missing.join(', ')}).`);
  }
  return Object.fromEntries(keys.map((key) => [key, env[key]!])) as Record<K, string>;
}

// Only called with real keys set. It defaults to 'live', as the library does: PortOne keys carry no
// test/live marker, so a 'test' default would count test-channel payments, which move no money, as
// paid on a live store. Accepting them takes an explicit PORTONE_MODE=test / IAMPORT_MODE=test.
function mode(env: Env, name: 'PORTONE_MODE' | 'IAMPORT_MODE'): 'test' | 'live' {
  const value = env[name] || 'live';
  if (value !== 'test' && value !== 'live') throw new ConfigError(`${name} must be 'test' or 'live', got ${JSON.stringify(value)}.`);
  return value;
}

export function readSetup(env: Env): ShopSetup {
  const toss = pick(env, 'Toss', ENV_KEYS.toss);
  if (toss && (/^live_/.test(toss.TOSS_CLIENT_KEY) || /^live_/.test(toss.TOSS_SECRET_KEY))) {
    throw new ConfigError('Toss: this example shop takes test keys only (test_gck_… / test_gsk_…), never live_ keys.');
  }
  const portone = pick(env, 'PortOne V2', ENV_KEYS.portone);
  const iamport = pick(env, 'PortOne V1 (iamport)', ENV_KEYS.iamport);
  return {
    toss: toss
      ? { sandbox: false, browser: { clientKey: toss.TOSS_CLIENT_KEY }, server: { secretKey: toss.TOSS_SECRET_KEY } }
      : { sandbox: true, browser: { clientKey: sandboxClientKeys.toss }, server: { secretKey: sandboxSecrets.toss.widgetSecretKey } },
    portone: portone
      ? {
          sandbox: false,
          browser: { storeId: portone.PORTONE_STORE_ID, channelKey: portone.PORTONE_CHANNEL_KEY },
          server: { apiSecret: portone.PORTONE_API_SECRET, storeId: portone.PORTONE_STORE_ID, mode: mode(env, 'PORTONE_MODE') },
        }
      : {
          sandbox: true,
          browser: { ...sandboxClientKeys.portone },
          // The sandbox's payments are on a TEST channel, which live mode refuses.
          server: { apiSecret: sandboxSecrets.portone.apiSecret, storeId: sandboxClientKeys.portone.storeId, mode: 'test' },
        },
    iamport: iamport
      ? {
          sandbox: false,
          browser: { impCode: iamport.IAMPORT_IMP_CODE, channelKey: iamport.IAMPORT_CHANNEL_KEY },
          server: { impKey: iamport.IAMPORT_API_KEY, impSecret: iamport.IAMPORT_API_SECRET, mode: mode(env, 'IAMPORT_MODE') },
        }
      : {
          sandbox: true,
          browser: { ...sandboxClientKeys.iamport },
          server: { impKey: sandboxSecrets.iamport.impKey, impSecret: sandboxSecrets.iamport.impSecret, mode: 'test' },
        },
  };
}
