/**
 * The site in a real browser: headless Chromium from npm (@sparticuz/chromium) driven by
 * playwright-core, on the site of the fixture base opened from disk. Slow (the browser unpacks and
 * starts): run by `npm run test:site`, not by `npm test`. Screenshots go to a temporary folder (its
 * path is printed), or to docs/images/site-*.png, the README's pictures, with COOP_UPDATE_SCREENSHOTS=1.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runOnFixture, withTmpdir } from '../helpers.js';

const SLOW = 120_000;
const work = mkdtempSync(join(tmpdir(), 'sqlsite-browser-'));
const site = join(work, 'site');
const UPDATE = process.env.COOP_UPDATE_SCREENSHOTS === '1';
const SHOTS = UPDATE ? join(REPO, 'docs', 'images') : mkdtempSync(join(tmpdir(), 'coop-site-screenshots-'));
const shot = (name: string) => join(SHOTS, `site-${name}.png`);
const axeSource = axe.source;

let browser: Browser;
const outside: string[] = [];

beforeAll(async () => {
  const made = await runOnFixture('site', ['site', '--out', site]);
  expect(made.code).toBe(0);
  mkdirSync(SHOTS, { recursive: true });
  console.info(`screenshots in ${SHOTS}`);
  // A folder of its own for the browser's unpacking: an older extraction left in the shared temp
  // folder crashes it at launch (SIGTRAP, eglGetProcAddress not found).
  const unpack = join(work, 'chromium');
  mkdirSync(unpack);
  browser = await withTmpdir(unpack, async () => {
    const { default: chromium } = await import('@sparticuz/chromium');
    const { chromium: playwright } = await import('playwright-core');
    return playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
  });
}, SLOW);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const url = (path: string) => pathToFileURL(join(site, path)).href;

let shared: Page | undefined;

/**
 * One page for every test, never closed: the browser runs as a single process (chromium.args),
 * and closing a page there ends the browser.
 */
async function open(path: string, width = 1280): Promise<Page> {
  if (!shared) {
    shared = await browser.newPage();
    shared.on('request', (request) => {
      if (!request.url().startsWith('file:')) outside.push(request.url());
    });
  }
  await shared.setViewportSize({ width, height: 900 });
  await shared.goto(url(path));
  return shared;
}

describe('the site in Chromium, from disk', () => {
  it(
    'finds "cite des fleurs" as one types, and goes to its page',
    async () => {
      const page = await open('index.html');
      await page.fill('#q', 'cite des fleurs');
      const first = page.locator('#resultats a').first();
      await expect.poll(() => first.textContent()).toContain('Clinique de la Cité des Fleurs');
      await page.screenshot({ path: shot('search') });
      await first.click();
      await page.waitForURL(/organisations\/clinique-des-fleurs\/index\.html$/);
      expect(await page.textContent('h1')).toBe('Clinique de la Cité des Fleurs');
    },
    SLOW,
  );

  it(
    'goes from the home page to the alliance, a person, an article, a member and back',
    async () => {
      const page = await open('index.html');
      await page.screenshot({ path: shot('home'), fullPage: true });
      await page.click('nav >> text=Organisations');
      await page.click('text=Alliance de test');
      expect(await page.textContent('h1')).toContain('Alliance de test');
      expect(await page.locator('figure.graph svg').count()).toBe(1);
      await page.screenshot({ path: shot('alliance'), fullPage: true });
      await page.click('ul.people >> text=Jérôme Müller');
      expect(await page.textContent('h1')).toBe('Jérôme Müller');
      await page.screenshot({ path: shot('person'), fullPage: true });
      await page.click('ul.roles a.ref >> nth=0');
      expect(await page.textContent('h1')).toBe("Deux hôpitaux de Suresnes s'allient");
      await page.goBack();
      await page.goBack();
      await page.click('ul.members >> text=Hôpital A');
      expect(await page.textContent('h1')).toBe('Hôpital A');
      await page.click('a.ref >> nth=0');
      expect(await page.textContent('h1')).toBe("Deux hôpitaux de Suresnes s'allient");
      await page.goBack();
      expect(await page.textContent('h1')).toBe('Hôpital A');
    },
    SLOW,
  );

  it(
    'filters the organisations by region, also from the map',
    async () => {
      const page = await open('index.html');
      await page.click('figure.map a[href$="region=grand-est"]');
      const visible = () =>
        page.$$eval('table.filterable tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);
      expect(await page.inputValue('select[name=region]')).toBe('grand-est');
      const grandEst = await visible();
      await page.selectOption('select[name=region]', '');
      expect(await visible()).toBe(11);
      expect(grandEst).toBeLessThan(11);
    },
    SLOW,
  );

  it(
    'has no horizontal scroll at 375 px, and no page has a serious or critical axe violation',
    async () => {
      const paths = [
        'index.html',
        'organisations/index.html',
        'organisations/alliance-test/index.html',
        'organisations/hostile/index.html',
        'programmes/plan-national/index.html',
        'financements/index.html',
        'evenements/index.html',
        'articles/gazette-2019-05-02-alliance/index.html',
        'recherche/index.html',
        'personnes/index.html',
        'personnes/jerome-muller/index.html',
      ];
      const problems: string[] = [];
      for (const path of paths) {
        const page = await open(path, 375);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        if (wide > 375) {
          const culprits = await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > 375)
              .slice(0, 3)
              .map((e) => `${e.tagName}.${e.className}`),
          );
          problems.push(`${path}: ${wide} px wide at 375 (${culprits.join(', ')})`);
        }
        if (path === 'organisations/alliance-test/index.html')
          await page.screenshot({ path: shot('alliance-375'), fullPage: true });
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
            }
          ).axe;
          return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        });
        for (const v of violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            problems.push(`${path}: ${v.id} (${v.impact}, ${v.nodes})`);
      }
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    },
    SLOW,
  );
});
