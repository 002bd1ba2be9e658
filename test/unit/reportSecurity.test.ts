/**
 * Log text is untrusted: escaping in every report format, the webview's Content Security Policy, and
 * redaction of user names, SIDs and IP addresses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnosis } from '../../server/src/core/diagnosis/model';
import { mdCode, mdText, oneLine } from '../../server/src/core/report/escape';
import { safeHref, toHtml } from '../../server/src/core/report/html';
import { toContractJson } from '../../server/src/core/report/json';
import { toMarkdown } from '../../server/src/core/report/markdown';
import { redactDiagnosis } from '../../server/src/core/report/redact';
import { toSarif } from '../../server/src/core/report/sarif';
import { toText } from '../../server/src/core/report/text';
import { renderTimelineSvg } from '../../server/src/core/report/timelineSvg';
import {
  ALICE_SID,
  HOSTILE,
  KEPT,
  SENSITIVE,
  allStrings,
  countMarkupOpeners,
  diagnosisFixture,
  emptyDiagnosis,
  htmlTags,
  parseXml,
} from './support/diagnosisFixture';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';
const html = (d: Diagnosis, linkFor?: (file: string, line: number) => string): string =>
  toHtml(d, { nonce: NONCE, cspSource: 'vscode-webview-resource:', ...(linkFor ? { linkFor } : {}) });

const HTML_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'p', 'strong', 'span', 'ul', 'ol', 'li', 'div', 'button', 'label',
  'input', 'section', 'script', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'a', 'time', 'br', 'svg', 'path', 'circle', 'rect', 'line', 'text',
]);

describe('HTML report: escaping and CSP', () => {
  const page = html(diagnosisFixture());
  const tags = htmlTags(page);

  it('has only the tags the renderer writes (log text never becomes markup)', () => {
    assert.deepEqual([...new Set(tags.map((t) => t.name))].filter((n) => !HTML_TAGS.has(n)), []);
    // Every `<` that opens markup is one of those tags (or the doctype or a closing tag).
    const closers = (page.match(/<\//g) ?? []).length;
    assert.equal(countMarkupOpeners(page), tags.length + closers + 1);
  });
  it('has no raw <script, <img or event handler attributes from the logs', () => {
    assert.equal((page.match(/<script/gi) ?? []).length, 1);
    assert.ok(!/<img/i.test(page));
    const handlers = tags.flatMap((t) => [...t.attributes.keys()].filter((a) => a.startsWith('on')).map((a) => `${t.name}.${a}`));
    assert.deepEqual(handlers, []);
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the hostile text is shown, escaped');
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
  it('has a strict CSP meta with no remote sources, and every script and style has the nonce', () => {
    const csp = tags.find((t) => t.name === 'meta' && t.attributes.get('http-equiv') === 'Content-Security-Policy')?.attributes.get('content');
    assert.equal(
      csp,
      `default-src 'none'; img-src vscode-webview-resource: data:; style-src vscode-webview-resource: 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`,
    );
    assert.ok(!/https?:/i.test(csp ?? 'missing'));
    assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('<style'), 'the CSP comes before any style or script');
    for (const t of tags.filter((x) => x.name === 'script' || x.name === 'style')) assert.equal(t.attributes.get('nonce'), NONCE, `${t.name} without the nonce`);
    assert.ok(!tags.some((t) => t.attributes.has('style')), 'no inline style attributes (the CSP blocks them)');
    assert.ok(!tags.some((t) => t.name === 'link' || t.attributes.has('src')), 'nothing is loaded');
  });
  it('every link is # with data-file and data-line, attribute-escaped', () => {
    const links = tags.filter((t) => t.name === 'a');
    assert.ok(links.length >= 10);
    for (const a of links) {
      assert.equal(a.attributes.get('href'), '#');
      assert.ok(a.attributes.has('data-file'));
      assert.match(a.attributes.get('data-line') ?? '', /^[1-9]\d*$/);
    }
    assert.ok(page.includes('data-file="logs/DP01/distmgr &quot;q&quot; &amp; &lt;b&gt;.log" data-line="3"'));
  });
  it('has the export button, the redact checkbox and the script that posts both messages', () => {
    assert.ok(tags.some((t) => t.name === 'button' && t.attributes.get('id') === 'export-markdown'));
    const box = tags.find((t) => t.name === 'input' && t.attributes.get('id') === 'export-redact');
    assert.equal(box?.attributes.get('type'), 'checkbox');
    assert.ok(box?.attributes.has('checked'), 'redaction is on by default');
    assert.match(page, /postMessage\(\{ type: 'open', file: target\.getAttribute\('data-file'\), line: Number\(target\.getAttribute\('data-line'\)\) \}\)/);
    assert.match(page, /postMessage\(\{ type: 'exportMarkdown', redact: /);
  });
  it('uses the VS Code theme variables', () => {
    for (const v of ['--vscode-foreground', '--vscode-editor-background', '--vscode-textLink-foreground', '--vscode-button-background']) assert.ok(page.includes(`var(${v}`), v);
  });
  it('a hostile nonce or cspSource cannot break out of the CSP', () => {
    const odd = toHtml(emptyDiagnosis(), { nonce: `x' 'unsafe-inline'"><script>`, cspSource: `a; script-src * "<x>` });
    const csp = htmlTags(odd).find((t) => t.name === 'meta' && t.attributes.has('http-equiv'))?.attributes.get('content') ?? '';
    assert.ok(!csp.includes("'unsafe-inline'"));
    assert.ok(!/\s\*\s/.test(csp), 'no wildcard source');
    assert.equal(csp.split(';').filter((s) => s.trim().startsWith('script-src')).length, 1);
    assert.match(toHtml(emptyDiagnosis(), { nonce: 'n', cspSource: "'self' https://*.vscode-cdn.net" }), /img-src 'self' https:\/\/\*\.vscode-cdn\.net data:;/);
    assert.equal((odd.match(/<script/g) ?? []).length, 1);
  });
  it('linkFor hrefs are kept when safe and replaced by # otherwise', () => {
    const page2 = html(diagnosisFixture(), (file, line) => (file.includes('distmgr') ? 'javascript:alert(1)' : `file:///cases/${file}#L${line}`));
    const hrefs = htmlTags(page2).filter((t) => t.name === 'a').map((t) => t.attributes.get('href') ?? '');
    assert.ok(hrefs.includes('file:///cases/logs/CONSOLE01/SmsAdminUI.log#L12'));
    assert.ok(hrefs.includes('#'));
    assert.ok(!hrefs.some((h) => /javascript/i.test(h)));
    const throwing = html(diagnosisFixture(), () => {
      throw new Error('no');
    });
    assert.ok(throwing.includes('data-line="12"'));
  });
  it('safeHref refuses script, remote and protocol-relative links', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', 'java\tscript:x', ' javascript:x', 'data:text/html,x', 'https://evil.example', 'vbscript:x', '//evil.example', '\\\\evil\\x', '/\\evil']) {
      assert.equal(safeHref(bad), '#', bad);
    }
    assert.equal(safeHref('file:///C:/a b.log'), 'file:///C:/a%20b.log');
    assert.equal(safeHref('#L3'), '#L3');
    assert.equal(safeHref('logs/a.log'), 'logs/a.log');
  });
});

/** Removes Markdown code spans (fence to matching fence) so the rest can be checked as prose. */
function outsideCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    const run = /^`+/.exec(markdown.slice(i));
    if (!run) {
      out += markdown[i];
      i++;
      continue;
    }
    const fence = run[0];
    let j = i + fence.length;
    let closed = -1;
    while (j < markdown.length) {
      const next = /`+/.exec(markdown.slice(j));
      if (!next) break;
      if (next[0].length === fence.length) {
        closed = j + next.index;
        break;
      }
      j += next.index + next[0].length;
    }
    if (closed < 0) {
      out += fence;
      i += fence.length;
    } else i = closed + fence.length;
  }
  return out;
}

/** Unescaped pipes of a table row (a `\|` is part of a cell). */
const cellBorders = (row: string): number => (row.match(/(?<!\\)\|/g) ?? []).length;

describe('Markdown report: escaping', () => {
  const md = toMarkdown(diagnosisFixture());
  it('log text outside code spans cannot open HTML, links or images', () => {
    const prose = outsideCodeSpans(md);
    assert.ok(!/(?<!\\)</.test(prose), 'an unescaped < outside code spans');
    assert.ok(!/(?<!\\)\]\(/.test(prose), 'a link');
    assert.ok(!/(?<!\\)!\[/.test(prose), 'an image');
    assert.ok(!/(?<!\\)<script/.test(prose));
  });
  it('code spans use a fence longer than any backtick run inside', () => {
    assert.ok(md.includes('````Failed to connect to 192.168.10.20'), 'the excerpt with ``` gets a four-backtick fence');
    assert.equal(mdCode('a ``` b'), '````a ``` b````');
    assert.equal(mdCode('`start'), '`` `start ``');
    assert.equal(mdCode(''), '`\u00A0`');
    assert.equal(mdCode('two\nlines'), '`two lines`');
  });
  it('table rows keep their column count whatever the cells hold', () => {
    const lines = md.split('\n');
    let expected = -1;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        expected = -1;
        continue;
      }
      if (expected < 0) expected = cellBorders(line);
      else assert.equal(cellBorders(line), expected, line);
    }
    assert.ok(md.includes('a \\| b \\|\\| c'), 'pipes inside cells are escaped');
  });
  it('mdText escapes emphasis, links, HTML and block markers', () => {
    assert.equal(mdText('*a* _b_ [c](javascript:x) <d> & e'), '\\*a\\* \\_b\\_ \\[c\\](javascript:x) \\<d\\> \\& e');
    assert.equal(mdText('# not a heading'), '\\# not a heading');
    assert.equal(mdText('1. not a list'), '1\\. not a list');
    assert.equal(mdText('- not a list'), '\\- not a list');
  });
});

describe('text report and SVG: control characters', () => {
  it('the terminal report has no escape sequences or bidi overrides', () => {
    const text = toText(diagnosisFixture());
    assert.ok(!/[\u001b\u202e\u0000-\u0008]/.test(text));
    assert.ok(text.includes('\uFFFD[31mred'));
    assert.equal(oneLine('a\r\nb\tc\u001bd'), 'a b c\uFFFDd');
  });
  it('the SVG is well-formed and its text is escaped', () => {
    const d = diagnosisFixture();
    const hostileMachine: Diagnosis = {
      ...d,
      findings: d.findings.map((f, i) => (i === 0 ? { ...f, machine: `${HOSTILE.script}${HOSTILE.cdataEnd}\u0000`, file: `${HOSTILE.img}.log` } : f)),
    };
    const svg = renderTimelineSvg(hostileMachine);
    const { elements, texts } = parseXml(svg);
    assert.ok(!elements.some((e) => e.name === 'script' || e.name === 'img' || e.name === 'foreignObject'));
    assert.ok(!elements.some((e) => Object.keys(e.attributes).some((a) => a.startsWith('on'))));
    assert.ok(texts.join('').includes('<script>alert(1)</script>]]>'), 'the hostile text reads as text');
  });
});

describe('redactDiagnosis', () => {
  const d = diagnosisFixture();
  const r = redactDiagnosis(d);
  const outputs = (x: Diagnosis): Record<string, string> => ({
    markdown: toMarkdown(x),
    html: toHtml(x, { nonce: NONCE, cspSource: 'vscode-webview-resource:' }),
    text: toText(x),
    json: JSON.stringify(toContractJson(x)),
    sarif: JSON.stringify(toSarif(x, '0.1.0')),
    svg: renderTimelineSvg(x),
    raw: allStrings(x).join('\n'),
  });

  it('no user name, account SID or address survives in any output', () => {
    for (const [name, out] of Object.entries(outputs(r))) {
      const lower = out.toLowerCase();
      const left = SENSITIVE.filter((s) => lower.includes(s.toLowerCase()));
      assert.deepEqual(left, [], `${name} still has ${left.join(', ')}`);
    }
  });
  it('the unredacted outputs do have them (the check above means something)', () => {
    for (const [name, out] of Object.entries(outputs(d))) {
      if (name === 'svg') continue;
      assert.ok(SENSITIVE.some((s) => out.includes(s)), name);
    }
  });
  it('keeps machine names, computer accounts, well-known accounts and SIDs, and loopback addresses', () => {
    const raw = allStrings(r).join('\n');
    for (const kept of KEPT) assert.ok(raw.includes(kept), `lost ${kept}`);
    assert.deepEqual(r.machines.map((m) => m.id), ['CONSOLE01', 'CM01', 'DP01', '<ip-2>']);
  });
  it('maps the same value to the same placeholder everywhere', () => {
    const f = r.findings[2];
    assert.deepEqual(f?.details, { domain: '<domain-1>', user: '<user-1>', sid: '<sid-1>', clientAddress: '<ip-1>' });
    assert.equal(f?.peer, '<ip-1>');
    assert.equal(r.machines[0]?.addresses[0], '<ip-1>');
    assert.equal(f?.message, 'DCOM event 10036 (server side): activation by <domain-1>\\<user-1> (<sid-1>) from <ip-1> was refused.');
    assert.equal(
      f?.excerpt,
      '<Data Name="Domain Name"><domain-1></Data><Data Name="User Name"><user-1></Data><Data Name="SID"><sid-1></Data><Data Name="Client IP Address"><ip-1></Data>',
    );
    assert.equal(r.reasons[1], 'CM01 refused activations from CONSOLE01 (<ip-1>) as <domain-1>\\<user-1>.');
    assert.equal(r.findings[0]?.excerpt.includes('as <domain-1>\\<user-1> failed'), true);
    // The machine known only by its address is the same placeholder in every field that names it.
    const dpAddress = r.machines[3]?.id;
    assert.equal(r.findings[1]?.peer, dpAddress);
    assert.ok(r.recommendations[3]?.machines.includes(dpAddress ?? 'missing'));
    assert.ok(r.recommendations[3]?.title.endsWith(dpAddress ?? 'missing'));
    // Different values, different placeholders.
    assert.equal(r.findings[3]?.details?.sid, '<sid-2>');
    assert.equal(r.findings[3]?.details?.user, 'CONSOLE01$');
    assert.equal(r.findings[3]?.details?.domain, '<domain-1>');
    assert.match(r.findings[3]?.message ?? '', /by <domain-1>\\CONSOLE01\$ \(<sid-2>\) from <ip-\d+>/);
  });
  it('redacts profile folders in paths, consistently across findings, files and pairings', () => {
    assert.equal(r.findings[5]?.file, 'C:\\Users\\<user-2>\\Desktop\\case\\SMSProv.log');
    assert.equal(r.files[5]?.path, r.findings[5]?.file);
    assert.equal(r.files[6]?.error, "EACCES: permission denied, open 'C:\\Users\\<user-2>\\Desktop\\case\\locked.log'");
    assert.equal(r.correlations[0]?.log.file, 'logs/CONSOLE01/SmsAdminUI.log');
  });
  it('does not change the input, and redacting twice changes nothing more', () => {
    const before = JSON.stringify(d);
    redactDiagnosis(d);
    assert.equal(JSON.stringify(d), before);
    assert.deepEqual(redactDiagnosis(r), r);
  });
  it('keeps the enumerations and numbers of the model', () => {
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.line, f.column, f.time, f.timeSource, f.severity, f.context]),
      d.findings.map((f) => [f.code, f.line, f.column, f.time, f.timeSource, f.severity, f.context]),
    );
    assert.equal(r.verdict, d.verdict);
    assert.deepEqual(r.machines.map((m) => m.roles), d.machines.map((m) => m.roles));
    assert.equal(r.registry[0]?.key, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat');
  });

  const one = (text: string): string => redactDiagnosis({ ...emptyDiagnosis(), reasons: [text] }).reasons[0] ?? '';
  it('leaves paths, namespaces, registry keys, times, versions, GUIDs and C++ names alone', () => {
    for (const text of [
      'C:\\Windows\\System32\\wbem',
      'namespace root\\cimv2 and root\\ccm\\Policy',
      'HKLM\\SOFTWARE and HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole',
      'at 10:02:11.204 on 2022-06-20T18:02:11Z',
      'Microsoft.ConfigurationManagement, Version=5.0.0.0, build 5.00.9078.1000, OS 10.0.19041.1',
      '{8BC3F05E-D86B-11D0-A075-00C04FB68820}',
      'CWmiConnection::Connect and std::vector and Add::Feed',
      'MAC 00:15:5d:01:02:03',
      'logs\\CM01\\System.xml and CM01\\SMSProv.log',
      'NT AUTHORITY\\NETWORK SERVICE, BUILTIN\\Administrators, NT SERVICE\\CcmExec',
      'S-1-5-18 S-1-5-32-544 S-1-5-80-123-456 on 127.0.0.1 and ::1',
    ]) {
      assert.equal(one(text), text);
    }
  });
  it('finds users, SIDs and addresses in their other forms', () => {
    assert.equal(one('UPN alice@corp.contoso.com'), 'UPN <user-1>@corp.contoso.com');
    assert.equal(one('local .\\localadmin'), 'local .\\<user-1>');
    assert.equal(one(`HKEY_USERS\\${ALICE_SID}\\Software`), 'HKEY_USERS\\<sid-1>\\Software');
    assert.equal(one('s-1-12-1-1111-2222-3333-4444 is an Entra user'), '<sid-1> is an Entra user');
    assert.equal(one('::ffff:10.0.0.5 is 10.0.0.5'), '<ip-1> is <ip-1>');
    assert.equal(one('[fe80::1%12]:135 and FE80:0:0:0:0:0:0:1'), '[<ip-1>]:135 and <ip-1>');
    assert.equal(one('10.1.2.3:135, 10.1.2.4.'), '<ip-1>:135, <ip-2>.');
    assert.equal(one('2001:db8:0:0:1:0:0:1 then 2001:db8::1:0:0:1.'), '<ip-1> then <ip-1>.');
    assert.equal(one('user CORP\\alice then alice again, not malice'), 'user <domain-1>\\<user-1> then <user-1> again, not malice');
    assert.equal(one('D:\\Users\\carol\\AppData and /Users/dave/logs'), 'D:\\Users\\<user-1>\\AppData and /Users/<user-2>/logs');
  });
  it('a machine address that is not written like an address is still replaced', () => {
    const x = redactDiagnosis({ ...emptyDiagnosis(), machines: [{ ...(d.machines[0] as Diagnosis['machines'][number]), addresses: ['fe80::1%eth0', 'odd-address', '127.0.0.1'] }] });
    assert.deepEqual(x.machines[0]?.addresses, ['<ip-1>', '<ip-2>', '127.0.0.1']);
  });
});

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ...Object.values(HOSTILE), '<', '>', '&', '"', "'", '`', '|', '\\', '\n', '\r', '\t', '\u0000', '\u0007', '\u009b', '\uD800', '\uDC00',
  '\u{1F600}', 'アクセス', ' ', '--', ']]>', '<!--', '-->', '<![CDATA[', '</svg>', '</script>', '{{x}}', '${x}', '%s', 'CORP\\bob', '10.9.8.7',
  'fe80::9', 'S-1-5-21-1-2-3-4', 'x@y.example', '#', '*', '_', '[', ']', '(', ')', '!',
];

function fuzzString(next: () => number): string {
  let s = '';
  const n = Math.floor(next() * 8);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return s;
}

/** The fixture with every string replaced by fuzz, enumerations and numbers kept. */
function fuzzDiagnosis(seed: number): Diagnosis {
  const next = random(seed);
  const keep = new Set(['verdict', 'code', 'severity', 'timeSource', 'context', 'kind', 'format', 'roles', 'locale', 'utcOffsetSource', 'id', 'time']);
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return keep.has(key) ? v : fuzzString(next);
    if (Array.isArray(v)) return v.map((x: unknown) => walk(x, key));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const d = walk(diagnosisFixture(), '') as Diagnosis;
  // Machine ids must still match the findings' machines for lanes and summaries to be exercised.
  return { ...d, machines: d.machines.map((m, i) => ({ ...m, id: d.findings[i]?.machine ?? m.id })) };
}

describe('renderers on fuzzed diagnoses', () => {
  it('never throw, and keep HTML, SVG and Markdown tables intact', () => {
    for (let seed = 1; seed <= Number(process.env.REPORT_FUZZ_SEEDS ?? 60); seed++) {
      for (const d of [fuzzDiagnosis(seed), redactDiagnosis(fuzzDiagnosis(seed))]) {
        const page = html(d, (file) => file);
        const tags = htmlTags(page);
        assert.deepEqual([...new Set(tags.map((t) => t.name))].filter((n) => !HTML_TAGS.has(n)), [], `seed ${seed}`);
        assert.equal(countMarkupOpeners(page), tags.length + (page.match(/<\//g) ?? []).length + 1, `seed ${seed}`);
        assert.ok(!tags.some((t) => [...t.attributes.keys()].some((a) => a.startsWith('on'))), `seed ${seed}`);
        assert.ok(tags.filter((t) => t.name === 'a').every((t) => !/^\s*(javascript|data|vbscript):/i.test(t.attributes.get('href') ?? '')), `seed ${seed}`);
        parseXml(renderTimelineSvg(d));
        const md = toMarkdown(d);
        let expected = -1;
        for (const line of md.split('\n')) {
          if (!line.startsWith('|')) expected = -1;
          else if (expected < 0) expected = cellBorders(line);
          else assert.equal(cellBorders(line), expected, `seed ${seed}: ${line}`);
        }
        assert.ok(!/[\u0000-\u0008\u001b\u009b\u202e]/.test(toText(d)), `seed ${seed}`);
        JSON.stringify(toContractJson(d));
        JSON.stringify(toSarif(d, '0.1.0'));
      }
    }
  });
  it('redaction stays fast on long adversarial text', () => {
    const texts = ['a.'.repeat(25_000), '1:'.repeat(25_000), 'a.b@'.repeat(12_000), 'fe80::1%'.repeat(5_000), 'a\\'.repeat(25_000), 'S-1-5-21-'.repeat(5_000)];
    const started = Date.now();
    redactDiagnosis({ ...emptyDiagnosis(), reasons: texts });
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
  });
});
