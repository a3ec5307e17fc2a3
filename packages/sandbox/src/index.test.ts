import { describe, expect, it } from 'vitest';
import { getSandbox, sandboxClientKeys, sandboxScriptUrl, type SandboxSdk } from './index.js';

describe('given sandboxScriptUrl', () => {
  it('refuses an unknown sdk with an Error naming the valid ones', () => {
    expect(() => sandboxScriptUrl('portone-v2' as SandboxSdk)).toThrow(Error);
    expect(() => sandboxScriptUrl('portone-v2' as SandboxSdk)).toThrow("Use one of: 'toss-v1', 'toss-v2'.");
    expect(() => sandboxScriptUrl('toString' as SandboxSdk)).toThrow(/unknown sdk "toString"/);
  });

  it('hands out one object URL per sdk and page', () => {
    const url = sandboxScriptUrl('toss-v1');
    expect(url).toMatch(/^blob:/);
    expect(sandboxScriptUrl('toss-v1')).toBe(url);
    expect(sandboxScriptUrl('toss-v2')).not.toBe(url);
  });

  it('has no sandbox control object until a stand-in script runs', () => {
    expect(getSandbox()).toBeUndefined();
  });
});

describe('given sandboxClientKeys', () => {
  it('holds a Toss widget client key', () => {
    expect(sandboxClientKeys.toss).toMatch(/^test_gck_/);
  });
});
