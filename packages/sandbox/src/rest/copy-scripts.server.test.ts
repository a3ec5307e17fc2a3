// `kcheckout-sandbox copy-scripts <dir>`: the static-hosting path for frameworks without a route
// handler: the four stand-ins land where sandboxScriptPath(sdk) points once <dir> is served.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IAMPORT_V1_SOURCE, PORTONE_V2_SOURCE, TOSS_V1_SOURCE, TOSS_V2_SOURCE } from '../generated/standins.js';
import { sandboxScriptPath } from '../script-url.js';
import { runCli } from './cli.js';

let work = '';
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('given kcheckout-sandbox copy-scripts', () => {
  it('writes the four stand-ins into a new folder, named as sandboxScriptPath names them', async () => {
    work = mkdtempSync(join(tmpdir(), 'kcheckout-copy-'));
    const dir = join(work, 'public', 'kcheckout-sandbox');
    const lines: string[] = [];
    expect(await runCli(['copy-scripts', dir], (line) => lines.push(line))).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['iamport-v1.js', 'portone-v2.js', 'toss-v1.js', 'toss-v2.js']);
    const expected = { 'toss-v2': TOSS_V2_SOURCE, 'toss-v1': TOSS_V1_SOURCE, 'portone-v2': PORTONE_V2_SOURCE, 'iamport-v1': IAMPORT_V1_SOURCE } as const;
    for (const [sdk, source] of Object.entries(expected)) {
      const served = sandboxScriptPath(sdk as keyof typeof expected);
      expect(readFileSync(join(work, 'public', served), 'utf8')).toBe(source);
    }
    expect(lines.at(-1)).toMatch(/4 stand-in scripts in .*kcheckout-sandbox; pass sandboxScriptPath\(sdk\)/);
  });

  it('refuses a missing or extra folder, with the usage', async () => {
    await expect(runCli(['copy-scripts'])).rejects.toThrow(/copy-scripts takes one folder, e\.g\. public\/kcheckout-sandbox\.[\s\S]*Usage:/);
    await expect(runCli(['copy-scripts', 'a', 'b'])).rejects.toThrow(/takes one folder/);
  });
});
