import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOleHardeningSettings, type OleSettingMeaning, type OleSettingVerdict } from '../../server/src/core/analysis/oleRegistry';
import { looksLikeRegExport, parseRegExport, type RegExportModel, type RegValue, type RegValueType } from '../../server/src/core/formats/reg';
import { slice } from './support/marks';

const V5 = 'Windows Registry Editor Version 5.00';
const APPCOMPAT = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat]';
const reg = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

function onlyValue(model: RegExportModel): RegValue {
  assert.equal(model.keys.length, 1);
  const value = model.keys[0]?.values[0];
  assert.ok(value, 'one value');
  return value;
}

describe('looksLikeRegExport', () => {
  const cases: [string, string, boolean][] = [
    ['version 5 header', `${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]`, true],
    ['REGEDIT4 header', 'REGEDIT4\n', true],
    ['header with BOM and leading blank lines', `\uFEFF\r\n\r\n${V5}\r\n`, true],
    ['header alone, no newline', V5, true],
    ['CCM log', '<![LOG[Hello]LOG]!><time="10:00:00.000+000">', false],
    ['key line without header', '[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n', false],
    ['header mentioned in prose', `Import this: ${V5}`, false],
  ];
  for (const [label, head, expected] of cases) {
    it(label, () => assert.equal(looksLikeRegExport(head), expected));
  }
});

describe('parseRegExport: value types', () => {
  const cases: { label: string; line: string; type: RegValueType; dword?: number; text?: string; bytes?: number[] }[] = [
    { label: 'dword', line: '"A"=dword:00000001', type: 'dword', dword: 1 },
    { label: 'dword, upper bound', line: '"A"=dword:ffffffff', type: 'dword', dword: 0xffffffff },
    { label: 'dword, short and upper-case prefix', line: '"A"=DWORD:1f', type: 'dword', dword: 31 },
    { label: 'dword with trailing comment', line: '"A"=dword:00000000 ; opt-out', type: 'dword', dword: 0 },
    { label: 'string', line: '"A"="hello"', type: 'string', text: 'hello' },
    { label: 'empty string', line: '"A"=""', type: 'string', text: '' },
    { label: 'string with escapes', line: '"A"="say \\"hi\\" at C:\\\\Windows\\\\"', type: 'string', text: 'say "hi" at C:\\Windows\\' },
    { label: 'string with ; inside', line: '"A"="a;b" ; c', type: 'string', text: 'a;b' },
    { label: 'binary', line: '"A"=hex:01,ff,0a', type: 'binary', bytes: [1, 255, 10] },
    { label: 'empty binary', line: '"A"=hex:', type: 'binary', bytes: [] },
    { label: 'hex(3) is binary', line: '"A"=hex(3):00', type: 'binary', bytes: [0] },
    { label: 'expand string', line: '"A"=hex(2):25,00,41,00,25,00,00,00', type: 'expandString', text: '%A%' },
    { label: 'multi string', line: '"A"=hex(7):61,00,00,00,62,00,63,00,00,00,00,00', type: 'multiString', text: 'a\nbc' },
    { label: 'qword', line: '"A"=hex(b):01,00,00,00,00,00,00,00', type: 'qword', text: '1' },
    { label: 'qword above 2^53', line: '"A"=hex(b):ff,ff,ff,ff,ff,ff,ff,ff', type: 'qword', text: '18446744073709551615' },
    { label: 'hex(4) is a dword', line: '"A"=hex(4):02,01,00,00', type: 'dword', dword: 258 },
    { label: 'hex(1) is a string', line: '"A"=hex(1):68,00,69,00,00,00', type: 'string', text: 'hi' },
    { label: 'unknown registry type hex(5)', line: '"A"=hex(5):00,00,00,01', type: 'other', bytes: [0, 0, 0, 1] },
    { label: 'REG_NONE hex(0)', line: '"A"=hex(0):', type: 'other', bytes: [] },
    { label: 'deletion', line: '"A"=-', type: 'delete' },
    { label: 'spaces around =', line: '"A" = dword:00000002', type: 'dword', dword: 2 },
  ];
  for (const c of cases) {
    it(c.label, () => {
      const text = reg(V5, '', '[HKEY_CURRENT_USER\\Test]', c.line);
      const model = parseRegExport(text);
      assert.deepEqual(model.problems, []);
      const value = onlyValue(model);
      assert.equal(value.name.value, 'A');
      assert.equal(slice(text, value.name.span), 'A');
      assert.equal(value.type, c.type);
      assert.equal(value.dword, c.dword);
      assert.equal(value.text, c.text);
      if (c.bytes) assert.deepEqual(value.bytes, c.bytes);
      assert.ok(c.line.startsWith(slice(text, value.span) ?? '\0'), 'span starts at the name');
    });
  }
});

describe('parseRegExport: structure', () => {
  it('reads header, keys, default value and spans', () => {
    const text = reg(V5, '', APPCOMPAT, '@="default"', '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000', '', '[HKLM\\SOFTWARE\\Other]');
    const model = parseRegExport(text);
    assert.deepEqual(model.problems, []);
    assert.equal(model.header?.value, V5);
    assert.equal(model.keys.length, 2);
    const [appCompat, other] = model.keys;
    assert.equal(appCompat?.path.value, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat');
    assert.equal(slice(text, appCompat?.path.span), 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat');
    assert.equal(appCompat?.deleted, false);
    assert.ok(slice(text, appCompat?.span)?.startsWith('[HKEY_LOCAL_MACHINE'));
    assert.ok(slice(text, appCompat?.span)?.endsWith('=dword:00000000'));
    const [byDefault, require] = appCompat?.values ?? [];
    assert.equal(byDefault?.name.value, '');
    assert.equal(slice(text, byDefault?.name.span), '@');
    assert.equal(byDefault?.text, 'default');
    assert.equal(slice(text, require?.span), '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000');
    assert.equal(slice(text, require?.data), 'dword:00000000');
    assert.equal(other?.path.value, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Other', 'HKLM spelled out');
    assert.equal(slice(text, other?.path.span), 'HKLM\\SOFTWARE\\Other', 'span keeps what was written');
    assert.equal(slice(text, other?.span), '[HKLM\\SOFTWARE\\Other]');
  });

  it('normalises abbreviated roots and keeps the case of the rest', () => {
    const cases: [string, string][] = [
      ['hklm\\software\\microsoft\\ole', 'HKEY_LOCAL_MACHINE\\software\\microsoft\\ole'],
      ['HKCU\\Software', 'HKEY_CURRENT_USER\\Software'],
      ['HKCR\\CLSID', 'HKEY_CLASSES_ROOT\\CLSID'],
      ['HKU\\.DEFAULT', 'HKEY_USERS\\.DEFAULT'],
      ['HKCC\\System', 'HKEY_CURRENT_CONFIG\\System'],
      ['hkey_local_machine\\SOFTWARE', 'hkey_local_machine\\SOFTWARE'],
      ['HKLM', 'HKEY_LOCAL_MACHINE'],
    ];
    for (const [written, normalised] of cases) {
      const model = parseRegExport(reg(V5, `[${written}]`));
      assert.equal(model.keys[0]?.path.value, normalised, written);
      assert.deepEqual(model.problems, [], written);
    }
  });

  it('reads key and value deletions', () => {
    const text = reg(V5, '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Gone]', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Kept]', '"Old"=-');
    const model = parseRegExport(text);
    assert.deepEqual(model.problems, []);
    assert.equal(model.keys[0]?.deleted, true);
    assert.equal(slice(text, model.keys[0]?.path.span), 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Gone');
    assert.equal(model.keys[1]?.deleted, false);
    assert.equal(model.keys[1]?.values[0]?.type, 'delete');
    assert.equal(slice(text, model.keys[1]?.values[0]?.span), '"Old"=-');
  });

  it('keeps escapes in value names', () => {
    const text = reg(V5, '[HKEY_CURRENT_USER\\T]', '"a \\"b\\" c\\\\d"=dword:00000001');
    const value = onlyValue(parseRegExport(text));
    assert.equal(value.name.value, 'a "b" c\\d');
    assert.equal(slice(text, value.name.span), 'a \\"b\\" c\\\\d');
  });

  it('skips comments, blank lines and tolerates LF, CR and CRLF', () => {
    const text = `${V5}\n; a comment\r\n\r[HKEY_CURRENT_USER\\T]\r   ; indented comment\n"A"=dword:00000001\n\n"B"="x"`;
    const model = parseRegExport(text);
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.keys[0]?.values.map((v) => v.name.value), ['A', 'B']);
  });

  it('accepts REGEDIT4 and reads its hex strings as single bytes', () => {
    const model = parseRegExport(reg('REGEDIT4', '', '[HKEY_CURRENT_USER\\T]', '"A"=hex(2):25,41,25,00'));
    assert.equal(model.header?.value, 'REGEDIT4');
    assert.equal(onlyValue(model).text, '%A%');
  });

  it('accepts a repeated header (concatenated exports)', () => {
    const model = parseRegExport(reg(V5, '[HKEY_CURRENT_USER\\A]', V5, '[HKEY_CURRENT_USER\\B]'));
    assert.deepEqual(model.problems, []);
    assert.equal(model.keys.length, 2);
  });
});

describe('parseRegExport: continuation lines', () => {
  it('joins hex data across lines with leading spaces', () => {
    const text = reg(
      V5,
      '[HKEY_CURRENT_USER\\T]',
      '"Path"=hex(2):25,00,53,00,79,00,\\',
      '  73,00,74,00,\\',
      '\t65,00,6d,00,25,00,00,00',
      '"Next"=dword:00000003',
    );
    const model = parseRegExport(text);
    assert.deepEqual(model.problems, []);
    const [path, next] = model.keys[0]?.values ?? [];
    assert.equal(path?.type, 'expandString');
    assert.equal(path?.text, '%System%');
    assert.ok(slice(text, path?.span)?.endsWith('6d,00,25,00,00,00'));
    assert.ok(slice(text, path?.data)?.startsWith('hex(2):25,00'));
    assert.equal(next?.dword, 3, 'the line after the continuation is read as a value');
  });

  it('ends the data when the next line does not continue it', () => {
    const text = reg(V5, '[HKEY_CURRENT_USER\\T]', '"Bin"=hex:01,02,\\', '"Next"=dword:00000001');
    const model = parseRegExport(text);
    assert.equal(model.problems.length, 1);
    assert.match(model.problems[0]?.message ?? '', /continue/);
    assert.deepEqual(model.keys[0]?.values.map((v) => [v.name.value, v.type]), [
      ['Bin', 'binary'],
      ['Next', 'dword'],
    ]);
    assert.deepEqual(model.keys[0]?.values[0]?.bytes, [1, 2]);
  });

  it('ends the data at the end of the text', () => {
    const model = parseRegExport(`${V5}\r\n[HKEY_CURRENT_USER\\T]\r\n"Bin"=hex:01,\\`);
    assert.equal(model.problems.length, 1);
    assert.deepEqual(model.keys[0]?.values[0]?.bytes, [1]);
  });
});

describe('parseRegExport: broken lines', () => {
  const cases: { label: string; line: string; problem: RegExp }[] = [
    { label: 'no = after the name', line: '"A" dword:00000001', problem: /=/ },
    { label: 'unterminated name', line: '"A=dword:00000001', problem: /closing quote/ },
    { label: 'unterminated string', line: '"A"="abc', problem: /closing quote/ },
    { label: 'junk after a string', line: '"A"="abc" junk', problem: /after the closing quote/ },
    { label: 'dword too long', line: '"A"=dword:000000001', problem: /dword/ },
    { label: 'dword not hex', line: '"A"=dword:0000000g', problem: /dword/ },
    { label: 'empty dword', line: '"A"=dword:', problem: /dword/ },
    { label: 'bad hex byte', line: '"A"=hex:01,zz', problem: /Hex data/ },
    { label: 'three-digit hex byte', line: '"A"=hex:100', problem: /Hex data/ },
    { label: 'nothing after =', line: '"A"=', problem: /Expected/ },
    { label: 'bare word data', line: '"A"=1', problem: /Expected/ },
    { label: 'stray text', line: 'RequireIntegrityActivationAuthenticationLevel=0', problem: /not a \[key\]/ },
  ];
  for (const c of cases) {
    it(`${c.label}: a problem, and parsing goes on`, () => {
      const text = reg(V5, '[HKEY_CURRENT_USER\\T]', c.line, '"After"=dword:00000007');
      const model = parseRegExport(text);
      assert.equal(model.problems.length, 1, JSON.stringify(model.problems));
      assert.match(model.problems[0]?.message ?? '', c.problem);
      assert.equal(slice(text, model.problems[0]?.span), c.line);
      assert.deepEqual(model.keys[0]?.values.map((v) => v.name.value), ['After']);
    });
  }

  it('unknown data prefix: kept as other, with a problem', () => {
    const text = reg(V5, '[HKEY_CURRENT_USER\\T]', '"A"=qword:0000000000000001');
    const model = parseRegExport(text);
    assert.equal(model.problems.length, 1);
    assert.equal(slice(text, model.problems[0]?.span), 'qword:');
    assert.equal(onlyValue(model).type, 'other');
  });

  it('lone backslash in a string: kept as written, with a problem', () => {
    const model = parseRegExport(reg(V5, '[HKEY_CURRENT_USER\\T]', '"A"="C:\\Windows"'));
    assert.equal(model.problems.length, 1);
    assert.equal(onlyValue(model).text, 'C:\\Windows');
  });

  it('missing header: a problem on the first line, the rest still read', () => {
    const text = reg('[HKEY_CURRENT_USER\\T]', '"A"=dword:00000001');
    const model = parseRegExport(text);
    assert.equal(model.header, null);
    assert.equal(model.problems.length, 1);
    assert.equal(slice(text, model.problems[0]?.span), '[HKEY_CURRENT_USER\\T]');
    assert.equal(onlyValue(model).dword, 1);
  });

  it('a key line without "]" drops its values silently after one problem', () => {
    const text = reg(V5, '[HKEY_CURRENT_USER\\Broken', '"A"=dword:00000001', '[HKEY_CURRENT_USER\\Good]', '"B"=dword:00000002');
    const model = parseRegExport(text);
    assert.equal(model.problems.length, 1);
    assert.deepEqual(model.keys.map((k) => k.path.value), ['HKEY_CURRENT_USER\\Good']);
    assert.equal(model.keys[0]?.values[0]?.name.value, 'B');
  });

  it('values before any key, under a deleted key, and an unknown root are problems', () => {
    const text = reg(V5, '"Orphan"=dword:00000001', '[-HKEY_CURRENT_USER\\Gone]', '"Ghost"=dword:00000001', '[SOFTWARE\\NoRoot]');
    const model = parseRegExport(text);
    assert.equal(model.problems.length, 3, JSON.stringify(model.problems));
    assert.match(model.problems[0]?.message ?? '', /before any \[key\]/);
    assert.match(model.problems[1]?.message ?? '', /deleted/);
    assert.match(model.problems[2]?.message ?? '', /root key/);
    assert.equal(model.keys[0]?.values[0]?.name.value, 'Ghost');
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\uFEFF', '[', ']', '"', '@', '@=', '"=\\', '[-]', '\\\r\n\\', 'hex:\\\r\n\\\r\n']) {
      assert.doesNotThrow(() => parseRegExport(text), JSON.stringify(text));
      assert.doesNotThrow(() => parseRegExport(`${V5}\r\n[HKEY_CURRENT_USER\\T]\r\n"A"=${text}`), JSON.stringify(text));
    }
  });
});

describe('parseRegExport: UTF-16LE round trip', () => {
  it('decodes a regedit-style UTF-16LE export with BOM, offsets in UTF-16 units', () => {
    const source = '\uFEFF' + reg(V5, '', APPCOMPAT, '"Name ü 日本"="値 \\"q\\""', '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000');
    const bytes = Buffer.from(source, 'utf16le');
    assert.equal(bytes[0], 0xff);
    assert.equal(bytes[1], 0xfe);
    const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
    assert.equal(text.charCodeAt(0), 0xfeff, 'the BOM stays in the text');
    assert.ok(looksLikeRegExport(text));
    const model = parseRegExport(text);
    assert.deepEqual(model.problems, []);
    assert.equal(model.header?.span.start, 1);
    const [named, require] = model.keys[0]?.values ?? [];
    assert.equal(named?.name.value, 'Name ü 日本');
    assert.equal(slice(text, named?.name.span), 'Name ü 日本');
    assert.equal(named?.text, '値 "q"');
    assert.equal(require?.dword, 0);
    assert.equal(findOleHardeningSettings(model)[0]?.verdict, 'ignored');
  });

  it('decodes a BOM-less TextDecoder result the same way', () => {
    const bytes = Buffer.from('\uFEFF' + reg(V5, '[HKEY_CURRENT_USER\\T]', '"A"=dword:0000000a'), 'utf16le');
    const model = parseRegExport(new TextDecoder('utf-16le').decode(bytes));
    assert.equal(model.header?.span.start, 0);
    assert.equal(onlyValue(model).dword, 10);
  });
});

describe('findOleHardeningSettings', () => {
  const cases: { label: string; key: string; line: string; verdict: OleSettingVerdict; meaning: OleSettingMeaning; value: number | null }[] = [
    { label: 'opt-out 0 is ignored, never a fix', key: APPCOMPAT, line: '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000', verdict: 'ignored', meaning: 'hardeningOptOutIgnored', value: 0 },
    { label: 'require 1 is enabled', key: APPCOMPAT, line: '"RequireIntegrityActivationAuthenticationLevel"=dword:00000001', verdict: 'informational', meaning: 'hardeningEnabled', value: 1 },
    { label: 'require as a string is ignored', key: APPCOMPAT, line: '"RequireIntegrityActivationAuthenticationLevel"="0"', verdict: 'ignored', meaning: 'notDword', value: null },
    { label: 'require as hex(4) zero is the opt-out', key: APPCOMPAT, line: '"RequireIntegrityActivationAuthenticationLevel"=hex(4):00,00,00,00', verdict: 'ignored', meaning: 'hardeningOptOutIgnored', value: 0 },
    { label: 'require deleted', key: APPCOMPAT, line: '"RequireIntegrityActivationAuthenticationLevel"=-', verdict: 'informational', meaning: 'valueDeleted', value: null },
    { label: 'raise 1', key: APPCOMPAT, line: '"RaiseActivationAuthenticationLevel"=dword:00000001', verdict: 'raisesLevel', meaning: 'raiseDefaultLevel', value: 1 },
    { label: 'raise 2', key: APPCOMPAT, line: '"RaiseActivationAuthenticationLevel"=dword:00000002', verdict: 'raisesLevel', meaning: 'raiseAllActivations', value: 2 },
    { label: 'raise 0 is undocumented', key: APPCOMPAT, line: '"RaiseActivationAuthenticationLevel"=dword:00000000', verdict: 'informational', meaning: 'raiseUndocumentedValue', value: 0 },
    { label: 'logging off', key: APPCOMPAT, line: '"DisableAuthenticationLevelHardeningLog"=dword:00000001', verdict: 'suppressesEvidence', meaning: 'hardeningLogOff', value: 1 },
    { label: 'logging 0 leaves it on', key: APPCOMPAT, line: '"DisableAuthenticationLevelHardeningLog"=dword:00000000', verdict: 'informational', meaning: 'hardeningLogOn', value: 0 },
    { label: 'logging switch of another type still doubts the evidence', key: APPCOMPAT, line: '"DisableAuthenticationLevelHardeningLog"="1"', verdict: 'suppressesEvidence', meaning: 'hardeningLogOff', value: null },
    { label: 'legacy authn 5 is packet integrity', key: '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole]', line: '"LegacyAuthenticationLevel"=dword:00000005', verdict: 'raisesLevel', meaning: 'legacyAuthenticationAtIntegrity', value: 5 },
    { label: 'legacy authn 2 is below', key: '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole]', line: '"LegacyAuthenticationLevel"=dword:00000002', verdict: 'informational', meaning: 'legacyAuthenticationBelowIntegrity', value: 2 },
    { label: 'legacy impersonation', key: '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole]', line: '"LegacyImpersonationLevel"=dword:00000003', verdict: 'informational', meaning: 'legacyImpersonationLevel', value: 3 },
    { label: 'key and name in any case, HKLM abbreviated', key: '[hklm\\software\\MICROSOFT\\ole\\appcompat]', line: '"requireintegrityactivationauthenticationlevel"=dword:00000000', verdict: 'ignored', meaning: 'hardeningOptOutIgnored', value: 0 },
  ];
  for (const c of cases) {
    it(c.label, () => {
      const text = reg(V5, '', c.key, c.line);
      const settings = findOleHardeningSettings(parseRegExport(text));
      assert.equal(settings.length, 1);
      const setting = settings[0];
      assert.equal(setting?.verdict, c.verdict);
      assert.equal(setting?.meaning, c.meaning);
      assert.equal(setting?.value, c.value);
      assert.equal(slice(text, setting?.span), c.line);
      assert.ok(/^[A-Z]/.test(setting?.name ?? ''), 'canonical spelling');
      assert.equal(slice(text, setting?.key.span), c.key.slice(1, -1));
    });
  }

  it('ignores the wrong keys: WOW6432Node, HKCU, subkeys, deleted keys, misplaced values', () => {
    const text = reg(
      V5,
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Ole\\AppCompat]',
      '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000',
      '[HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Ole\\AppCompat]',
      '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat\\Sub]',
      '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000',
      '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat]',
      '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole]',
      '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat]',
      '"LegacyAuthenticationLevel"=dword:00000005',
      '"SomethingElse"=dword:00000000',
    );
    assert.deepEqual(findOleHardeningSettings(parseRegExport(text)), []);
  });

  it('reports every setting in text order, across both keys', () => {
    const text = reg(
      V5,
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole]',
      '"EnableDCOM"="Y"',
      '"LegacyAuthenticationLevel"=dword:00000002',
      '',
      APPCOMPAT,
      '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000',
      '"DisableAuthenticationLevelHardeningLog"=dword:00000001',
    );
    const settings = findOleHardeningSettings(parseRegExport(text));
    assert.deepEqual(
      settings.map((s) => [s.name, s.verdict]),
      [
        ['LegacyAuthenticationLevel', 'informational'],
        ['RequireIntegrityActivationAuthenticationLevel', 'ignored'],
        ['DisableAuthenticationLevelHardeningLog', 'suppressesEvidence'],
      ],
    );
    assert.equal(settings[1]?.key.value, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat');
  });

  it('no verdict ever calls the opt-out a fix', () => {
    for (const data of ['dword:00000000', 'dword:00000001', 'hex(4):00,00,00,00', '"0"', '-', 'hex:00']) {
      const text = reg(V5, APPCOMPAT, `"RequireIntegrityActivationAuthenticationLevel"=${data}`);
      for (const setting of findOleHardeningSettings(parseRegExport(text))) {
        assert.notEqual(setting.verdict, 'raisesLevel', data);
      }
    }
  });
});
