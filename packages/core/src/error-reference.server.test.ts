import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// docs/errors.md is what a production error links to (`docs/errors.md#<code in lower case>`), so a
// code without a section is a dead link, and a section for a removed code is a lie. The codes are
// read from the TypeScript sources, not listed here, so a new member of a union fails this test.

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
const literals = (text: string) => [...text.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]!);

/** The string-literal members of `type <name> = …;`. */
function union(path: string, name: string): string[] {
  const source = withoutComments(read(path));
  const start = source.search(new RegExp(`type ${name}\\b[^=]*=`));
  if (start < 0) throw new Error(`${path} has no type ${name}`);
  const members = literals(source.slice(start, source.indexOf(';', start)));
  if (members.length === 0) throw new Error(`${path}: type ${name} has no string-literal members`);
  return members;
}

/** Every literal a `code:` field or property is given in the file: `code: 'A' | 'B';` in a type, `code: 'A'` in a value. */
function codeFields(path: string): string[] {
  const source = withoutComments(read(path));
  const found = [...source.matchAll(/\bcode:\s*((?:'[A-Z][A-Z0-9_]+'\s*\|?\s*)+)/g)].flatMap((match) => literals(match[1]!));
  if (found.length === 0) throw new Error(`${path} has no code: '…' literals`);
  return found;
}

const sources: Record<string, string[]> = {
  CheckoutErrorCode: union('packages/core/src/errors.ts', 'CheckoutErrorCode'),
  RedirectInvalidCode: union('packages/core/src/redirect/parsed-redirect.ts', 'RedirectInvalidCode'),
  ConfirmErrorCode: union('packages/server/src/confirm-answers.ts', 'ConfirmErrorCode'),
  'PortOneWebhookResult codes': codeFields('packages/server/src/webhook.ts'),
  'webhook route answers': codeFields('packages/server/src/webhook-handler.ts'),
  'Node adapter answers': codeFields('packages/server/src/node.ts'),
  'OrderStoreError codes': codeFields('packages/server/src/store/rows.ts'),
  'vendor unavailable codes': codeFields('packages/server/src/results.ts'),
};
const codes = new Set(Object.values(sources).flat());

const doc = read('docs/errors.md');
/** `## CODE` headings and the text under each, up to the next `## `. */
const sections = new Map(
  doc
    .split(/^## /m)
    .slice(1)
    .map((part) => {
      const [heading, ...body] = part.split('\n');
      return [heading!.trim(), body.join('\n')] as const;
    }),
);
const looksLikeCode = (heading: string) => /^[A-Z][A-Z0-9_]+$/.test(heading);

describe('given docs/errors.md, the error reference', () => {
  it('reads every union it checks, with the codes the brief names', () => {
    expect(sources.CheckoutErrorCode).toContain('BEFORE_PAYMENT_FAILED');
    expect(sources['OrderStoreError codes']).toEqual(expect.arrayContaining(['ORDER_STORE_BUSY', 'INVALID_ORDER', 'ORDER_EXISTS', 'ORDER_STORE_CORRUPT']));
    expect(sources['Node adapter answers']).toEqual(expect.arrayContaining(['BODY_TOO_LARGE', 'INVALID_HOST', 'INTERNAL_ERROR']));
    expect(sources['PortOneWebhookResult codes']).toContain('REPLAYED');
  });

  it.each(Object.entries(sources))('has a section for every code of %s', (_, members) => {
    const missing = members.filter((code) => !sections.has(code));
    expect(missing, `add a "## CODE" section to docs/errors.md for: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no section for a code that does not exist, and no section twice', () => {
    const headings = [...doc.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim());
    expect(headings.filter((heading) => !looksLikeCode(heading)), 'every ## heading is a code').toEqual([]);
    expect(headings.filter((code) => !codes.has(code)), 'sections for codes no source raises').toEqual([]);
    expect(headings.length).toBe(new Set(headings).size);
  });

  it('gives each code its meaning, causes and fix, in Korean and in English', () => {
    for (const [code, body] of sections) {
      for (const part of ['**의미 · Meaning**', '**원인 · Causes**', '**해결 · Fix**']) expect(body, `${code}: ${part}`).toContain(part);
      expect(body, `${code} in Korean`).toMatch(/[가-힣]/);
      expect(body.replace(/\*\*[^*]+\*\*/g, ''), `${code} in English`).toMatch(/\*[A-Z][^*]*[a-z][^*]*\*/);
    }
  });

  it('links only to sections that exist', () => {
    const anchors = new Set([...sections.keys()].map((code) => code.toLowerCase()));
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });

  it('is what the README points to for errors', () => {
    expect(read('README.md')).toContain('(docs/errors.md)');
  });
});
