import { describe, expect, it } from 'vitest';
import { getSandbox, sandboxClientKeys, sandboxScriptUrl, type SandboxSdk } from './index.js';

describe('given sandboxScriptUrl', () => {
  it('refuses an unknown sdk with an Error naming the valid ones', () => {
    expect(() => sandboxScriptUrl('portone-v1' as SandboxSdk)).toThrow(Error);
    expect(() => sandboxScriptUrl('portone-v1' as SandboxSdk)).toThrow("Use one of: 'toss-v1', 'toss-v2', 'portone-v2', 'iamport-v1'.");
    expect(() => sandboxScriptUrl('toString' as SandboxSdk)).toThrow(/unknown sdk "toString"/);
  });

  it('hands out one object URL per sdk and page', () => {
    const url = sandboxScriptUrl('toss-v1');
    expect(url).toMatch(/^blob:/);
    expect(sandboxScriptUrl('toss-v1')).toBe(url);
    expect(sandboxScriptUrl('toss-v2')).not.toBe(url);
    expect(sandboxScriptUrl('portone-v2')).toBe(sandboxScriptUrl('portone-v2'));
    expect(new Set([url, sandboxScriptUrl('toss-v2'), sandboxScriptUrl('portone-v2'), sandboxScriptUrl('iamport-v1')]).size).toBe(4);
  });

  it('has no sandbox control object until a stand-in script runs', () => {
    expect(getSandbox()).toBeUndefined();
  });
});

describe('given sandboxClientKeys', () => {
  it('holds a Toss widget client key', () => {
    expect(sandboxClientKeys.toss).toMatch(/^test_gck_/);
  });

  it('holds PortOne ids shaped like the real ones: store-<uuid>, channel-key-<uuid>, imp + digits', () => {
    const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    expect(sandboxClientKeys.portone.storeId).toMatch(new RegExp(`^store-${uuid}$`));
    expect(sandboxClientKeys.portone.channelKey).toMatch(new RegExp(`^channel-key-${uuid}$`));
    expect(sandboxClientKeys.iamport.impCode).toMatch(/^imp[0-9]+$/);
    expect(sandboxClientKeys.iamport.channelKey).toMatch(new RegExp(`^channel-key-${uuid}$`));
  });
});
