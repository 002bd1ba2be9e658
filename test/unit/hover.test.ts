import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/document';
import { explainCodeText, getHover } from '../../server/src/core/features/hover';
import type { Locale } from '../../server/src/core/i18n/locale';

/** Hover text at the `$0` cursor mark, in a document named `fileName`. */
function hoverAt(marked: string, locale: Locale = 'en', fileName?: string): string {
  const offset = marked.indexOf('$0');
  assert.ok(offset >= 0, 'fixture needs a $0 cursor');
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  const doc = analyzeDocument(text, fileName);
  const hover = getHover(doc, doc.lineIndex.positionAt(offset), locale);
  if (!hover) return '';
  const contents = hover.contents;
  return typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

const ccm = (msg: string, time = '10:02:11.204-540', date = '06-20-2023', component = 'SMS_PROV'): string =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="${date}" component="${component}" context="" type="3" thread="4120" file="sspobjectquery.cpp:1020">`;

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";
const event10038 = (level: string, clsid = '{8BC3F05E-D86B-11D0-A075-00C04FB68820}') =>
  `<Event ${NS}><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/><EventID Qualifiers='0'>$E10038</EventID><Level>$L2</Level><TimeCreated SystemTime='$T2023-06-20T01:02:11.1000000Z'/><Computer>$CCONSOLE01.corp.contoso.com</Computer><Security UserID='$SS-1-5-18'/></System><EventData><Data>C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe</Data><Data>4410</Data><Data>$G${clsid}</Data><Data>CM01.corp.contoso.com</Data><Data>$A${level}</Data></EventData></Event>`;

/** Puts the cursor at marker `$X` (removing the other markers). */
function at(template: string, marker: string): string {
  return template.replace(marker, '$0').replace(/\$[A-Z]/g, '');
}

describe('hover on error codes, every form', () => {
  const forms: [string, RegExp][] = [
    ['failed: 0x8007$006BA', /0x800706BA/],
    ['failed: 8007$006BA', /RPC_S_SERVER_UNAVAILABLE/],
    ['error -21470$023174', /written as `-2147023174`/],
    ['error 21479$042405', /0x80070005/],
    ['E_ACCESS$0DENIED here', /General access denied error/],
    ['The RPC server is un$0available', /RPC_S_SERVER_UNAVAILABLE/],
    ['WBEM_E_INVALID_NAME$0SPACE', /0x8004100E/],
  ];
  for (const [message, expected] of forms) {
    it(message, () => assert.match(hoverAt(ccm(message)), expected));
  }
  it('decodes the facility, the wrapped Win32 code and both decimal forms', () => {
    const h = hoverAt(ccm('0x8007$00005'));
    assert.match(h, /FACILITY_WIN32 \(7\)/);
    assert.match(h, /Wraps Win32 error 5/);
    assert.match(h, /signed -2147024891 · unsigned 2147942405/);
    assert.match(h, /In Configuration Manager/);
  });
  it('speaks Japanese in a ja session', () => {
    const h = hoverAt(ccm('0x8007$006BA'), 'ja');
    assert.match(h, /Configuration Manager では/);
    assert.match(h, /ファシリティ/);
  });
  it('says when a value is in no table', () => {
    assert.match(hoverAt(ccm('0x8FFF$0FFF0')), /No entry in the Windows error tables/);
  });
});

describe('hover on record fields', () => {
  it('CCM time: bias explained, UTC, hardening phase', () => {
    const h = hoverAt(ccm('x').replace('time="10', 'time="1$00'));
    assert.match(h, /Local time: 2023-06-20 10:02:11\.204/);
    assert.match(h, /Bias -540 min: UTC = local \+ bias, so this machine was at UTC\+09:00/);
    assert.match(h, /UTC: 2023-06-20 01:02:11\.204Z/);
    assert.match(h, /phase 3|Phase 3/i);
  });
  it('a positive bias is west of Greenwich', () => {
    const h = hoverAt(ccm('x', '10:02:11.204+420').replace('time="10', 'time="1$00'));
    assert.match(h, /UTC−07:00/);
    assert.match(h, /UTC: 2023-06-20 17:02:11\.204Z/);
  });
  it('the date explains the same time', () => {
    assert.match(hoverAt(ccm('x').replace('date="06', 'date="0$06')), /Local time: 2023-06-20/);
  });
  it('a date before the hardening says so', () => {
    assert.match(hoverAt(ccm('x', '10:00:00.000+000', '01-05-2021').replace('time="10', 'time="1$00')), /DCOM hardening then: \*\*/);
  });
  it('in Japanese', () => {
    const h = hoverAt(ccm('x').replace('time="10', 'time="1$00'), 'ja');
    assert.match(h, /ローカル時刻/);
    assert.match(h, /UTC\+09:00/);
  });
  it('AdminUI time has no offset, and says so', () => {
    const h = hoverAt('[14, PID:5720][06/20/2023 10:0$02:11] :Connecting');
    assert.match(h, /No time zone is written/);
  });
  it('component and log file', () => {
    const h = hoverAt(ccm('x', undefined, undefined, 'SMS_DISTRIBUTION_MAN$0AGER'), 'en', 'distmgr.log');
    assert.match(h, /Component: `SMS_DISTRIBUTION_MANAGER`/);
    assert.match(h, /distmgr/);
  });
  it('a thread already written with its hex form is not repeated', () => {
    assert.doesNotMatch(hoverAt('~x  $$<C><06-14-2023 06:26:25.828-60><thread=91$012 (0x2398)>'), /\(0x2398\) \(0x2398\)/);
  });
  it('thread in decimal and hex', () => {
    assert.match(hoverAt(ccm('x').replace('thread="4120"', 'thread="41$020"')), /`4120` \(0x1018\)/);
  });
  it('type', () => {
    assert.match(hoverAt(ccm('x').replace('type="3"', 'type="$03"')), /type 3 — error/);
  });
  it('the simple-format trailer', () => {
    const h = hoverAt('~Processing  $$<SMS_DISTRIBUTION_MANAGER>$0<06-14-2023 06:26:25.828-60><thread=9112 (0x2398)>');
    assert.match(h, /Site server record/);
  });
  it('the AdminUI prefix', () => {
    assert.match(hoverAt('[14, PI$0D:5720][06/20/2023 10:02:11] :Connecting'), /Console \(SmsAdminUI\.log\) record/);
  });
});

describe('hover in event exports', () => {
  it('event id: meaning, side, what to check', () => {
    const h = hoverAt(at(event10038('2'), '$E'));
    assert.match(h, /Event 10038/);
    assert.match(h, /A DCOM hardening event/);
  });
  it('10016 is not hardening', () => {
    const h = hoverAt(`<Event ${NS}><System><Provider Name='Microsoft-Windows-DistributedCOM'/><EventID>1$00016</EventID></System></Event>`);
    assert.match(h, /Not a DCOM hardening event/);
  });
  it('authentication level by name and distance below 5', () => {
    const h = hoverAt(at(event10038('2'), '$A'));
    assert.match(h, /RPC_C_AUTHN_LEVEL_CONNECT/);
    assert.match(h, /below the hardening floor of 5 \(RPC_C_AUTHN_LEVEL_PKT_INTEGRITY\) by 3/);
  });
  it('authentication level in Japanese', () => {
    assert.match(hoverAt(at(event10038('4'), '$A'), 'ja'), /差は 1/);
  });
  it('CLSID with its friendly name', () => {
    assert.match(hoverAt(at(event10038('2'), '$G')), /WbemLevel1Login/);
  });
  it('an unknown CLSID says where to look', () => {
    assert.match(hoverAt(at(event10038('2', '{01234567-89AB-CDEF-0123-456789ABCDEF}'), '$G')), /HKEY_CLASSES_ROOT/);
  });
  it('level, time created, computer, security SID', () => {
    assert.match(hoverAt(at(event10038('2'), '$L')), /Level: `2` — Error/);
    assert.match(hoverAt(at(event10038('2'), '$T')), /Created \(UTC\)/);
    assert.match(hoverAt(at(event10038('2'), '$C')), /logged this event/);
    assert.match(hoverAt(at(event10038('2'), '$S')), /SYSTEM|Local System/);
  });
  it('10036 data by name: client IP address', () => {
    const text = `<Event ${NS}><System><Provider Name='Microsoft-Windows-DistributedCOM'/><EventID>10036</EventID></System><EventData><Data Name='Domain Name'>CORP</Data><Data Name='User Name'>cmadmin</Data><Data Name='SID'>S-1-5-21-1-2-3-500</Data><Data Name='Client IP Address'>10.0.1$0.25</Data></EventData></Event>`;
    assert.match(hoverAt(text), /Client IP Address/);
  });
});

describe('hovers escape log text', () => {
  it('markdown and HTML in a message cannot inject', () => {
    const h = hoverAt(`[1, PID:2][06/20/2023 10:0$02:11] :<img src=x onerror=alert(1)> [link](command:evil) 0x80070005`);
    assert.doesNotMatch(h, /<img/);
    assert.doesNotMatch(h, /\]\(command:/);
  });
  it('event data with markup is escaped', () => {
    const text = `<Event ${NS}><System><Provider Name='Microsoft-Windows-DistributedCOM'/><EventID>10036</EventID></System><EventData><Data Name='Domain Name'>[x](command:y)&lt;b&gt;$0</Data></EventData></Event>`;
    const h = hoverAt(text);
    // Untrusted text appears only inside a code span, where Markdown forms no link and no HTML.
    assert.match(h, /`\[x\]\(command:y\)<b>`/);
    const outsideCode = h.replace(/(`+)[^`]*?\1/g, '');
    assert.doesNotMatch(outsideCode, /\]\(command:|<b>/);
  });
});

describe('explainCodeText (Look Up Error Code)', () => {
  const forms = ['0x80070005', '80070005', '(80070005)', '-2147024891', '2147942405', 'E_ACCESSDENIED', 'Access is denied'];
  for (const form of forms) {
    it(`${form} is 0x80070005`, () => assert.equal(explainCodeText(form, 'en').canonical, '0x80070005'));
  }
  it('a bare Win32 number', () => {
    const r = explainCodeText('1722', 'en');
    assert.equal(r.canonical, '0x000006BA');
    assert.match(r.markdown ?? '', /RPC_S_SERVER_UNAVAILABLE/);
  });
  it('not a code', () => assert.deepEqual(explainCodeText('hello', 'en'), { markdown: null, canonical: null }));
  it('Japanese', () => assert.match(explainCodeText('0x80041003', 'ja').markdown ?? '', /Configuration Manager では/));
});
