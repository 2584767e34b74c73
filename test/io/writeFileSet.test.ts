import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  folderWriteProblem,
  OutputError,
  removePendingOutputs,
  systemErrorReason,
  writeFileSet,
} from '../../sim/io/writeFileSet.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-set-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

describe('writeFileSet', () => {
  it('writes every file of the set, text and bytes, replacing older ones, with no temporary left', async () => {
    writeFileSync(join(dir, 'a.txt'), 'old a\n');
    await writeFileSet([
      { path: join(dir, 'a.txt'), content: 'new a\n' },
      { path: join(dir, 'b.bin'), content: new Uint8Array([1, 2, 3]) },
    ]);
    expect(read('a.txt')).toBe('new a\n');
    expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('leaves nothing of the set when a file cannot be written: the others keep their old content', async () => {
    writeFileSync(join(dir, 'a.txt'), 'old a\n');
    const failing = writeFileSet([
      { path: join(dir, 'a.txt'), content: 'new a\n' },
      { path: join(dir, 'missing', 'b.txt'), content: 'b\n' },
    ]);
    await expect(failing).rejects.toThrow(OutputError);
    await expect(failing).rejects.toMatchObject({ code: 'ENOENT', path: join(dir, 'missing', 'b.txt') });
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(read('a.txt')).toBe('old a\n');
  });

  it('puts back the files already renamed when a later rename fails', async () => {
    writeFileSync(join(dir, 'a.txt'), 'old a\n');
    mkdirSync(join(dir, 'b.txt')); // a folder in the way, with a file in it: the rename over it fails
    writeFileSync(join(dir, 'b.txt', 'inside'), 'x');
    await expect(
      writeFileSet([
        { path: join(dir, 'a.txt'), content: 'new a\n' },
        { path: join(dir, 'b.txt'), content: 'b\n' },
      ]),
    ).rejects.toThrow(/cannot write .*a\.txt, .*b\.txt/);
    expect(read('a.txt')).toBe('old a\n');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('creates the folder asked for (not its parents) and removes it again when the set fails', async () => {
    const folder = join(dir, 'report');
    await writeFileSet([{ path: join(folder, 'r.md'), content: '# r\n' }], { createFolder: folder });
    expect(readdirSync(folder)).toEqual(['r.md']);
    const other = join(dir, 'other');
    await expect(
      writeFileSet(
        [
          { path: join(other, 'r.md'), content: '# r\n' },
          { path: join(other, 'no', 'x.md'), content: 'x' },
        ],
        { createFolder: other },
      ),
    ).rejects.toThrow(OutputError);
    expect(existsSync(other)).toBe(false);
    await expect(
      writeFileSet([{ path: join(dir, 'a', 'b', 'r.md'), content: '' }], {
        createFolder: join(dir, 'a', 'b'),
      }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lets removePendingOutputs take back an unfinished set (what a SIGINT handler calls)', async () => {
    const writing = writeFileSet(
      [
        { path: join(dir, 'a.txt'), content: 'a' },
        { path: join(dir, 'b.txt'), content: 'b' },
      ],
      { createFolder: dir },
    );
    // the set writes a.txt's temporary, then lets the event loop run before b.txt
    await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
    const removed = removePendingOutputs();
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((path) => path.endsWith('.tmp'))).toBe(true);
    await expect(writing).rejects.toThrow(OutputError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses the same path twice', async () => {
    const path = join(dir, 'a.txt');
    await expect(
      writeFileSet([
        { path, content: 'a' },
        { path, content: 'b' },
      ]),
    ).rejects.toThrow(RangeError);
  });
});

describe('folderWriteProblem and systemErrorReason', () => {
  it('tells a folder that takes files from one that does not, leaving no probe behind', () => {
    expect(folderWriteProblem(dir)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    expect(folderWriteProblem('/proc')).toBe('no such file or folder (ENOENT)');
    expect(folderWriteProblem(join(dir, 'missing'))).toBe('no such file or folder (ENOENT)');
  });

  it('puts a system error in words with its code', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    expect(systemErrorReason(error('ENOSPC'))).toBe('no space left on device (ENOSPC)');
    expect(systemErrorReason(error('EWHATEVER'))).toBe('EWHATEVER');
    expect(systemErrorReason(new Error('no code'))).toBeUndefined();
  });
});
