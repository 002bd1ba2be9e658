/**
 * Format detection past a long XML prolog: an event export whose DOCTYPE or leading comments run past
 * the 8 KB head is still event XML (and its events parse, no entity expanded), while other XML, logs
 * and unfinished prologs are not, and the prolog scan stays linear on crafted input.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/document';
import { DETECTION_HEAD_LENGTH, detectFormat } from '../../server/src/core/formats/detect';
import { looksLikeEventXml } from '../../server/src/core/formats/eventXml';
import type { EventDocumentModel } from '../../server/src/core/model';
import { assertRoughlyLinear, assertWithin } from './support/fuzz/timing';

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const DECLARATION = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n';
const BOUND_MS = 4000;

/** A DCOM 10036 event whose user name is `userName` as written (an entity reference, say). */
function event(userName: string): string {
  return (
    `<Event xmlns='${NS}'><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/>` +
    `<EventID Qualifiers='0'>10036</EventID><Level>2</Level><TimeCreated SystemTime='2024-06-12T00:51:50.5562108Z'/>` +
    `<Computer>DP01.corp.contoso.com</Computer></System><EventData><Data Name='User Name'>${userName}</Data></EventData></Event>`
  );
}

/** Detected as event XML, analysed as such, with its one event read and `userName` left as written. */
function assertEventExport(text: string, userName: string): EventDocumentModel {
  let format = '';
  assertWithin('detectFormat', BOUND_MS, () => (format = detectFormat(text)));
  assert.equal(format, 'eventXml');
  const doc = analyzeDocument(text, 'evidence/DP01/System.xml');
  assert.equal(doc.model.kind, 'events');
  const model = doc.model as EventDocumentModel;
  assert.equal(model.events.length, 1);
  assert.equal(model.events[0]?.eventId, 10036);
  assert.equal(model.events[0]?.computer?.value, 'DP01.corp.contoso.com');
  assert.equal(model.events[0]?.data[0]?.value.value, userName, 'the value is kept as written, nothing expanded');
  return model;
}

/** A 20 KB internal subset whose literals, comments and processing instructions hold `]`, `>` and quotes. */
function longSubset(): string {
  const decls: string[] = [];
  for (let i = 0; decls.join('\n').length < 20_000; i++) {
    decls.push(`<!ENTITY e${i} "value ${i} with ]> and '">`, `<!ENTITY f${i} 'single ${i} with ]]> and "'>`);
    if (i % 10 === 0) decls.push(`<!-- a comment with ]> and ' in it -->`, `<?pi with ]> and " in it ?>`, `<!ATTLIST Data Name CDATA #IMPLIED>`);
  }
  return decls.join('\n');
}

describe('detection past a long prolog', () => {
  it('a DOCTYPE with a 20 KB internal subset before <Events>', () => {
    const text = `${DECLARATION}<!DOCTYPE Events [\n${longSubset()}\n]>\n<Events>${event('&e3;')}</Events>`;
    assert.ok(text.indexOf('<Events>') > 20_000);
    assertEventExport(text, '&e3;');
  });

  it('1 MB of comments (and processing instructions) before <Events>', () => {
    const comments = '<!-- exported by a script; > and ]]> and <!DOCTYPE are text here -->\r\n<?tool step="1"?>\r\n'.repeat(16_000);
    const text = `\uFEFF${DECLARATION}${comments}<Events>${event('CONTOSO\\cmadmin')}</Events>`;
    assert.ok(text.length > 1_000_000);
    assertEventExport(text, 'CONTOSO\\cmadmin');
  });

  it('a billion-laughs DOCTYPE over 8 KB: detected, never expanded', () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const padding = `<!-- ${'padding '.repeat(1200)} -->`;
    const text = `${DECLARATION}<!DOCTYPE Events [\n${padding}\n${levels.join('\n')}\n]>\n<Events>${event('&lol10;')}</Events>`;
    assert.ok(text.indexOf('<Events>') > DETECTION_HEAD_LENGTH);
    const model = assertEventExport(text, '&lol10;');
    assert.ok(model.problems.some((p) => p.message.startsWith('DOCTYPE ignored')));
  });

  it('an <Event> root, a prefixed root, and collapse markers after the prolog', () => {
    const doctype = `<!DOCTYPE Event [\n${longSubset()}\n]>\n`;
    assertEventExport(`${doctype}${event('a')}`, 'a');
    assert.ok(looksLikeEventXml(`${DECLARATION}${'<!-- x -->'.repeat(2000)}<ev:Events xmlns:ev='urn:x'>`));
    assert.ok(looksLikeEventXml(`${'<!-- x -->\n'.repeat(2000)}- <Event>`));
  });

  it('a head cut inside the prolog (the client looks at 8 KB): event XML when the DOCTYPE names the root', () => {
    const subset = `${DECLARATION}<!DOCTYPE Events [\n${longSubset()}\n]>\n<Events>${event('x')}</Events>`;
    assert.equal(detectFormat(subset.slice(0, DETECTION_HEAD_LENGTH)), 'eventXml');
    assert.equal(detectFormat(`<!DOCTYPE ev:Event SYSTEM "${'x'.repeat(10_000)}`.slice(0, DETECTION_HEAD_LENGTH)), 'eventXml');
    // Comments alone say nothing about the root: a head cut inside them cannot tell (the whole text can).
    const comments = `${'<!-- exported by a script -->\n'.repeat(1000)}<Events>${event('x')}</Events>`;
    assert.equal(detectFormat(comments.slice(0, DETECTION_HEAD_LENGTH)), 'plain');
    assert.equal(detectFormat(comments), 'eventXml');
  });

  it('other XML, and a DOCTYPE that names another root, after the same prologs: not event XML', () => {
    assert.equal(detectFormat(`${DECLARATION}<!DOCTYPE root [\n${longSubset()}\n]>\n<root><Events/></root>`), 'plain');
    assert.equal(detectFormat(`${DECLARATION}${'<!-- x -->'.repeat(2000)}<root><Event/></root>`), 'plain');
    // The root decides where the text has one, whatever the DOCTYPE says.
    assert.equal(detectFormat(`<!DOCTYPE Events [${longSubset()}]><root/>`), 'plain');
    assert.equal(detectFormat(`<!DOCTYPE EventsLog [${longSubset()}]><EventsLog/>`), 'plain');
    assert.equal(detectFormat(`<!DOCTYPE Eventsx`), 'plain');
    // An unfinished prolog with no DOCTYPE naming the root, and an element name that only starts like one.
    assert.equal(detectFormat(`<!-- ${'x'.repeat(20_000)}`), 'plain');
    assert.equal(detectFormat(`<?xml version="1.0"?><!-- c --><EventData><Data>1</Data></EventData>`), 'plain');
  });

  it('logs are judged on their head as before, whatever follows', () => {
    const ccm = '<![LOG[Starting]LOG]!><time="10:00:00.000+000" date="01-01-2023" component="x" context="" type="1" thread="1" file="">\r\n';
    assert.equal(detectFormat(ccm.repeat(10_000) + `<Events>${event('x')}</Events>`), 'ccm');
    assert.equal(detectFormat('x'.repeat(DETECTION_HEAD_LENGTH) + ccm), 'plain');
  });
});

describe('detection: the prolog scan is linear', () => {
  const cases: [string, (n: number) => string][] = [
    ['comments', (n) => '<!-- c -->'.repeat(n) + '<Events>'],
    ['processing instructions', (n) => '<?p ?>'.repeat(n) + '<Events>'],
    ['unclosed comment openers', (n) => '<!--'.repeat(n)],
    ['unclosed PI openers', (n) => '<?'.repeat(n)],
    ['DOCTYPE openers', (n) => '<!DOCTYPE '.repeat(n)],
    ['DOCTYPEs one after another', (n) => '<!DOCTYPE Events>'.repeat(n) + '<Events>'],
    ['a subset of brackets', (n) => '<!DOCTYPE x ' + '[]'.repeat(n) + '>'],
    ['a subset of quotes', (n) => `<!DOCTYPE x [${`'"`.repeat(n)}`],
    ['a subset of comment and PI openers', (n) => `<!DOCTYPE x [${'<!--<?'.repeat(n)}`],
    ['a subset of angle brackets', (n) => `<!DOCTYPE x [${'<>'.repeat(n)}]>`],
    ['white space', (n) => ' \r\n\t\u00a0'.repeat(n) + '<Events>'],
  ];
  for (const [name, build] of cases) {
    it(name, () => {
      assertRoughlyLinear(`detectFormat: ${name}`, build, (text) => void detectFormat(text), { from: 4096, maxBase: 1 << 20 });
      assertWithin(`detectFormat: ${name}, 1M units`, BOUND_MS, () => void detectFormat(build(1_000_000)));
    });
  }
});
