/**
 * The report's HTML in a real browser (Debian's Chromium through playwright-core): evidence whose log
 * text carries script, an image with onerror and javascript: links runs nothing and fetches nothing,
 * and the report's own script still works (an evidence link posts the open message to the extension).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDiagnosisBuilder } from '../../server/src/core/diagnosis';
import { toHtml } from '../../server/src/core/report/html';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const REPORT_URL = 'https://webview.invalid/report.html';

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned=\'link\'">click</a>',
  '[click](javascript:window.__pwned=1)',
  '"><svg onload="window.__pwned=\'svg\'">',
  '<iframe src="https://example.com/"></iframe>',
];

function hostileDiagnosis() {
  const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds: 120, defaultUtcOffsetMinutes: null });
  const lines = PAYLOADS.map(
    (p, i) =>
      `<![LOG[Failed to connect to \\\\DP01.corp.example.com\\root\\SCCMDP ${p} 0x80070005]LOG]!><time="10:00:0${i}.000+000" date="07-11-2023" component="SMS_DISTRIBUTION_MANAGER${i === 0 ? '<b>' : ''}" context="" type="3" thread="1" file="x.cpp:1">`,
  );
  builder.addFile('CM01<script>/distmgr.log', lines.join('\r\n'));
  builder.addFile(
    'CM01<script>/System.xml',
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM'/><EventID>10037</EventID><TimeCreated SystemTime='2023-07-11T10:00:01Z'/><Computer>CM01.corp.example.com</Computer></System><EventData><Data>&lt;script&gt;window.__pwned=2&lt;/script&gt;.exe</Data><Data>1</Data><Data>{8BC3F05E-D86B-11D0-A075-00C04FB68820}</Data><Data>DP01&lt;img src=x onerror=window.__pwned=3&gt;</Data><Data>2</Data></EventData></Event>`,
  );
  return builder.finish();
}

describe('the report webview is safe in a real browser', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    // What the VS Code webview host provides to the page's script.
    await page.addInitScript(() => {
      const w = globalThis as unknown as { __messages: unknown[]; acquireVsCodeApi: () => { postMessage: (m: unknown) => void } };
      w.__messages = [];
      w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__messages.push(m) });
    });
    const html = toHtml(hostileDiagnosis(), { nonce: 'bm9uY2UtZm9yLXRlc3Rz', cspSource: 'https://webview.invalid' });
    // Served from a route, not from the network: init scripts only run on a navigation.
    await page.route(REPORT_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto(REPORT_URL, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
  });

  it('runs no injected script and opens no dialog', async () => {
    const pwned = await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned);
    assert.equal(pwned, undefined);
    assert.deepEqual(dialogs, []);
  });

  it('fetches nothing', () => {
    const fetched = requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank' && u !== REPORT_URL);
    assert.deepEqual(fetched, []);
  });

  it('shows the hostile text as text', async () => {
    const text = await page.locator('body').innerText();
    assert.match(text, /<script>window\.__pwned = "script"<\/script>/);
    assert.equal(await page.locator('body img, body iframe, body svg[onload]').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  });

  it('its own script still works: an evidence link posts the open message', async () => {
    const link = page.locator('a[data-file]').first();
    const file = await link.getAttribute('data-file');
    await link.click();
    const messages = await page.evaluate(() => (globalThis as unknown as { __messages: { type: string; file: string; line: number }[] }).__messages);
    assert.equal(messages[0]?.type, 'open');
    assert.equal(messages[0]?.file, file);
    assert.ok(Number.isInteger(messages[0]?.line));
    assert.deepEqual(errors, []);
  });
});
