import { describe, expect, it } from 'vitest';
import { getSandbox, sandboxScriptUrl } from './index.js';

describe('given no browser (server rendering)', () => {
  it('sandboxScriptUrl throws an Error saying to call it in the browser', () => {
    expect(() => sandboxScriptUrl('toss-v2')).toThrow(/needs a browser/);
    expect(() => sandboxScriptUrl('toss-v2')).toThrow(/@kcheckout\/sandbox\/scripts\/toss-v2\.js/);
  });

  it('still names the valid sdks for an unknown one', () => {
    expect(() => sandboxScriptUrl('nope' as 'toss-v2')).toThrow(/'toss-v1', 'toss-v2', 'portone-v2', 'iamport-v1'/);
  });

  it('getSandbox returns undefined', () => {
    expect(getSandbox()).toBeUndefined();
  });
});
