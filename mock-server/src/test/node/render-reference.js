'use strict';
// Opens the API reference in headless Chromium (playwright-core drives the system's Chromium; it
// never downloads a browser), blocks and records every request that is not the file itself,
// keeps a screenshot, and prints as JSON what a reader sees: each section's text with every
// response tab opened and every example name of its drop-downs, plus console and page errors.
//
// Then opens <reference.html>#operation/<operationId>, as a javadoc link does, and reports where
// that lands.
//
// usage: node render-reference.js <chromium> <reference.html> <screenshot.png> <empty profile dir>
//        <operationId>

const path = require('path');
const { chromium } = require('playwright-core');

const CLOSED_NETWORK_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

async function main() {
  const [executablePath, html, screenshot, profile, operationId] = process.argv.slice(2);
  const report = { consoleErrors: [], pageErrors: [], requests: [], text: '', sections: {}, link: {} };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: CLOSED_NETWORK_FLAGS,
    viewport: { width: 1440, height: 1000 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') report.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => report.pageErrors.push(String(error)));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob|about):/.test(url)) return route.continue();
      report.requests.push(url);
      return route.abort();
    });
    await page.goto(`file://${path.resolve(html)}`, { waitUntil: 'load' });
    await page.waitForSelector('[data-section-id*="/operation/"]', { timeout: 60000 });
    await page.screenshot({ path: screenshot });
    report.text = await page.evaluate(() => document.body.innerText);
    report.sections = await page.evaluate(async () => {
      const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
      const options = (root) => Array.from(root.querySelectorAll('select option'))
        .map((option) => option.textContent).join('\n');
      const sections = {};
      for (const section of document.querySelectorAll('[data-section-id]')) {
        const texts = [section.innerText, options(section)];
        for (const tab of section.querySelectorAll('[role="tab"]')) {
          tab.click();
          await settle();
          texts.push(section.innerText, options(section));
        }
        sections[section.getAttribute('data-section-id')] = texts.join('\n');
      }
      return sections;
    });
    const link = await context.newPage();
    link.on('pageerror', (error) => report.pageErrors.push(String(error)));
    await link.goto(`file://${path.resolve(html)}#operation/${operationId}`, { waitUntil: 'load' });
    await link.waitForFunction((id) => window.location.hash.endsWith(`/operation/${id}`),
      operationId, { timeout: 10000 }).catch(() => undefined);
    await link.waitForTimeout(500);
    report.link = await link.evaluate((id) => {
      const section = document.querySelector(`[data-section-id$="/operation/${id}"]`);
      return { hash: window.location.hash,
        top: section ? Math.round(section.getBoundingClientRect().top) : null };
    }, operationId);
  } finally {
    await context.close();
  }
  process.stdout.write(JSON.stringify(report));
}

main().catch((error) => {
  console.error(error && (error.stack || error.message || error));
  process.exitCode = 2;
});
