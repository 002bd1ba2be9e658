import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHresult, facilityNames, hexOf, hresultFromWin32, parseCodeText } from '../../server/src/core/knowledge/hresult';
import { CURATED_CODES, RELATIONS, curatedExplanation, type CuratedText } from '../../server/src/core/knowledge/curatedCodes';
import { DCOM_EVENTS, EVENT_LEVELS, dcomEvent, dcomEventField, eventLevel, isHardeningEvent } from '../../server/src/core/knowledge/dcomEventCatalog';
import { AUTHENTICATION_LEVELS, authenticationLevel, belowHardeningFloor, levelsBelowFloor, parseAuthenticationLevel } from '../../server/src/core/knowledge/authenticationLevels';
import { WBEM_LEVEL1_LOGIN, WELL_KNOWN_CLSIDS, describeClsid, describeSid, normalizeGuid } from '../../server/src/core/knowledge/wellKnownIds';
import { FIXED_BUILDS, HARDENING_PHASES, isBuildFixed, parseWindowsBuild, phaseAt, phaseOfBuild, type PhaseId } from '../../server/src/core/knowledge/hardeningTimeline';
import { CONFIGMGR_COMPONENTS, LOG_FILE_SUMMARIES_JA, describeComponent, describeLogFile } from '../../server/src/core/knowledge/logFilesJa';
import { LOG_FILES } from '../../server/src/core/knowledge/logFiles';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('parseCodeText', () => {
  const PARSED: [string, number][] = [
    ['0x80070005', 0x80070005],
    ['0X800706ba', 0x800706ba],
    ['80070005', 0x80070005],
    ['800706BA', 0x800706ba],
    ['(80070005)', 0x80070005],
    ['[0x800706BA]', 0x800706ba],
    [' ( 0x80041003 ) ', 0x80041003],
    ['-2147024891', 0x80070005],
    ['2147942405', 0x80070005],
    ['-2147023174', 0x800706ba],
    ['2147944122', 0x800706ba],
    ['-2146959355', 0x80080005],
    ['2147749889', 0x80041001],
    ['5', 5],
    ['1722', 1722],
    ['0x5', 5],
    ['0', 0],
    ['-1', 0xffffffff],
    ['-2147483648', 0x80000000],
    ['4294967295', 0xffffffff],
    ['0x0000000080070005', 0x80070005],
    // Exactly 8 digits without a prefix are hex, as logs print %08X.
    ['12345678', 0x12345678],
    ['00000005', 5],
  ];
  for (const [text, value] of PARSED) {
    it(`reads ${JSON.stringify(text)} as ${hexOf(value)}`, () => assert.equal(parseCodeText(text), value));
  }

  const REJECTED = ['', '   ', 'abc', '0x', '0x123456789', '800700A', '4294967296', '-2147483649', 'E_ACCESSDENIED', '{80070005}', '0x8007_0005', '1.5', '+5', '(80070005', '80070005h'];
  for (const text of REJECTED) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.equal(parseCodeText(text), null));
  }

  it('round-trips every form of a code to the same value', () => {
    const values = [0x80070005, 0x800706ba, 0x80041003, 0x8007052e, 0x80004005, 0x87d00215, 0xc0000005, 0x80000000, 0xffffffff, 0x7fffffff];
    for (const value of values) {
      const signed = value | 0;
      const forms = [hexOf(value), hexOf(value).toLowerCase(), hexOf(value).slice(2), `(${hexOf(value).slice(2)})`, String(signed), String(value)];
      for (const form of forms) {
        const parsed = parseCodeText(form);
        assert.equal(parsed, value, `${form} → ${hexOf(value)}`);
        assert.equal(decodeHresult(parsed ?? NaN).hex, hexOf(value));
      }
    }
  });
});

describe('decodeHresult', () => {
  it('decodes 0x80070005 with every field', () => {
    assert.deepEqual(decodeHresult(0x80070005), {
      value: 0x80070005, hex: '0x80070005', signed: -2147024891, unsigned: 2147942405, kind: 'hresult',
      severity: 'failure', customer: false, ntstatus: false, ntstatusValue: null, looksLikeNtstatus: false,
      facility: 7, facilityName: 'FACILITY_WIN32', code: 5, win32: 5,
    });
  });

  it('decodes a signed input like its unsigned twin', () => {
    assert.deepEqual(decodeHresult(-2147023174), decodeHresult(0x800706ba));
    assert.equal(decodeHresult(-2147023174).win32, 1722);
  });

  it('treats values below 0x10000 as bare Win32 codes', () => {
    const d = decodeHresult(1722);
    assert.equal(d.kind, 'win32');
    assert.equal(d.win32, 1722);
    assert.equal(d.facility, null);
    assert.equal(d.facilityName, null);
    assert.equal(d.kind === 'win32' ? d.hresult : -1, 0x800706ba);
    assert.equal(d.hex, '0x000006BA');
  });

  it('decodes 0 as success', () => {
    const d = decodeHresult(0);
    assert.equal(d.kind, 'win32');
    assert.equal(d.severity, 'success');
    assert.equal(d.kind === 'win32' ? d.hresult : -1, 0);
  });

  it('decodes 0x7FFFFFFF: success, every flag bit set, no facility name', () => {
    const d = decodeHresult(0x7fffffff);
    assert.equal(d.kind, 'hresult');
    assert.equal(d.severity, 'success');
    assert.equal(d.signed, 2147483647);
    assert.equal(d.customer, true);
    assert.equal(d.ntstatus, true);
    assert.equal(d.looksLikeNtstatus, false);
    assert.equal(d.facility, 0xfff);
    assert.equal(d.facilityName, null);
    assert.equal(d.code, 0xffff);
    assert.equal(d.win32, null);
  });

  it('decodes 0x80000000: failure of FACILITY_NULL, code 0', () => {
    const d = decodeHresult(0x80000000);
    assert.equal(d.severity, 'failure');
    assert.equal(d.signed, -2147483648);
    assert.equal(d.facilityName, 'FACILITY_NULL');
    assert.equal(d.code, 0);
    assert.equal(d.win32, null);
  });

  it('decodes 0xFFFFFFFF and -1 alike', () => {
    const d = decodeHresult(0xffffffff);
    assert.deepEqual(decodeHresult(-1), d);
    assert.equal(d.signed, -1);
    assert.equal(d.unsigned, 4294967295);
    assert.equal(d.severity, 'failure');
    assert.equal(d.ntstatus, true);
    assert.equal(d.ntstatusValue, 0xefffffff);
  });

  it('reports HRESULT_FROM_NT values and NTSTATUS look-alikes', () => {
    const nt = decodeHresult(0xd0000022);
    assert.equal(nt.ntstatus, true);
    assert.equal(nt.ntstatusValue, 0xc0000022);
    assert.equal(nt.facilityName, null);
    const av = decodeHresult(0xc0000005);
    assert.equal(av.looksLikeNtstatus, true);
    assert.equal(av.ntstatus, false);
  });

  it('wraps a Win32 code only for failures of FACILITY_WIN32 without the C bit', () => {
    assert.equal(decodeHresult(0x00070005).win32, null);
    assert.equal(decodeHresult(0xa0070005).win32, null);
    assert.equal(decodeHresult(0xa0070005).customer, true);
    assert.equal(decodeHresult(0x80072ee2).win32, 12002);
  });

  const FACILITIES: [number, string][] = [
    [0x80004005, 'FACILITY_NULL'],
    [0x8001011b, 'FACILITY_RPC'],
    [0x80020009, 'FACILITY_DISPATCH'],
    [0x80030002, 'FACILITY_STORAGE'],
    [0x80041003, 'FACILITY_ITF'],
    [0x800706ba, 'FACILITY_WIN32'],
    [0x80080005, 'FACILITY_WINDOWS'],
    [0x80090322, 'FACILITY_SSPI'],
    [0x800b0109, 'FACILITY_CERT'],
    [0x80190194, 'FACILITY_HTTP'],
    [0x80200010, 'FACILITY_BACKGROUNDCOPY'],
    [0x80244022, 'FACILITY_WINDOWSUPDATE'],
    [0x80338000, 'FACILITY_WINRM'],
    [0x887a0005, 'FACILITY_DXGI'],
    [0x8abc0000, 'FACILITY_PIX'],
  ];
  for (const [value, name] of FACILITIES) {
    it(`names the facility of ${hexOf(value)} ${name}`, () => assert.equal(decodeHresult(value).facilityName, name));
  }

  it('lists every name of a shared facility number, and none for an unknown one', () => {
    assert.deepEqual(facilityNames(9), ['FACILITY_SSPI', 'FACILITY_SECURITY']);
    assert.deepEqual(facilityNames(256), ['FACILITY_SPP', 'FACILITY_RESTORE', 'FACILITY_DMSERVER']);
    assert.deepEqual(facilityNames(2000), []);
    assert.equal(decodeHresult(0x87d00215).facilityName, null);
  });

  it('computes HRESULT_FROM_WIN32 as winerror.h does', () => {
    assert.equal(hresultFromWin32(0), 0);
    assert.equal(hresultFromWin32(5), 0x80070005);
    assert.equal(hresultFromWin32(1722), 0x800706ba);
    assert.equal(hresultFromWin32(0x80070005), 0x80070005);
  });
});

const LISTED_CODES = [
  0x80070005, 0x800706ba, 0x800706be, 0x800706bf, 0x800706d9, 0x80070776, 0x800706d3, 0x80070721, 0x8007052e, 0x80070035,
  0x80072ee2, 0x80004005, 0x80080005, 0x80040154, 0x80004014, 0x8000401a, 0x80010111, 0x8001011b, 0x80010119, 0x8001011a,
  0x8001011c, 0x8001011f, 0x80010108, 0x80010105, 0x80010007, 0x80010001, 0x8001012a, 0x8001ffff, 0x80041001, 0x80041002,
  0x80041003, 0x80041009, 0x8004100e, 0x80041010, 0x80041013, 0x80041015, 0x80041064, 0x80041069,
];

function allText(t: CuratedText): string[] {
  return [t.title, t.meaning, ...t.nextSteps];
}

describe('curated codes', () => {
  for (const value of LISTED_CODES) {
    it(`explains ${hexOf(value)} in English and Japanese`, () => {
      const entry = curatedExplanation(value);
      assert.ok(entry, 'entry exists');
      assert.equal(entry.value, value);
      assert.ok(entry.symbol.length > 0);
      assert.ok(entry.relation in RELATIONS);
      for (const text of [entry.en, entry.ja]) {
        assert.ok(text.title.trim().length > 0);
        assert.ok(text.meaning.trim().length > 20);
        assert.ok(text.nextSteps.length > 0);
        for (const step of text.nextSteps) assert.ok(step.trim().length > 0);
      }
      for (const s of allText(entry.ja)) assert.match(s, JAPANESE);
      assert.equal(entry.en.nextSteps.length, entry.ja.nextSteps.length, 'same steps in both languages');
    });
  }

  it('has one entry per value', () => {
    assert.equal(new Set(CURATED_CODES.map((c) => c.value)).size, CURATED_CODES.length);
  });

  it('never mentions the registry opt-out (ignored since 2023-03-14) in any text', () => {
    for (const entry of CURATED_CODES) {
      for (const s of [...allText(entry.en), ...allText(entry.ja)]) {
        assert.doesNotMatch(s, /RequireIntegrity|AppCompat/i, hexOf(entry.value));
      }
    }
  });

  it('gives the hardening fix for the two symptoms Microsoft lists', () => {
    const symptoms = CURATED_CODES.filter((c) => c.hardeningSymptom).map((c) => c.value);
    assert.deepEqual(symptoms, [0x80070005, 0x800706ba]);
    for (const value of symptoms) {
      const entry = curatedExplanation(value);
      assert.ok(entry);
      assert.match(entry.en.nextSteps.join(' '), /cumulative update.*both|both.*cumulative update/);
      assert.match(entry.en.nextSteps.join(' '), /2203/);
      assert.match(entry.ja.nextSteps.join(' '), /累積更新プログラム/);
      assert.match(entry.ja.nextSteps.join(' '), /2203/);
    }
  });

  it('keeps WMI namespace security apart from DCOM hardening', () => {
    assert.equal(curatedExplanation(0x80041003)?.relation, 'wmiSecurity');
    assert.equal(curatedExplanation(0x80070005)?.relation, 'dcomHardening');
    assert.equal(curatedExplanation(0x80072ee2)?.relation, 'network');
  });

  it('looks up signed values and bare Win32 codes', () => {
    assert.equal(curatedExplanation(-2147024891)?.value, 0x80070005);
    assert.equal(curatedExplanation(5)?.value, 0x80070005);
    assert.equal(curatedExplanation(1722)?.value, 0x800706ba);
    assert.equal(curatedExplanation(12002)?.value, 0x80072ee2);
    assert.equal(curatedExplanation(0), undefined);
    assert.equal(curatedExplanation(0x80070002), undefined);
  });
});

describe('DCOM event catalogue', () => {
  it('describes the hardening events by side', () => {
    assert.equal(dcomEvent(10036)?.side, 'server');
    assert.equal(dcomEvent(10037)?.side, 'client');
    assert.equal(dcomEvent(10038)?.side, 'client');
    for (const id of [10036, 10037, 10038]) assert.equal(isHardeningEvent(id), true);
    for (const id of [10016, 10028, 10009, 10006, 10010, 10005, 10001]) assert.equal(isHardeningEvent(id), false, String(id));
    assert.equal(isHardeningEvent(4624), false);
    assert.equal(dcomEvent(4624), undefined);
  });

  it('maps the fields of 10036 and 10037/10038 by position', () => {
    assert.deepEqual(dcomEvent(10036)?.fields.map((f) => f.names[0]), ['Domain Name', 'User Name', 'SID', 'Client IP Address']);
    assert.deepEqual(dcomEvent(10036)?.fields.map((f) => f.kind), ['domain', 'user', 'sid', 'ip']);
    for (const id of [10037, 10038]) {
      assert.deepEqual(dcomEvent(id)?.fields.map((f) => f.kind), ['path', 'pid', 'clsid', 'computer', 'authLevel']);
    }
    assert.equal(dcomEventField(10037, 5)?.kind, 'authLevel');
    assert.equal(dcomEventField(10037, 6), undefined);
    assert.equal(dcomEventField(10016, 8)?.kind, 'sid');
  });

  it('finds an event whatever its qualifiers (10009 is 0xC0002719)', () => {
    assert.equal(dcomEvent(3221235481)?.id, 10009);
    assert.equal(dcomEvent(10009)?.qualifiers, 49152);
  });

  it('has as many fields as its message template has inserts, texts in both languages', () => {
    for (const event of DCOM_EVENTS) {
      const inserts = [...event.template.matchAll(/%(\d+)/g)].map((m) => Number(m[1]));
      assert.equal(Math.max(...inserts), event.fields.length, `event ${event.id}`);
      event.fields.forEach((f, i) => assert.equal(f.position, i + 1));
      for (const text of [event.en, event.ja]) {
        assert.ok(text.title && text.meaning && text.check.length > 0, `event ${event.id}`);
      }
      assert.match(event.ja.meaning, JAPANESE);
      for (const f of event.fields) assert.ok(f.en.label && f.ja.label && f.en.meaning && f.ja.meaning);
    }
  });

  it('names the event levels', () => {
    assert.deepEqual(EVENT_LEVELS.map((l) => l.level), [0, 1, 2, 3, 4, 5]);
    assert.equal(eventLevel(2)?.en, 'Error');
    assert.equal(eventLevel(2)?.ja, 'エラー');
    assert.equal(eventLevel(3)?.ja, '警告');
    assert.equal(eventLevel(1)?.en, 'Critical');
    assert.equal(eventLevel(6), undefined);
  });
});

describe('authentication levels', () => {
  it('lists 0-6 in order with both languages', () => {
    AUTHENTICATION_LEVELS.forEach((l, i) => {
      assert.equal(l.level, i);
      assert.match(l.name, /^RPC_C_AUTHN_LEVEL_/);
      assert.match(l.ja.description, JAPANESE);
    });
    assert.equal(authenticationLevel(5)?.name, 'RPC_C_AUTHN_LEVEL_PKT_INTEGRITY');
  });

  it('measures the distance to the hardening floor', () => {
    for (const level of [0, 1, 2, 3, 4]) assert.equal(belowHardeningFloor(level), true, String(level));
    for (const level of [5, 6, 7, -1, 2.5, NaN]) assert.equal(belowHardeningFloor(level), false, String(level));
    assert.equal(levelsBelowFloor(2), 3);
    assert.equal(levelsBelowFloor(4), 1);
    assert.equal(levelsBelowFloor(5), 0);
    assert.equal(levelsBelowFloor(6), 0);
    assert.equal(levelsBelowFloor(9), undefined);
  });

  const PARSED: [string, number | undefined][] = [
    ['2', 2],
    [' 4 ', 4],
    ['5(RPC_C_AUTHN_LEVEL_PKT_INTEGRITY)', 5],
    ['2 (RPC_C_AUTHN_LEVEL_CONNECT)', 2],
    ['RPC_C_AUTHN_LEVEL_CONNECT', 2],
    ['rpc_c_authn_level_pkt', 4],
    ['7', undefined],
    ['2(RPC_C_AUTHN_LEVEL_PKT_PRIVACY)', undefined],
    ['RPC_C_AUTHN_LEVEL_BOGUS', undefined],
    ['', undefined],
  ];
  for (const [text, level] of PARSED) {
    it(`parses ${JSON.stringify(text)}`, () => assert.equal(parseAuthenticationLevel(text), level));
  }
});

describe('hardening timeline', () => {
  const BOUNDARIES: [number, PhaseId, PhaseId][] = [
    [Date.UTC(2021, 5, 8), 'beforeHardening', 'phase1'],
    [Date.UTC(2022, 5, 14), 'phase1', 'phase2'],
    [Date.UTC(2022, 10, 8), 'phase2', 'autoRaise'],
    [Date.UTC(2023, 2, 14), 'autoRaise', 'phase3'],
  ];
  for (const [at, before, after] of BOUNDARIES) {
    it(`switches from ${before} to ${after} at ${new Date(at).toISOString()}`, () => {
      assert.equal(phaseAt(at - 1).id, before);
      assert.equal(phaseAt(at).id, after);
      assert.equal(phaseAt(at + 86_400_000 - 1).id, after);
    });
  }

  it('covers all time', () => {
    assert.equal(phaseAt(0).id, 'beforeHardening');
    assert.equal(phaseAt(Date.UTC(2030, 0, 1)).id, 'phase3');
    assert.equal(phaseAt(Date.parse('2022-06-14T23:59:59Z')).id, 'phase2');
    for (const phase of HARDENING_PHASES) assert.match(phase.ja.behaviour, JAPANESE);
    assert.equal(HARDENING_PHASES.find((p) => p.id === 'phase3')?.registryHonoured, false);
  });

  it('tells each fixed build from the one before it', () => {
    for (const row of FIXED_BUILDS) {
      if (row.fixedRevision === null) {
        assert.equal(isBuildFixed(`${row.version}.99999`), false, row.product);
        continue;
      }
      const shared = FIXED_BUILDS.filter((r) => r.version === row.version).length > 1;
      const maxRevision = Math.max(...FIXED_BUILDS.filter((r) => r.version === row.version).map((r) => r.fixedRevision ?? 0));
      const minRevision = Math.min(...FIXED_BUILDS.filter((r) => r.version === row.version).map((r) => r.fixedRevision ?? Infinity));
      if (!shared || row.fixedRevision === maxRevision) assert.equal(isBuildFixed(`${row.version}.${row.fixedRevision}`), true, row.product);
      if (!shared || row.fixedRevision === minRevision) assert.equal(isBuildFixed(`${row.version}.${row.fixedRevision - 1}`), false, row.product);
    }
  });

  const BUILDS: [string, boolean | undefined][] = [
    ['10.0.17763.4131', true],
    ['10.0.17763.4130', false],
    ['10.0.20348.1607', true],
    ['10.0.20348.1606', false],
    ['10.0.14393.5786', true],
    ['10.0.14393.5785', false],
    ['10.0.19045.2728', true],
    ['10.0.19045.2727', false],
    ['10.0.22621.1413', true],
    ['10.0.22621.1412', false],
    ['6.3.9600.20865', true],
    ['6.3.9600.20401', false],
    ['6.3.9600.20500', undefined],
    ['6.1.7601.26415', true],
    ['6.1.7601.26000', undefined],
    ['6.1.7601.25983', false],
    ['10.0.19041.9999', false],
    ['10.0.22631.2428', true],
    ['10.0.26100.1', true],
    ['Microsoft Windows [Version 10.0.17763.4131]', true],
    ['17763.4131', true],
    ['17763.4130', false],
    ['10.0.17763', undefined],
    ['10.0.12345.1', undefined],
    ['not a build', undefined],
  ];
  for (const [build, fixed] of BUILDS) {
    it(`isBuildFixed(${JSON.stringify(build)}) is ${String(fixed)}`, () => assert.equal(isBuildFixed(build), fixed));
  }

  it('parses build strings', () => {
    assert.deepEqual(parseWindowsBuild('10.0.17763.4131'), { major: 10, minor: 0, build: 17763, revision: 4131 });
    assert.deepEqual(parseWindowsBuild('17763.4131'), { major: null, minor: null, build: 17763, revision: 4131 });
    assert.equal(parseWindowsBuild('1.2.3'), undefined);
  });

  const PHASES: [string, PhaseId | undefined][] = [
    ['10.0.17763.1998', 'beforeHardening'],
    ['10.0.17763.1999', 'phase1'],
    ['10.0.17763.3045', 'phase1'],
    ['10.0.17763.3046', 'phase2'],
    ['10.0.17763.3650', 'autoRaise'],
    ['10.0.17763.4131', 'phase3'],
    ['10.0.14393.5501', 'autoRaise'],
    ['10.0.20348.100', 'phase1'],
    ['10.0.20348.1607', 'phase3'],
    ['10.0.22621.1413', 'phase3'],
    ['10.0.26100.100', 'phase3'],
    ['10.0.19043.1766', undefined],
    ['10.0.22621.1000', undefined],
  ];
  for (const [build, phase] of PHASES) {
    it(`phaseOfBuild(${build}) is ${String(phase)}`, () => assert.equal(phaseOfBuild(build), phase));
  }
});

describe('well-known IDs', () => {
  it('puts WbemLevel1Login first and finds it in any spelling', () => {
    assert.equal(WELL_KNOWN_CLSIDS[0]?.guid, WBEM_LEVEL1_LOGIN);
    for (const spelling of ['{8bc3f05e-d86b-11d0-a075-00c04fb68820}', '8BC3F05E-D86B-11D0-A075-00C04FB68820', ' {8BC3F05E-D86B-11D0-A075-00C04FB68820} ']) {
      assert.match(describeClsid(spelling)?.name ?? '', /WbemLevel1Login/);
    }
    assert.deepEqual(describeClsid(WBEM_LEVEL1_LOGIN)?.kinds, ['CLSID', 'AppID']);
  });

  it('finds the other CLSIDs and nothing for unknown or malformed ones', () => {
    assert.match(describeClsid('{49bd2028-1523-11d1-ad79-00c04fd8fdff}')?.name ?? '', /unsecapp/);
    assert.match(describeClsid('4991D34B-80A1-4291-83B6-3328366B9097')?.name ?? '', /BITS/);
    assert.equal(describeClsid('{00000000-0000-0000-0000-000000000000}'), undefined);
    assert.equal(describeClsid('not a guid'), undefined);
    assert.equal(describeClsid('{8BC3F05E-D86B-11D0-A075-00C04FB6882}'), undefined);
    assert.equal(normalizeGuid('{abc}'), undefined);
    for (const c of WELL_KNOWN_CLSIDS) {
      assert.equal(normalizeGuid(c.guid), c.guid);
      assert.match(c.description.ja, JAPANESE);
    }
    assert.equal(new Set(WELL_KNOWN_CLSIDS.map((c) => c.guid)).size, WELL_KNOWN_CLSIDS.length);
  });

  const SIDS: [string, string, RegExp, number | null][] = [
    ['S-1-5-18', 'wellKnown', /SYSTEM/, null],
    ['s-1-5-18', 'wellKnown', /SYSTEM/, null],
    ['S-1-5-19', 'wellKnown', /LOCAL SERVICE/, null],
    ['S-1-5-20', 'wellKnown', /NETWORK SERVICE/, null],
    ['S-1-5-32-544', 'builtin', /Administrators/, null],
    ['S-1-5-32-562', 'builtin', /Distributed COM Users/, null],
    ['S-1-5-11', 'wellKnown', /Authenticated Users/, null],
    ['S-1-1-0', 'wellKnown', /Everyone/, null],
    ['S-1-5-7', 'wellKnown', /ANONYMOUS LOGON/, null],
    ['S-1-5-21-1004336348-1177238915-682003330-500', 'domainRid', /^Administrator$/, 500],
    ['S-1-5-21-1004336348-1177238915-682003330-512', 'domainRid', /Domain Admins/, 512],
    ['S-1-5-21-1004336348-1177238915-682003330-513', 'domainRid', /Domain Users/, 513],
    ['S-1-5-21-1004336348-1177238915-682003330-515', 'domainRid', /Domain Computers/, 515],
    ['S-1-5-21-1004336348-1177238915-682003330-516', 'domainRid', /Domain Controllers/, 516],
    ['S-1-5-21-1004336348-1177238915-682003330-519', 'domainRid', /Enterprise Admins/, 519],
    ['S-1-5-21-1004336348-1177238915-682003330-1105', 'account', /Account/, 1105],
    ['S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464', 'service', /NT SERVICE/, null],
    ['S-1-15-2-155514346-2573954481-755741238-1654018636-1233331829-3075935687-2861478708', 'appContainer', /AppContainer/, null],
    ['S-1-5-32-999', 'builtin', /BUILTIN/, null],
  ];
  for (const [sid, kind, name, rid] of SIDS) {
    it(`describes ${sid}`, () => {
      const d = describeSid(sid);
      assert.ok(d);
      assert.equal(d.kind, kind);
      assert.match(d.name, name);
      assert.equal(d.rid, rid);
      assert.ok(d.description.en.length > 0);
      assert.match(d.description.ja, JAPANESE);
    });
  }

  for (const text of ['', 'S-1', 'S-1-5-21-…-500', 'S-1-5-21-1-2-3-999', 'S-1-16-12288', 'not a sid', 'S-1-5-18-']) {
    it(`has nothing for ${JSON.stringify(text)}`, () => assert.equal(describeSid(text), undefined));
  }
});

describe('log files and components in Japanese', () => {
  it('summarises every known log in Japanese, and no unknown one', () => {
    for (const log of LOG_FILES) {
      assert.match(LOG_FILE_SUMMARIES_JA[log.name] ?? '', JAPANESE, log.name);
      assert.equal(describeLogFile(log, 'ja'), LOG_FILE_SUMMARIES_JA[log.name]);
      assert.equal(describeLogFile(log, 'en'), log.summary);
    }
    const known = new Set(LOG_FILES.map((l) => l.name));
    for (const name of Object.keys(LOG_FILE_SUMMARIES_JA)) assert.ok(known.has(name), name);
  });

  it('describes the components admins see, case-insensitively', () => {
    for (const name of ['SMS_DISTRIBUTION_MANAGER', 'SMS_PACKAGE_TRANSFER_MANAGER', 'SMS_HIERARCHY_MANAGER', 'SMS_SITE_COMPONENT_MANAGER', 'SMS_EXECUTIVE', 'SMS Provider', 'TSManager', 'ccmsetup']) {
      assert.ok(describeComponent(name, 'en'), name);
      assert.match(describeComponent(name, 'ja') ?? '', JAPANESE, name);
    }
    assert.equal(describeComponent('sms_distribution_manager', 'en'), describeComponent('SMS_DISTRIBUTION_MANAGER', 'en'));
    assert.equal(describeComponent('NotAComponent', 'en'), undefined);
    assert.equal(new Set(CONFIGMGR_COMPONENTS.map((c) => c.name.toLowerCase())).size, CONFIGMGR_COMPONENTS.length);
  });
});
