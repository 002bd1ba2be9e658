import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHresult, scanErrorCodes } from '../../server/src/core/analysis/errorCodes';
import { unmark } from './support/marks';

/** Each case marks the code tokens expected with ⟦…⟧ and lists their values. */
const FOUND: [string, number[]][] = [
  ['SetObjectOwner() failed. ⟦0x80070005⟧.', [0x80070005]],
  ['Unable to delete file (⟦0x80070005⟧). Continuing.', [0x80070005]],
  ['Error: ⟦80070005⟧; Source: Windows', [0x80070005]],
  ['failed (⟦800706ba⟧)', [0x800706ba]],
  ['Possible UI connection error code is ⟦-2147023174⟧ [⟦0x800706ba⟧]', [0x800706ba, 0x800706ba]],
  ['Invalid service pointer. : ⟦-2147024891⟧ [⟦0x80070005⟧]', [0x80070005, 0x80070005]],
  ['returned ⟦2147942405⟧.', [0x80070005]],
  ['returned ⟦2147944122⟧', [0x800706ba]],
  ["error: '⟦Access is denied⟧. (Exception from HRESULT: ⟦0x80070005⟧ (⟦E_ACCESSDENIED⟧))'", [0x80070005, 0x80070005, 0x80070005]],
  ['⟦access is Denied⟧.', [0x80070005]],
  ['⟦The RPC server is unavailable⟧. (Exception from HRESULT: ⟦0x800706BA⟧)', [0x800706ba, 0x800706ba]],
  ['⟦アクセスが拒否されました⟧。 (HRESULT からの例外:⟦0x80070005⟧ (⟦E_ACCESSDENIED⟧))', [0x80070005, 0x80070005, 0x80070005]],
  ['⟦RPC サーバーを利用できません⟧。 (HRESULT からの例外:⟦0x800706BA⟧)', [0x800706ba, 0x800706ba]],
  ['⟦RPC サーバーが利用できません⟧。', [0x800706ba]],
  ['Error ⟦0x8004100e⟧ and error = ⟦0x87d00215⟧.', [0x8004100e, 0x87d00215]],
  ['WMI said ⟦WBEM_E_ACCESS_DENIED⟧ (⟦0x80041003⟧)', [0x80041003, 0x80041003]],
  ['exit ⟦C0000005⟧ here', [0xc0000005]],
];

/** Texts where no code may be found: inside GUIDs, longer numbers and hex strings, paths. */
const NOT_FOUND: string[] = [
  'CLSID {8BC3F05E-D86B-11D0-A075-00C04FB68820}',
  'AppID 8BC3F05E-D86B-11D0-A075-00C04FB68820',
  'hash 0x800700051234 is longer',
  'hash 80070005AB is longer',
  'hash AB80070005 is longer',
  'number 12147024891 is longer',
  'number -21470248911 is longer',
  'number 2147942405123 is longer',
  'version 1.2147942405',
  'content C:\\SMSPKG\\80070005\\file.cab',
  'size 1073741824 bytes',
  'ThreadID="10036" PID 5720',
  'E_ACCESSDENIEDX and XE_ACCESSDENIED',
  'Access denied by policy',
  'value 0x5 and 0x6BA',
];

describe('scanErrorCodes finds every form', () => {
  for (const [marked, values] of FOUND) {
    it(marked, () => {
      const { text, spans } = unmark(marked);
      const tokens = scanErrorCodes(text);
      assert.deepEqual(
        tokens.map((t) => text.slice(t.span.start, t.span.end)),
        spans.map((s) => s.text),
      );
      assert.deepEqual(
        tokens.map((t) => t.value),
        values,
      );
    });
  }
});

describe('scanErrorCodes never matches inside longer tokens', () => {
  for (const text of NOT_FOUND) {
    it(text, () => assert.deepEqual(scanErrorCodes(text), []));
  }
});

describe('scanErrorCodes ranges', () => {
  it('scans only the range asked and reports absolute offsets', () => {
    const text = '0x80070005 | 0x800706BA | 0x80070005';
    const tokens = scanErrorCodes(text, 11, 25);
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0]?.span.start, 13);
    assert.equal(tokens[0]?.value, 0x800706ba);
  });
  it('names the form', () => {
    const forms = scanErrorCodes('0x80070005 80070005 -2147024891 2147942405 E_ACCESSDENIED Access is denied').map((t) => t.form);
    assert.deepEqual(forms, ['hex', 'bareHex', 'signedDecimal', 'unsignedDecimal', 'symbol', 'message']);
  });
});

describe('formatHresult', () => {
  it('pads and upper-cases', () => {
    assert.equal(formatHresult(0x800706ba), '0x800706BA');
    assert.equal(formatHresult(5), '0x00000005');
  });
});
