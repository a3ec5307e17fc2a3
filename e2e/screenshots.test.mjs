// The look, held still: a fixed set of stories (each provider's states, the optional stylesheet on and
// off, a PC and a phone) photographed in Debian's Chromium from the Storybook build the suite already
// made, and compared with the images committed in e2e/screenshots/. A visual regression (a colour, a
// margin, a font falling back) fails here; an intended change is accepted by re-recording:
//
//   UPDATE_SCREENSHOTS=1 node --test e2e/screenshots.test.mjs
//
// Hangul needs a CJK font, which Debian's Chromium does not bring: `.ci/run` and `npm test` install
// fonts-noto-cjk from apt when they can; without it this test fails rather than compare tofu boxes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { PHONE, startStorybook } from './helpers.mjs';

const baselines = fileURLToPath(new URL('./screenshots/', import.meta.url));
const failures = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const update = process.env.UPDATE_SCREENSHOTS === '1';
const PC = { width: 1024, height: 768 };

/**
 * How different two images may be and still pass: pixelmatch's per-pixel colour threshold (0..1)
 * absorbs anti-aliasing, and at most this share of the pixels may differ beyond it. A changed colour
 * on a button, or text that moved by a line, is far above both.
 */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFFERENT_SHARE = 0.002;

/** [story id, stylesheet, viewport]. Ids of random values (order ids, payment keys) are masked. */
const SHOTS = [
  ['toss-checkout--ready', 'kcheckout', PC],
  ['toss-checkout--ready', 'none', PC],
  ['toss-checkout--ready', 'kcheckout', PHONE],
  ['toss-checkout--loading', 'kcheckout', PC],
  ['toss-checkout--all-states', 'kcheckout', PC],
  ['toss-checkout--all-states', 'none', PC],
  ['toss-checkout--fail', 'kcheckout', PC],
  ['toss-checkout--english', 'kcheckout', PC],
  ['toss-components--button-as-child', 'kcheckout', PC],
  ['portone-v2-checkout--ready', 'kcheckout', PC],
  ['portone-v2-checkout--ready', 'kcheckout', PHONE],
  ['portone-v2-checkout--ready', 'none', PHONE],
  ['portone-v2-checkout--awaiting-method', 'kcheckout', PC],
  ['portone-v2-checkout--all-states', 'kcheckout', PC],
  ['portone-v2-checkout--all-states', 'none', PC],
  ['portone-v2-checkout--success', 'kcheckout', PC],
  ['portone-v1-iamport-checkout--all-states', 'kcheckout', PC],
  ['portone-v1-iamport-checkout--ready', 'kcheckout', PHONE],
];

const shotName = ([id, styles, viewport]) => `${id}.${styles === 'none' ? 'unstyled' : 'styled'}.${viewport === PHONE ? 'phone' : 'pc'}`;

let storybook;

before(async () => {
  const fonts = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  assert.match(fonts, /Noto Sans CJK/, 'No Korean font: install fonts-noto-cjk (apt-get install fonts-noto-cjk), as .ci/run does');
  storybook = await startStorybook();
});

after(async () => {
  await storybook?.stop();
});

/** Opens the story, lets its play function bring it to its state, and photographs the page. */
async function photograph([id, styles, viewport]) {
  const { page, errors } = await storybook.newStoryPage({ viewport });
  try {
    const failure = await storybook.gotoStory(page, id, { query: `globals=styles:${styles}` });
    assert.equal(failure, null, `${id}: ${failure}`);
    assert.deepEqual(errors, []);
    // The stylesheet is a <link> the preview adds after the first render; wait until it applies (or not).
    await page.waitForFunction((wanted) => {
      const link = document.querySelector('link[rel="stylesheet"][href*="styles"]');
      return wanted ? Boolean(link?.sheet) : !link;
    }, styles !== 'none');
    await page.evaluate(() => document.fonts.ready);
    return await page.screenshot({
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
      // Fresh for every payment: order ids, payment keys, transaction ids.
      mask: [page.locator('[data-testid="result"] dd')],
      maskColor: '#c0c0c0',
    });
  } finally {
    await page.close();
  }
}

describe('given the built Storybook in Chromium with a Korean font', () => {
  for (const shot of SHOTS) {
    const name = shotName(shot);
    it(`${name} looks as committed`, async () => {
      const actual = await photograph(shot);
      const file = join(baselines, `${name}.png`);
      if (update) {
        mkdirSync(baselines, { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      assert.ok(existsSync(file), `no committed image ${file}: record it with UPDATE_SCREENSHOTS=1`);
      const expected = PNG.sync.read(readFileSync(file));
      const image = PNG.sync.read(actual);
      const save = () => {
        mkdirSync(failures, { recursive: true });
        writeFileSync(join(failures, `${name}.actual.png`), actual);
      };
      if (image.width !== expected.width || image.height !== expected.height) {
        save();
        assert.fail(`${name}: ${image.width}×${image.height} now, ${expected.width}×${expected.height} committed (see test-results/screenshots/)`);
      }
      const diff = new PNG({ width: image.width, height: image.height });
      const different = pixelmatch(expected.data, image.data, diff.data, image.width, image.height, { threshold: PIXEL_THRESHOLD });
      const share = different / (image.width * image.height);
      if (share > MAX_DIFFERENT_SHARE) {
        save();
        writeFileSync(join(failures, `${name}.diff.png`), PNG.sync.write(diff));
      }
      assert.ok(share <= MAX_DIFFERENT_SHARE, `${name}: ${different} pixels (${(share * 100).toFixed(3)}%) differ from the committed image (see test-results/screenshots/)`);
    });
  }
});
