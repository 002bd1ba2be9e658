import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EventDocumentModel, Field, WindowsEvent } from '../../server/src/core/model';
import { looksLikeEventXml, parseEventXml, parseSystemTime } from '../../server/src/core/formats/eventXml';

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** `test/fixtures/events`, whether the test runs from source, from a bundle or from a compiled outDir. */
function fixturesDir(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const candidate = join(dir, 'test', 'fixtures', 'events');
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('test/fixtures/events not found');
}

function fixture(name: string): string {
  return readFileSync(join(fixturesDir(), name), 'utf8');
}

/** The raw source text a field's span covers. */
function raw(text: string, field: Field | null): string | null {
  return field === null ? null : text.slice(field.span.start, field.span.end);
}

/** The field has `value`, and its span covers exactly `written` in the source (default: the value). */
function assertField(text: string, field: Field | null, value: string, written: string = value): void {
  assert.ok(field !== null, `expected a field with value ${JSON.stringify(value)}`);
  assert.equal(field.value, value);
  assert.equal(text.slice(field.span.start, field.span.end), written);
}

function only(model: EventDocumentModel): WindowsEvent {
  assert.equal(model.events.length, 1, `expected one event, got ${model.events.length}`);
  const event = model.events[0];
  assert.ok(event !== undefined);
  return event;
}

function dataPairs(event: WindowsEvent): [string | null, string][] {
  return event.data.map((d) => [d.name?.value ?? null, d.value.value]);
}

/** Every span of the model lies inside the text and is ordered. */
function assertSpansInside(text: string, model: EventDocumentModel): void {
  const check = (start: number, end: number, what: string): void => {
    assert.ok(start >= 0 && start <= end && end <= text.length, `${what} span [${start}, ${end}) outside [0, ${text.length}]`);
  };
  for (const p of model.problems) check(p.span.start, p.span.end, `problem "${p.message}"`);
  for (const e of model.events) {
    check(e.span.start, e.span.end, 'event');
    for (const d of e.data) check(d.span.start, d.span.end, 'data');
  }
}

function system(opts: {
  id?: string;
  provider?: string;
  threadId?: string;
  time?: string;
  quote?: '"' | "'";
  security?: string;
} = {}): string {
  const q = opts.quote ?? "'";
  return (
    `<System><Provider Name=${q}${opts.provider ?? 'Microsoft-Windows-DistributedCOM'}${q} Guid=${q}{1B562E86-B7AA-4131-BADC-B6F3A001407E}${q} EventSourceName=${q}DCOM${q}/>` +
    `<EventID Qualifiers=${q}0${q}>${opts.id ?? '10036'}</EventID><Version>0</Version><Level>2</Level><Task>0</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8080000000000000</Keywords><TimeCreated SystemTime=${q}${opts.time ?? '2023-03-15T01:02:03.4567891Z'}${q}/>` +
    `<EventRecordID>42</EventRecordID><Correlation/><Execution ProcessID=${q}1184${q} ThreadID=${q}${opts.threadId ?? '2040'}${q}/>` +
    `<Channel>System</Channel><Computer>PROV01.contoso.test</Computer>${opts.security ?? `<Security UserID=${q}S-1-5-18${q}/>`}</System>`
  );
}

function event(eventData: string, opts: Parameters<typeof system>[0] = {}): string {
  const q = opts.quote ?? "'";
  return `<Event xmlns=${q}${NS}${q}>${system(opts)}${eventData}</Event>`;
}

const DATA_10036 =
  "<EventData><Data Name='Domain Name'>CONTOSO</Data><Data Name='User Name'>cmadmin</Data>" +
  "<Data Name='SID'>S-1-5-21-1111111111-2222222222-3333333333-1104</Data><Data Name='Client IP Address'>192.0.2.45</Data></EventData>";

describe('looksLikeEventXml', () => {
  const cases: [string, string, boolean][] = [
    ['namespace anywhere in the head', `Log Name: System\r\nEvent Xml:\r\n<Event xmlns="${NS}">`, true],
    ['<Events> root after a declaration', '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events><Event>', true],
    ['BOM then <Event ', '\uFEFF<Event xmlns:x="urn:x">', true],
    ['collapse marker', '- <Event foo="1">', true],
    ['bare <Event>', '  \n<Event>', true],
    ['CCM log', '<![LOG[Successfully connected]LOG]!><time="10:02:11.204-540" date="06-20-2022" component="x" context="" type="1" thread="1" file="">', false],
    ['<EventData> is not an event root', '<EventData><Data>1</Data></EventData>', false],
    ['plain text', 'hello world', false],
    ['empty', '', false],
  ];
  for (const [name, head, expected] of cases) {
    it(name, () => assert.equal(looksLikeEventXml(head), expected));
  }
});

describe('parseSystemTime', () => {
  const cases: [string, number | null][] = [
    ['2022-02-28T05:47:26.303038600Z', Date.UTC(2022, 1, 28, 5, 47, 26, 303)],
    ['2022-04-25T15:51:07.8840856Z', Date.UTC(2022, 3, 25, 15, 51, 7, 884)],
    ['2023-03-16T08:15:01.9999999Z', Date.UTC(2023, 2, 16, 8, 15, 1, 999)],
    ['2015-12-22 02:23:19.165775', Date.UTC(2015, 11, 22, 2, 23, 19, 165)],
    ['2015-12-22T02:23:19Z', Date.UTC(2015, 11, 22, 2, 23, 19, 0)],
    ['2015-12-22T02:23:19.5', Date.UTC(2015, 11, 22, 2, 23, 19, 500)],
    ['2022-06-20T10:02:11.204+09:00', Date.UTC(2022, 5, 20, 1, 2, 11, 204)],
    ['2022-02-30T00:00:00Z', null],
    ['2022-13-01T00:00:00Z', null],
    ['yesterday', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => assert.equal(parseSystemTime(input), expected));
  }
});

describe('shapes', () => {
  const wevtutilStream = [
    event(DATA_10036),
    event('<EventData><Data>a</Data></EventData>', { id: '10037' }),
    event('<EventData><Data>b</Data></EventData>', { id: '10038' }),
  ].join('\r\n');

  const cases: { name: string; text: string; ids: number[]; problems?: number }[] = [
    { name: 'a single event, no root, no declaration', text: event(DATA_10036), ids: [10036] },
    { name: 'wevtutil qe stream: one event per line, no root', text: `${wevtutilStream}\r\n`, ids: [10036, 10037, 10038] },
    {
      name: '<Events> root with an XML declaration',
      text: `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Events>${event(DATA_10036)}${event('', { id: '7036' })}</Events>`,
      ids: [10036, 7036],
    },
    { name: 'double-quoted attributes', text: event(DATA_10036, { quote: '"' }), ids: [10036] },
    { name: 'BOM before the declaration', text: `\uFEFF<?xml version="1.0"?><Events>${event('')}</Events>`, ids: [10036] },
    {
      name: 'forum paste: prose around, blank lines between elements',
      text: `Log Name: System\n\nEvent ID: 10036\n\nEvent Xml:\n\n${event(DATA_10036, { quote: '"' }).replace(/></g, '>  \n\n<')}\n\nAny idea?`,
      ids: [10036],
    },
    { name: 'an empty <Events/> export', text: '<?xml version="1.0"?><Events/>', ids: [] },
    { name: 'an empty <Events></Events> export', text: '<Events>\r\n</Events>', ids: [] },
    { name: 'namespace prefixes', text: `<e:Event xmlns:e='${NS}'><e:System><e:EventID>10036</e:EventID></e:System></e:Event>`, ids: [10036] },
    { name: 'comments between and inside events', text: `<!-- <Event> in a comment is not an event -->${event('<!-- c --><EventData/>')}`, ids: [10036] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const model = parseEventXml(c.text);
      assert.equal(model.kind, 'events');
      assert.equal(model.format, 'eventXml');
      assert.deepEqual(
        model.events.map((e) => e.eventId),
        c.ids,
      );
      assert.deepEqual(model.problems, [], JSON.stringify(model.problems));
      assertSpansInside(c.text, model);
      for (const e of model.events) {
        assert.ok(c.text.startsWith('<', e.span.start));
        assert.ok(c.text.slice(e.span.start, e.span.end).endsWith('Event>'));
      }
    });
  }

  it('Event Viewer "XML View" with "- " collapse markers keeps offsets', () => {
    const text = [
      `- <Event xmlns="${NS}">`,
      '- <System>',
      '  <Provider Name="Microsoft-Windows-DistributedCOM" Guid="{1B562E86-B7AA-4131-BADC-B6F3A001407E}" EventSourceName="DCOM" /> ',
      '  <EventID Qualifiers="0">10037</EventID> ',
      '  <TimeCreated SystemTime="2023-04-02T22:10:45.0065211Z" /> ',
      '  <Computer>CONSOLE07.contoso.test</Computer> ',
      '  </System>',
      '- <EventData>',
      '  <Data Name="param1">C:\\Windows\\system32\\mmc.exe</Data> ',
      '  </EventData>',
      '  </Event>',
    ].join('\r\n');
    const e = only(parseEventXml(text));
    assert.equal(e.span.start, 2);
    assert.equal(text.slice(e.span.start, e.span.end).slice(-8), '</Event>');
    assertField(text, e.eventIdField, '10037');
    assertField(text, e.provider, 'Microsoft-Windows-DistributedCOM');
    assertField(text, e.computer, 'CONSOLE07.contoso.test');
    assert.equal(e.utcMillis, Date.UTC(2023, 3, 2, 22, 10, 45, 6));
    assert.deepEqual(dataPairs(e), [['param1', 'C:\\Windows\\system32\\mmc.exe']]);
  });

  it('RenderingInfo fills renderedMessage (entities decoded, span raw)', () => {
    const text = event(
      "<EventData/><RenderingInfo Culture='ja-JP'><Message>アクセスが拒否されました &amp; RPC</Message><Level>エラー</Level><Provider>Microsoft-Windows-DistributedCOM</Provider></RenderingInfo>",
    );
    const e = only(parseEventXml(text));
    assertField(text, e.renderedMessage, 'アクセスが拒否されました & RPC', 'アクセスが拒否されました &amp; RPC');
    // <RenderingInfo>/<Level> and <Provider> are localized text, not the System fields.
    assertField(text, e.level, '2');
    assertField(text, e.provider, 'Microsoft-Windows-DistributedCOM');
    assert.equal(e.data.length, 0);
  });

  it('python-evtx: SystemTime without T/Z, GUID without braces, Qualifiers="", <Binary>, empty UserID', () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8" standalone="yes" ?>',
      '<Events>',
      `<Event xmlns="${NS}"><System><Provider Name="EventLog"></Provider>`,
      '<EventID Qualifiers="">6009</EventID>',
      '<Level>4</Level>',
      '<TimeCreated SystemTime="2019-07-01 06:25:13.572823"></TimeCreated>',
      '<EventRecordID>2</EventRecordID>',
      '<Channel>System</Channel>',
      '<Computer>LAB-DC1</Computer>',
      '<Security UserID=""></Security>',
      '</System>',
      '<EventData><Data>&lt;string&gt;10.00.&lt;/string&gt;',
      '&lt;string&gt;17763&lt;/string&gt;',
      '</Data>',
      '<Binary>3wcMAAIAFgACABkADQA8AgAAAAAAAAAA</Binary>',
      '</EventData>',
      '</Event>',
      `<Event xmlns="${NS}"><System><Provider Name="Microsoft-Windows-Kernel-General" Guid="a68ca8b7-004f-d7b6-a698-07e2de0f1f5d"></Provider>`,
      '<EventID Qualifiers="">12</EventID><TimeCreated SystemTime="2019-07-01 06:23:19.165775"></TimeCreated></System>',
      '<EventData><Data Name="MajorVersion">10</Data></EventData></Event>',
      '</Events>',
    ].join('\n');
    const model = parseEventXml(text);
    assert.deepEqual(model.problems, []);
    assert.deepEqual(
      model.events.map((e) => e.eventId),
      [6009, 12],
    );
    const [first, second] = model.events;
    assert.ok(first !== undefined && second !== undefined);
    assertField(text, first.timeCreated, '2019-07-01 06:25:13.572823');
    assert.equal(first.utcMillis, Date.UTC(2019, 6, 1, 6, 25, 13, 572));
    assert.equal(first.userSid, null);
    assert.equal(first.eventSourceName, null);
    assert.deepEqual(dataPairs(first), [[null, '<string>10.00.</string>\n<string>17763</string>\n']]);
    assertField(text, second.provider, 'Microsoft-Windows-Kernel-General');
    assert.deepEqual(dataPairs(second), [['MajorVersion', '10']]);
  });

  it('<EventData Name=…> with no data; <Security/> empty; <Binary> ignored', () => {
    const text = event("<EventData Name='DNS_EVENT_DS_OPEN_WAIT'></EventData>", { security: '<Security/>' });
    const e = only(parseEventXml(text));
    assert.equal(e.userSid, null);
    assert.deepEqual(e.data, []);
  });

  it('unnamed, named and empty <Data>', () => {
    const text = event("<EventData><Data>one</Data><Data Name='two'>2</Data><Data/><Data Name='empty'></Data><Binary>00</Binary></EventData>");
    const e = only(parseEventXml(text));
    assert.deepEqual(dataPairs(e), [
      [null, 'one'],
      ['two', '2'],
      [null, ''],
      ['empty', ''],
    ]);
    for (const d of e.data) {
      assert.ok(text.slice(d.span.start, d.span.end).startsWith('<Data'));
      assert.equal(d.value.span.end - d.value.span.start, d.value.value.length);
    }
    const [, two, selfClosed] = e.data;
    assert.ok(two !== undefined && selfClosed !== undefined);
    assert.equal(raw(text, two.name), 'two');
    assert.equal(text.slice(two.span.start, two.span.end), "<Data Name='two'>2</Data>");
    assert.equal(text.slice(selfClosed.span.start, selfClosed.span.end), '<Data/>');
  });

  it('<UserData> leaves become data items named by their element', () => {
    const text = event(
      "<UserData><EventXML xmlns='Event_NS'><Param1>CM01</Param1><Nested><Param2>x &amp; y</Param2></Nested><Empty/></EventXML></UserData>",
    );
    const e = only(parseEventXml(text));
    assert.deepEqual(dataPairs(e), [
      ['Param1', 'CM01'],
      ['Param2', 'x & y'],
      ['Empty', ''],
    ]);
    const [p1, p2] = e.data;
    assert.ok(p1 !== undefined && p2 !== undefined);
    assertField(text, p1.name, 'Param1');
    assertField(text, p1.value, 'CM01');
    assertField(text, p2.value, 'x & y', 'x &amp; y');
    assert.equal(text.slice(p2.span.start, p2.span.end), '<Param2>x &amp; y</Param2>');
  });

  it('CDATA in a value is text', () => {
    const e = only(parseEventXml(event('<EventData><Data><![CDATA[a <b> & c]]></Data></EventData>')));
    assert.deepEqual(dataPairs(e), [[null, 'a <b> & c']]);
  });
});

describe('offsets', () => {
  it('CRLF, Japanese text, an emoji and a BOM before the values', () => {
    const text = [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
      '<!-- エクスポート 📋 by 管理者 -->',
      '<Events>',
      `<Event xmlns="${NS}">`,
      ' <System>',
      '  <Provider Name="Microsoft-Windows-DistributedCOM" EventSourceName="DCOM" />',
      '  <EventID Qualifiers="0">',
      '   10036',
      '  </EventID>',
      '  <Level>2</Level>',
      "  <TimeCreated SystemTime = '2023-03-15T01:02:03.4567891Z' />",
      '  <EventRecordID>884211</EventRecordID>',
      '  <Channel>System</Channel>',
      '  <Computer>サーバー😀01.contoso.test</Computer>',
      '  <Security UserID="S-1-5-21-1111111111-2222222222-3333333333-1104" />',
      ' </System>',
      ' <EventData>',
      '  <Data Name="Domain Name">日本😀CONTOSO</Data>',
      '  <Data Name="User Name">cm&amp;admin</Data>',
      '  <Data Name="SID">S-1-5-21-1111111111-2222222222-3333333333-1104</Data>',
      '  <Data Name="Client IP Address">192.0.2.45</Data>',
      '  <Data Name="multi">line1',
      'line2</Data>',
      ' </EventData>',
      ' <RenderingInfo Culture="ja-JP"><Message>ユーザー 😀',
      'メッセージ</Message></RenderingInfo>',
      '</Event>',
      '</Events>',
      '',
    ].join('\r\n');
    const model = parseEventXml(text);
    assert.deepEqual(model.problems, []);
    const e = only(model);
    assert.equal(text.slice(e.span.start, e.span.start + 7), '<Event ');
    assert.equal(text.slice(e.span.end - 8, e.span.end), '</Event>');
    assert.equal(e.eventId, 10036);
    assertField(text, e.eventIdField, '10036');
    assertField(text, e.provider, 'Microsoft-Windows-DistributedCOM');
    assertField(text, e.eventSourceName, 'DCOM');
    assertField(text, e.level, '2');
    assertField(text, e.timeCreated, '2023-03-15T01:02:03.4567891Z');
    assert.equal(e.utcMillis, Date.UTC(2023, 2, 15, 1, 2, 3, 456));
    assertField(text, e.recordId, '884211');
    assertField(text, e.channel, 'System');
    assertField(text, e.computer, 'サーバー😀01.contoso.test');
    assertField(text, e.userSid, 'S-1-5-21-1111111111-2222222222-3333333333-1104');
    const values = e.data.map((d) => [raw(text, d.name), d.value.value, raw(text, d.value)]);
    assert.deepEqual(values, [
      ['Domain Name', '日本😀CONTOSO', '日本😀CONTOSO'],
      ['User Name', 'cm&admin', 'cm&amp;admin'],
      ['SID', 'S-1-5-21-1111111111-2222222222-3333333333-1104', 'S-1-5-21-1111111111-2222222222-3333333333-1104'],
      ['Client IP Address', '192.0.2.45', '192.0.2.45'],
      // The value is CRLF-normalised like any XML text; the span covers what was written.
      ['multi', 'line1\nline2', 'line1\r\nline2'],
    ]);
    const first = e.data[0];
    assert.ok(first !== undefined);
    assert.equal(text.slice(first.span.start, first.span.end), '<Data Name="Domain Name">日本😀CONTOSO</Data>');
    assertField(text, e.renderedMessage, 'ユーザー 😀\nメッセージ', 'ユーザー 😀\r\nメッセージ');
  });

  it('bare CR line ends and surrogate pairs in attribute values', () => {
    const text = `<Event xmlns='${NS}'>\r<System>\r<Provider Name='😀Prov😀'/>\r<EventID>10038</EventID>\r</System>\r<EventData>\r<Data Name='𠮷'>値</Data></EventData></Event>`;
    const e = only(parseEventXml(text));
    assertField(text, e.provider, '😀Prov😀');
    assertField(text, e.eventIdField, '10038');
    const [d] = e.data;
    assert.ok(d !== undefined);
    assertField(text, d.name, '𠮷');
    assertField(text, d.value, '値');
  });

  it('attribute values with entities, > and the other quote inside', () => {
    const text = `<Event><System><Provider Name="a &amp; b > 'c'" EventSourceName='x "y"'/><EventID>1</EventID></System></Event>`;
    const e = only(parseEventXml(text));
    assertField(text, e.provider, "a & b > 'c'", "a &amp; b > 'c'");
    assertField(text, e.eventSourceName, 'x "y"');
  });

  it('events after the first keep exact offsets (wevtutil stream)', () => {
    const text = fixture('wevtutil-system-stream.xml');
    const model = parseEventXml(text);
    for (const e of model.events) {
      assert.equal(raw(text, e.eventIdField), String(e.eventId));
      assert.equal(raw(text, e.timeCreated), e.timeCreated?.value);
      for (const d of e.data) assert.equal(raw(text, d.value), d.value.value);
    }
  });
});

describe('DCOM events', () => {
  it('10036 with named data (Domain Name, User Name, SID, Client IP Address)', () => {
    const text = event(DATA_10036, { threadId: '10036' });
    const e = only(parseEventXml(text));
    assert.equal(e.eventId, 10036);
    assertField(text, e.provider, 'Microsoft-Windows-DistributedCOM');
    assertField(text, e.computer, 'PROV01.contoso.test');
    assert.deepEqual(dataPairs(e), [
      ['Domain Name', 'CONTOSO'],
      ['User Name', 'cmadmin'],
      ['SID', 'S-1-5-21-1111111111-2222222222-3333333333-1104'],
      ['Client IP Address', '192.0.2.45'],
    ]);
  });

  const app = 'C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe';
  const values = [app, '6120', '{8BC3F05E-D86B-11D0-A075-00C04FB68820}', 'PROV01.contoso.test', '2'];
  for (const id of ['10037', '10038']) {
    it(`${id} with unnamed data keeps the order`, () => {
      const text = event(`<EventData>${values.map((v) => `<Data>${v}</Data>`).join('')}</EventData>`, { id });
      const e = only(parseEventXml(text));
      assert.equal(e.eventId, Number(id));
      assert.deepEqual(
        dataPairs(e),
        values.map((v) => [null, v]),
      );
    });
    it(`${id} with param1..param5 names`, () => {
      const text = event(`<EventData>${values.map((v, i) => `<Data Name='param${i + 1}'>${v}</Data>`).join('')}</EventData>`, { id });
      const e = only(parseEventXml(text));
      assert.deepEqual(
        dataPairs(e),
        values.map((v, i) => [`param${i + 1}`, v]),
      );
      for (const d of e.data) assert.equal(raw(text, d.value), d.value.value);
    });
  }

  it('ThreadID="10036" on a non-DCOM event is not event 10036', () => {
    const text = event("<EventData><Data Name='param1'>Windows Update</Data></EventData>", {
      id: '7036',
      provider: 'Service Control Manager',
      threadId: '10036',
    });
    const e = only(parseEventXml(text));
    assert.equal(e.eventId, 7036);
    assertField(text, e.eventIdField, '7036');
  });

  it('Qualifiers do not change the EventID', () => {
    const text = `<Event><System><EventID Qualifiers='49152'>10010</EventID></System></Event>`;
    assert.equal(only(parseEventXml(text)).eventId, 10010);
  });
});

describe('fixtures', () => {
  it('Event Viewer export, ja-JP RenderingInfo, BOM and CRLF', () => {
    const text = fixture('eventviewer-export-ja.xml');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.ok(looksLikeEventXml(text.slice(0, 8192)));
    const model = parseEventXml(text);
    assert.deepEqual(model.problems, []);
    assert.deepEqual(
      model.events.map((e) => e.eventId),
      [10036, 7036],
    );
    const [dcom, scm] = model.events;
    assert.ok(dcom !== undefined && scm !== undefined);
    assertField(text, dcom.userSid, 'S-1-5-21-1111111111-2222222222-3333333333-1104');
    assert.ok(dcom.renderedMessage?.value.startsWith('サーバー側の認証レベル ポリシー'));
    assert.equal(raw(text, dcom.renderedMessage), dcom.renderedMessage?.value);
    assert.equal(dcom.data.length, 4);
    assert.equal(scm.userSid, null);
    assert.deepEqual(dataPairs(scm), [
      ['param1', 'Windows Management Instrumentation'],
      ['param2', '実行中'],
    ]);
  });

  it('wevtutil stream with a cut line: the other lines still parse', () => {
    const text = fixture('wevtutil-system-stream.xml');
    const model = parseEventXml(text);
    assert.deepEqual(
      model.events.map((e) => e.eventId),
      [10037, 10038, 16],
    );
    assert.equal(model.problems.length, 1);
    const [problem] = model.problems;
    assert.ok(problem !== undefined);
    assert.match(problem.message, /incomplete/);
    const lineStart = text.split('\n').slice(0, 2).join('\n').length + 1;
    assert.equal(problem.span.start, lineStart);
    const kernel = model.events[2];
    assert.ok(kernel !== undefined);
    assert.equal(kernel.eventId, 16); // its ThreadID is 10036
    assert.equal(model.events[0]?.data.length, 5);
    assert.equal(model.events[0]?.data[0]?.name, null);
    assert.equal(model.events[1]?.data[4]?.name?.value, 'param5');
  });

  it('"XML View" copied with collapse markers, CRLF', () => {
    const text = fixture('xmlview-collapsed-10038.txt');
    assert.ok(looksLikeEventXml(text));
    const e = only(parseEventXml(text));
    assert.equal(e.eventId, 10038);
    assertField(text, e.computer, 'SUPPORT-PC3.fabrikam.test');
    assertField(text, e.userSid, 'S-1-5-21-4444444444-5555555555-6666666666-2201');
    assert.deepEqual(
      e.data.map((d) => d.name?.value),
      ['param1', 'param2', 'param3', 'param4', 'param5'],
    );
    assertField(text, e.data[3]?.value ?? null, 'CLIENT42.fabrikam.test');
  });
});

describe('broken input never throws', () => {
  const good = event(DATA_10036);

  it('truncated file: complete events stay, the cut one is a problem', () => {
    const text = `<Events>${good}\n${good}\n${good.slice(0, 300)}`;
    const model = parseEventXml(text);
    assert.equal(model.events.length, 2);
    assert.equal(model.problems.length, 1);
    assert.match(model.problems[0]?.message ?? '', /ends before <\/Event>/);
    assert.equal(model.problems[0]?.span.start, 2 * (good.length + 1) + '<Events>'.length);
  });

  it('a file cut between events: the <Events> root is not closed', () => {
    const model = parseEventXml(`<?xml version="1.0"?>\n<Events>${good}`);
    assert.equal(model.events.length, 1);
    assert.deepEqual(
      model.problems.map((p) => p.message),
      ['The <Events> root element is never closed: the file may be truncated.'],
    );
  });

  it('garbage', () => {
    const text = 'PK\u0003\u0004\u0000\u0000 binary \uFFFD\uFFFD junk';
    const model = parseEventXml(text);
    assert.equal(model.events.length, 0);
    assert.equal(model.problems.length, 1);
    assert.match(model.problems[0]?.message ?? '', /No <Event> element/);
  });

  it('empty and whitespace-only text are not problems', () => {
    for (const text of ['', '\uFEFF', ' \r\n\t']) {
      assert.deepEqual(parseEventXml(text), { kind: 'events', format: 'eventXml', events: [], problems: [] });
    }
  });

  it('an unclosed element inside an event', () => {
    const text = event("<EventData><Data Name='a'>1</Data><Data Name='b'>2</EventData>") + '\n' + event('', { id: '10037' });
    const model = parseEventXml(text);
    assert.deepEqual(
      model.events.map((e) => e.eventId),
      [10036, 10037],
    );
    assert.ok(model.problems.length >= 1);
    assert.ok(model.problems.every((p) => p.span.end <= (model.events[0]?.span.end ?? 0)));
    assertSpansInside(text, model);
  });

  it('a bare & keeps the structure and the value', () => {
    const text = event("<EventData><Data Name='Company'>AT&T; Inc & Co</Data><Data Name='next'>ok</Data></EventData>");
    const model = parseEventXml(text);
    const e = only(model);
    assert.deepEqual(dataPairs(e), [
      ['Company', 'AT&T; Inc & Co'],
      ['next', 'ok'],
    ]);
    const messages = model.problems.map((p) => [p.message, text.slice(p.span.start, p.span.end)]);
    assert.deepEqual(messages, [
      ['Unknown entity &T; left as written (only the five XML entities are known; DTD entities are never expanded).', '&T;'],
      ["Bare '&' in XML (it should be written &amp;); read as a literal '&'.", '&'],
    ]);
  });

  it('a bare & in an attribute value', () => {
    const text = `<Event><System><Provider Name='R&D tools'/><EventID>5</EventID></System></Event>`;
    const model = parseEventXml(text);
    assertField(text, only(model).provider, 'R&D tools');
    assert.equal(model.problems.length, 1);
  });

  it('a stray </Event> and a broken start tag', () => {
    const text = `</Event>\n<Event xmlns='${NS}\n${good}`;
    const model = parseEventXml(text);
    assert.deepEqual(
      model.events.map((e) => e.eventId),
      [10036],
    );
    assert.deepEqual(
      model.problems.map((p) => text.slice(p.span.start, p.span.start + 7)),
      ['</Event', '<Event '],
    );
  });

  it('a non-numeric EventID is null with a problem', () => {
    const text = `<Event><System><EventID>0x2734</EventID></System></Event>`;
    const model = parseEventXml(text);
    assert.equal(only(model).eventId, null);
    assertField(text, only(model).eventIdField, '0x2734');
    assert.equal(model.problems.length, 1);
  });

  it('every prefix of a document parses without throwing, with spans inside the text', () => {
    const text = fixture('eventviewer-export-ja.xml') + fixture('xmlview-collapsed-10038.txt');
    for (let cut = 0; cut <= text.length; cut += 7) {
      const prefix = text.slice(0, cut);
      const model = parseEventXml(prefix);
      assertSpansInside(prefix, model);
    }
  });

  it('random garbage mixed into markup', () => {
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['<', '>', '&', '"', "'", '/', '=', '\r', '\n', ']]>', '<![CDATA[', '<!--', '<Event ', '</Event>', '<Data>', '\uD83D', 'x', '😀'];
    const base = good + good;
    for (let round = 0; round < 300; round++) {
      const chars = base.split('');
      for (let k = 0; k < 5; k++) chars.splice(rnd(chars.length), rnd(3), alphabet[rnd(alphabet.length)] ?? '');
      const text = chars.join('');
      assertSpansInside(text, parseEventXml(text));
    }
  });
});

describe('DOCTYPE and entities', () => {
  it('entity declarations are not expanded; references are reported and kept as written', () => {
    const text = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE Events [',
      '  <!ENTITY host "EVIL-HOST">',
      '  <!ENTITY ext SYSTEM "http://192.0.2.1/secret.dtd">',
      '  <!ENTITY fake "<Event><System><EventID>10036</EventID></System></Event>">',
      ']>',
      '<Events>',
      event('<EventData><Data>&host;</Data><Data>&ext;</Data></EventData>', { id: '10038' }),
      '</Events>',
    ].join('\n');
    const model = parseEventXml(text);
    const e = only(model);
    assert.equal(e.eventId, 10038);
    assert.deepEqual(dataPairs(e), [
      [null, '&host;'],
      [null, '&ext;'],
    ]);
    assert.deepEqual(
      model.problems.map((p) => text.slice(p.span.start, p.span.start + 9)),
      ['<!DOCTYPE', '&host;</D', '&ext;</Da'],
    );
    assert.match(model.problems[0]?.message ?? '', /never expanded/);
  });

  it('billion laughs stays small', () => {
    const decls = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) decls.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${decls.join('\n')}\n]>\n<Events>${event('<EventData><Data>&lol9;</Data></EventData>')}</Events>`;
    const model = parseEventXml(text);
    const e = only(model);
    assert.deepEqual(dataPairs(e), [[null, '&lol9;']]);
    assert.equal(model.problems.length, 2);
  });
});

describe('large input', () => {
  it('20,000 events in a wevtutil stream parse with exact offsets', () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const id = i % 3 === 0 ? '10036' : i % 3 === 1 ? '10037' : '7036';
      lines.push(event(`<EventData><Data Name='n'>${i}</Data></EventData>`, { id, time: `2023-03-15T01:02:03.${String(i % 1000).padStart(3, '0')}0000Z` }));
    }
    const text = lines.join('\r\n');
    const model = parseEventXml(text);
    assert.equal(model.problems.length, 0);
    assert.equal(model.events.length, 20_000);
    assert.equal(model.events.filter((e) => e.eventId === 10036).length, 6_667);
    const last = model.events[19_999];
    assert.ok(last !== undefined);
    assert.equal(last.span.end, text.length);
    assertField(text, last.data[0]?.value ?? null, '19999');
    assert.equal(last.utcMillis, Date.UTC(2023, 2, 15, 1, 2, 3, 999));
  });

  it('events longer than one saxes write keep exact offsets across CRLF and surrogate pairs at the seams', () => {
    const head = "<Event><System><EventID>10036</EventID></System><EventData><Data Name='big'>";
    for (const seam of ['\r\n', '😀', '&amp;']) {
      for (const shift of [-2, -1, 0, 1]) {
        // Put the seam across offset 65536, where the reader cuts the event for saxes.
        const filler = 'x'.repeat(65536 - head.length + shift);
        const text = `${head}${filler}${seam}y</Data><Data Name='after'>日本😀</Data></EventData></Event>`;
        const model = parseEventXml(text);
        assert.deepEqual(model.problems, []);
        const e = only(model);
        const [big, after] = e.data;
        assert.ok(big !== undefined && after !== undefined);
        assert.equal(big.value.value, `${filler}${seam === '\r\n' ? '\n' : seam === '&amp;' ? '&' : seam}y`);
        assert.equal(raw(text, big.value), `${filler}${seam}y`);
        assertField(text, after.value, '日本😀');
        assertField(text, after.name, 'after');
      }
    }
  });

  it('absurd nesting skips the event, not the document', () => {
    const text = `<Event><UserData>${'<a>'.repeat(200_000)}</UserData></Event>\n${event('', { id: '10037' })}`;
    const model = parseEventXml(text);
    assert.deepEqual(
      model.events.map((e) => e.eventId),
      [10037],
    );
    assert.equal(model.problems.length, 1);
    assert.match(model.problems[0]?.message ?? '', /nests elements more than/);
  });

  it('problems are capped', () => {
    const model = parseEventXml('</Event>'.repeat(5000));
    assert.equal(model.problems.length, 1001);
    assert.match(model.problems[1000]?.message ?? '', /4000 more problems/);
  });
});
