import { InputError, type InputIssue } from '../core/errors.js';

/** The text of a file and how its bytes were read. */
export interface DecodedText {
  /** The text, without a byte-order mark. */
  readonly text: string;
  /**
   * The encoding used: `utf-8`, `gb18030` (which also reads GBK and GB2312), or the
   * WHATWG label that was declared.
   */
  readonly encoding: string;
  /** True when the file began with a UTF-8 byte-order mark (Excel writes one). */
  readonly byteOrderMark: boolean;
}

/** Column name used in an {@link InputIssue} about the encoding of a whole file. */
export const ENCODING_COLUMN = '(encoding)';

const GB_LABELS = new Set(['gb18030', 'gbk', 'gb2312', 'cp936', 'windows-936', 'x-gbk', 'chinese']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/**
 * Offset of the first byte that is not part of valid UTF-8 (overlong forms,
 * surrogates and code points above U+10FFFF are invalid, as in the WHATWG decoder).
 *
 * @param bytes the raw file
 * @returns the 0-based offset of the first bad byte, or -1 when every byte is valid UTF-8
 * @example
 * firstInvalidUtf8Offset(new Uint8Array([0x61, 0xe9, 0x62])); // => 1 (Latin-1 "é")
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0; // no overlong forms
      if (b === 0xed) upper = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lower || c > upper : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** What a structural scan of GB18030 bytes found. */
interface Gb18030Scan {
  /** Offset of the first byte that cannot start or continue a GB18030 character, or -1. */
  readonly firstBadOffset: number;
  /** Two-byte characters. */
  readonly twoByte: number;
  /** Two-byte characters in the GB2312 area (both bytes 0xA1-0xFE), where Chinese text lives. */
  readonly twoByteGb2312: number;
  /** Four-byte characters (rare characters, outside GBK). */
  readonly fourByte: number;
}

function scanGb18030(bytes: Uint8Array): Gb18030Scan {
  let twoByte = 0;
  let twoByteGb2312 = 0;
  let fourByte = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b <= 0x80) {
      i++; // ASCII, and 0x80 (the euro sign in code page 936)
      continue;
    }
    if (b === 0xff) return { firstBadOffset: i, twoByte, twoByteGb2312, fourByte };
    const c = bytes[i + 1];
    if (c === undefined) return { firstBadOffset: i, twoByte, twoByteGb2312, fourByte };
    if (c >= 0x30 && c <= 0x39) {
      const d = bytes[i + 2];
      const e = bytes[i + 3];
      if (d === undefined || e === undefined || d < 0x81 || d > 0xfe || e < 0x30 || e > 0x39) {
        return { firstBadOffset: i, twoByte, twoByteGb2312, fourByte };
      }
      fourByte++;
      i += 4;
      continue;
    }
    if (c < 0x40 || c === 0x7f || c === 0xff) return { firstBadOffset: i, twoByte, twoByteGb2312, fourByte };
    twoByte++;
    if (b >= 0xa1 && c >= 0xa1) twoByteGb2312++;
    i += 2;
  }
  return { firstBadOffset: -1, twoByte, twoByteGb2312, fourByte };
}

/**
 * Share of the non-ASCII characters of a text that Chinese text is made of: CJK
 * ideographs, CJK and full-width punctuation, general punctuation and a few symbols.
 * Big5 or Shift-JIS bytes read as GB18030 give kana, Greek, Cyrillic, box drawing
 * and private-use characters instead, and fail the 90% bar.
 */
function chineseShare(text: string): number {
  let nonAscii = 0;
  let chinese = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (
      (c >= 0x3400 && c <= 0x9fff) || // CJK ideographs and extension A
      (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
      c >= 0x20000 || // CJK extensions B and beyond
      (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation: “ ” … —
      (c >= 0x2100 && c <= 0x218f) || // ℃ № Ⅰ
      (c >= 0x2460 && c <= 0x24ff) || // ① ⑴
      c === 0xb7 ||
      c === 0xd7 ||
      c === 0xf7 ||
      c === 0x20ac
    ) {
      chinese++;
    }
  }
  return nonAscii === 0 ? 1 : chinese / nonAscii;
}

function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function fail(file: string, message: string): never {
  const issue: InputIssue = { file, row: 0, column: ENCODING_COLUMN, message };
  throw new InputError([issue]);
}

function decodeStrict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decode the bytes of a text file, failing loudly rather than reading garbage.
 *
 * Without a declared encoding the rule is, in order:
 * 1. a UTF-16 or UTF-32 byte-order mark, or any NUL byte: reported as unsupported;
 * 2. valid UTF-8 (with or without the byte-order mark Excel writes): read as UTF-8;
 * 3. valid GB18030 that looks like Chinese text (at least half of its two-byte
 *    characters in the GB2312 area, both bytes 0xA1-0xFE, as Chinese Excel's
 *    "CSV" exports are, and at least 90% of its non-ASCII characters Chinese:
 *    ideographs, CJK and full-width punctuation): read as GB18030;
 * 4. anything else: reported as an undecodable encoding, with the offset of the
 *    first byte that is not UTF-8. (Latin-1 fails step 3 because its accented
 *    letters are followed by ASCII bytes; Big5 and Shift-JIS because they read as
 *    kana, Greek or private-use characters. This is a heuristic: declare the
 *    encoding when it guesses wrong.)
 *
 * A declared encoding skips the detection: `utf-8`, `gb18030` (or its subsets
 * `gbk`, `gb2312`, `cp936`), or any other WHATWG label Node knows (`big5`,
 * `shift_jis`, `windows-1252`, ...). Decoding is always strict.
 *
 * @param bytes the raw file
 * @param file the file name, for the messages
 * @param declaredEncoding an encoding label, or undefined to detect
 * @returns the text (byte-order mark removed) and the encoding used
 * @throws {InputError} one issue with column `(encoding)` when the bytes cannot be read
 * @example
 * decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'a.csv').text; // => '你好' (GB18030)
 */
export function decodeText(bytes: Uint8Array, file: string, declaredEncoding?: string): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const hasUtf8Bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;

  if (declaredEncoding !== undefined) {
    const label = declaredEncoding.trim().toLowerCase();
    const encoding = UTF8_LABELS.has(label) ? 'utf-8' : GB_LABELS.has(label) ? 'gb18030' : label;
    let known = true;
    try {
      new TextDecoder(encoding);
    } catch {
      known = false;
    }
    if (!known) fail(file, `unknown encoding "${declaredEncoding}" (use utf-8 or gb18030)`);
    const text = decodeStrict(encoding, bytes);
    if (text === undefined) {
      const offset =
        encoding === 'utf-8'
          ? firstInvalidUtf8Offset(bytes)
          : encoding === 'gb18030'
            ? scanGb18030(bytes).firstBadOffset
            : -1;
      fail(
        file,
        `not valid ${encoding} as declared` +
          (offset >= 0 ? ` (first bad byte ${hex(bytes[offset])} at offset ${offset})` : ''),
      );
    }
    return { text: stripBom(text), encoding, byteOrderMark: hasUtf8Bom };
  }

  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const name = b0 === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    fail(
      file,
      `unsupported encoding ${name} (byte-order mark ${hex(b0)} ${hex(b1)}); save the file as UTF-8`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    fail(
      file,
      `unsupported encoding: NUL byte at offset ${nul} (UTF-16 or a binary file?); save the file as UTF-8`,
    );
  }

  const badUtf8 = firstInvalidUtf8Offset(bytes);
  if (badUtf8 < 0) {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: stripBom(text), encoding: 'utf-8', byteOrderMark: hasUtf8Bom };
  }

  const scan = scanGb18030(bytes);
  if (scan.firstBadOffset < 0 && scan.twoByteGb2312 * 2 >= scan.twoByte + scan.fourByte) {
    const text = decodeStrict('gb18030', bytes);
    if (text !== undefined && chineseShare(text) >= 0.9)
      return { text, encoding: 'gb18030', byteOrderMark: false };
  }
  fail(
    file,
    `undecodable encoding: not UTF-8 (first bad byte ${hex(bytes[badUtf8])} at offset ${badUtf8}) ` +
      `and not GB18030 Chinese text; save the file as UTF-8 or declare its encoding`,
  );
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
