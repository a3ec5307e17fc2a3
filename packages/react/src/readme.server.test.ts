import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The README's examples are the first code a developer copies, so they must compile against the
// real packages. Each fenced block that starts with an import is written out and typechecked with
// the repository's own compiler options.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const examples = [...readme.matchAll(/```tsx?\n((?:import|'use client')[\s\S]*?)```/g)].map((match) => match[1]!);

function typecheck(sources: string[]): string[] {
  // Inside the repository, so module resolution and `paths` work as for any source file.
  const dir = `${root}test-results/readme-examples`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = sources.map((source, index) => {
    const file = `${dir}/example-${index}.tsx`;
    // Placeholders the prose explains (your database) are declared, not invented.
    writeFileSync(file, `${source.includes('db.') ? 'declare const db: any;\n' : ''}${source}`);
    return file;
  });
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  // The per-vendor entries as an app imports them (the repository's own paths name only the root entry).
  const paths = { ...config.options.paths };
  for (const entry of ['toss', 'portone', 'iamport']) paths[`@kcheckout/react/${entry}`] = [`./packages/react/src/${entry}.ts`];
  const program = ts.createProgram(files, { ...config.options, paths, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && files.includes(diagnostic.file.fileName))
    .map((diagnostic) => `${diagnostic.file!.fileName.replace(dir, '')}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('given the README', () => {
  it('shows a Toss, a PortOne and an iamport checkout of at most ten lines of JSX each', () => {
    for (const provider of ['toss', 'portone', 'iamport']) {
      const example = examples.find((source) => source.includes(`provider="${provider}"`));
      expect(example, provider).toBeDefined();
      const component = example!.slice(example!.indexOf('export function'));
      expect(component.trim().split('\n').length, provider).toBeLessThanOrEqual(10);
    }
  });

  it('has examples that compile against the packages', { timeout: 60_000 }, () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(typecheck(examples)).toEqual([]);
  });

  it('would notice an example that does not compile', { timeout: 60_000 }, () => {
    const broken = examples[0]!.replace('<PaymentMethods />', '<PaymentMethods methods="card" />');
    expect(typecheck([broken])).not.toEqual([]);
  });
});
