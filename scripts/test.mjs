#!/usr/bin/env node
// The whole suite, in the order DESIGN.md's pipeline gives: typecheck → unit + SSR + browser tests →
// build (the packages and examples/shop) → package checks → Storybook build → e2e against the built Storybook and the
// example shop (e2e/*.test.mjs). The last line is the summary CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;

function run(title, command, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function step(title, command, args) {
  if (run(title, command, args)) return true;
  console.error(`✖ ${title} failed`);
  failed++;
  return false;
}

// Browser tests need Debian's Chromium (a test tool's own browser download cannot work here).
if (!existsSync(chromium)) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    run('Installing Chromium from apt', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
  }
  if (!existsSync(chromium)) {
    console.error(`Chromium not found at ${chromium}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
    console.log('Tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

// The order store tests start a throwaway cluster from Debian's PostgreSQL server binaries.
const hasPostgres = () => existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/postgres`));
if (!hasPostgres()) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    run('Installing PostgreSQL from apt', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null']);
  }
  if (!hasPostgres()) {
    console.error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them (sudo apt-get install postgresql).');
    console.log('Tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

// The screenshot test (e2e/screenshots.test.mjs) photographs Hangul, which needs a Korean font in
// Chromium; without one it fails with the install command rather than compare boxes.
const hasKoreanFont = () => spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).stdout?.includes('Noto Sans CJK') ?? false;
if (!hasKoreanFont() && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  run('Installing a Korean font (fonts-noto-cjk) from apt', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null']);
}

// Run pnpm the way this script was started when pnpm started it (npm_execpath), else through npx.
const execpath = process.env.npm_execpath ?? '';
const [pnpmCommand, ...pnpmArgs] = /pnpm/.test(execpath) ? [process.execPath, execpath] : ['npx', '-y', 'pnpm@10'];
const bin = (name) => join(root, 'node_modules', '.bin', name);
// The sandbox's stand-in scripts are generated sources the tests and the typecheck import.
const ready = step('Build the sandbox scripts', process.execPath, ['packages/sandbox/build.mjs']);
if (ready) {
  step('Typecheck', bin('tsc'), [ '-p', 'tsconfig.json', '--noEmit']);

  const report = join(results, 'vitest.json');
  run('Unit, SSR and browser tests (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests + (json.numTotalTests === 0 ? 1 : 0);
    // A suite that fails to load has no tests to count; count it as a failure.
    failed += json.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  } else {
    failed++;
  }

  if (step('Build the packages', pnpmCommand, [...pnpmArgs, 'run', 'build'])) {
    // The packages as published: pack, publint, arethetypeswrong, a consumer app under React 18 and 19,
    // per-provider bundles without the other providers' code, and the size budgets (test/packages/).
    const packages = join(results, 'packages.json');
    rmSync(packages, { force: true });
    run('Package checks: tarballs, consumer, provider isolation, size budgets', 'node', ['--test', '--test-reporter=spec', '--test-reporter=./scripts/count-reporter.mjs', '--test-reporter-destination=stdout', `--test-reporter-destination=${packages}`, 'test/packages/']);
    if (existsSync(packages)) {
      const counts = JSON.parse(readFileSync(packages, 'utf8'));
      passed += counts.passed;
      failed += counts.failed + (counts.passed + counts.failed === 0 ? 1 : 0);
    } else {
      failed++;
    }

    if (step('Build Storybook', pnpmCommand, [...pnpmArgs, 'run', 'build-storybook'])) {
      const e2e = join(results, 'e2e.json');
      // e2e/ includes the screenshot test, so it runs once, against this same Storybook build.
      // e2e/next.test.mjs runs `next build` for examples/next once, on the packages built above
      // (`npm run build` leaves the Next app out, so it is not built twice).
      run('E2E: every story, the screenshots, the example shop and examples/next end to end, in Chromium', 'node', ['--test', '--test-reporter=spec', '--test-reporter=./scripts/count-reporter.mjs', `--test-reporter-destination=stdout`, `--test-reporter-destination=${e2e}`, 'e2e/'], { env: { ...process.env, CHROMIUM_PATH: chromium, NEXT_TELEMETRY_DISABLED: '1' } });
      if (existsSync(e2e)) {
        const counts = JSON.parse(readFileSync(e2e, 'utf8'));
        passed += counts.passed;
        failed += counts.failed + (counts.passed + counts.failed === 0 ? 1 : 0);
      } else {
        failed++;
      }
    }
  }
}

console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
