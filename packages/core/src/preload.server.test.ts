import { describe, expect, it } from 'vitest';
import { preload } from './preload.js';
import { SDK_SCRIPTS, type SdkId } from './sdk-urls.js';

describe('given server rendering (no document)', () => {
  it.each(Object.keys(SDK_SCRIPTS) as SdkId[])('preload(%s) does nothing and does not throw', (sdk) => {
    expect(typeof document).toBe('undefined');
    expect(preload(sdk)).toBeUndefined();
    expect(preload(sdk, { src: '/scripts/sdk.js', nonce: 'abc' })).toBeUndefined();
  });
});
