import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/core/errors.js';
import { decodeText, firstInvalidUtf8Offset } from '../../sim/io/encoding.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

function issueOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.column}: ${i.message}`).join('\n');
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('firstInvalidUtf8Offset', () => {
  // Exact, by hand from the UTF-8 definition (RFC 3629).
  it('finds the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc3, 0xa9]))).toBe(-1); // "aé"
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xe9, 0x62]))).toBe(1); // Latin-1 "aéb"
    expect(firstInvalidUtf8Offset(new Uint8Array([0xc0, 0xaf]))).toBe(0); // overlong "/"
    expect(firstInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate U+D800
    expect(firstInvalidUtf8Offset(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0x62, 0xe4, 0xbd]))).toBe(2); // truncated "你"
  });

  it('agrees with the WHATWG fatal decoder on random bytes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let trial = 0; trial < 2000; trial++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 6) }, () =>
        next() % 3 === 0 ? next() % 128 : 128 + (next() % 128),
      );
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8Offset(bytes) < 0).toBe(valid);
    }
  });
});

describe('decodeText', () => {
  const utf8 = fixture('calls-utf8.csv').toString('utf8');

  it('reads UTF-8, with or without the byte-order mark Excel writes', () => {
    expect(decodeText(fixture('calls-utf8.csv'), 'a.csv')).toEqual({
      text: utf8,
      encoding: 'utf-8',
      byteOrderMark: false,
    });
    expect(decodeText(fixture('calls-utf8-bom.csv'), 'a.csv')).toEqual({
      text: utf8,
      encoding: 'utf-8',
      byteOrderMark: true,
    });
  });

  // The fixture was written by Python's 'gb18030' codec from the same text.
  it('detects GB18030/GBK as Chinese Excel exports it and reads the same text', () => {
    expect(decodeText(fixture('calls-gb18030.csv'), 'a.csv')).toEqual({
      text: utf8,
      encoding: 'gb18030',
      byteOrderMark: false,
    });
    // "你好" in GB2312 is C4E3 BAC3 (GB2312 code table)
    expect(decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'a.csv').text).toBe('你好');
  });

  it('reads a character outside GBK, written in four bytes by GB18030', () => {
    expect(decodeText(fixture('calls-gb18030-4byte.csv'), 'a.csv').text).toContain('张\u{20000}');
  });

  it('uses a declared encoding, and reports bytes that do not match it', () => {
    expect(decodeText(fixture('calls-gb18030.csv'), 'a.csv', 'GBK').text).toBe(utf8);
    // By hand: the header is 80 bytes and "1,2020-03-02 08:00:05,12,answered,180," 38 more, so
    // the first byte of 张 (GB18030 D5C5) is at offset 118.
    expect(issueOf(() => decodeText(fixture('calls-gb18030.csv'), 'a.csv', 'utf-8'))).toBe(
      '(encoding): not valid utf-8 as declared (first bad byte 0xD5 at offset 118)',
    );
    expect(issueOf(() => decodeText(fixture('calls-utf8.csv'), 'a.csv', 'klingon'))).toBe(
      '(encoding): unknown encoding "klingon" (use utf-8 or gb18030)',
    );
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'a.csv', 'windows-1252').text).toBe('café');
  });

  it('reports Latin-1 text instead of reading it as Chinese', () => {
    // "Müller" in Latin-1: ü = 0xFC followed by the ASCII "l", which GBK would read as one character.
    const bytes = new Uint8Array([...Buffer.from('agentId\nM'), 0xfc, ...Buffer.from('ller\n')]);
    expect(issueOf(() => decodeText(bytes, 'a.csv'))).toBe(
      '(encoding): undecodable encoding: not UTF-8 (first bad byte 0xFC at offset 9) and not GB18030 Chinese text; ' +
        'save the file as UTF-8 or declare its encoding',
    );
  });

  it('reports UTF-16 and NUL bytes as unsupported', () => {
    expect(issueOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'a.csv'))).toBe(
      '(encoding): unsupported encoding UTF-16LE (byte-order mark 0xFF 0xFE); save the file as UTF-8',
    );
    expect(issueOf(() => decodeText(new Uint8Array([0x61, 0x00, 0x62, 0x00]), 'a.csv'))).toBe(
      '(encoding): unsupported encoding: NUL byte at offset 1 (UTF-16 or a binary file?); save the file as UTF-8',
    );
  });
});

describe('decodeText with other East Asian encodings', () => {
  // Fixtures written by Python's 'big5' and 'shift_jis' codecs.
  it('reports Big5 and Shift-JIS files instead of reading them as GB18030 garbage', () => {
    expect(issueOf(() => decodeText(fixture('big5.csv'), 'a.csv'))).toMatch(
      /^\(encoding\): undecodable encoding: not UTF-8 \(first bad byte 0xB1 at offset 18\)/,
    );
    expect(issueOf(() => decodeText(fixture('shift-jis.csv'), 'a.csv'))).toMatch(
      /^\(encoding\): undecodable encoding: not UTF-8/,
    );
  });

  it('reads them when their encoding is declared', () => {
    expect(decodeText(fixture('big5.csv'), 'a.csv', 'big5').text).toBe(
      'agentId,callClass\n張偉,政策諮詢\n李娜,社會保險查詢\n',
    );
    expect(decodeText(fixture('shift-jis.csv'), 'a.csv', 'shift_jis').text).toBe(
      'agentId,callClass\n田中,東京都の問い合わせ\n',
    );
  });
});
