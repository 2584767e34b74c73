import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../sim/io/writeFileAtomic.js';

describe('writeFileAtomic', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-io-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the text and leaves no temporary file', () => {
    const dir = scratch();
    writeFileAtomic(join(dir, 'out.json'), '{"a": "你好"}\n');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"a": "你好"}\n');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('replaces an existing file whole', () => {
    const dir = scratch();
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'old content that is longer than the new one\n');
    writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('throws and leaves nothing behind when the rename fails', () => {
    const dir = scratch();
    // The target is a non-empty folder: the temporary file is written, then the rename fails.
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inner'), { recursive: true });
    expect(() => writeFileAtomic(target, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('throws when the folder does not exist', () => {
    const dir = scratch();
    expect(() => writeFileAtomic(join(dir, 'missing', 'out.txt'), 'text')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
