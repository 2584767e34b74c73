import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write a file so that it is either fully written or untouched: the content
 * goes to a temporary file in the same folder (same file system, so the rename
 * is atomic), is flushed to disk, and is renamed over `path`. If anything fails,
 * the temporary file is removed and the error is thrown; `path` keeps its old
 * content (or stays absent).
 *
 * @param path the file to write (its folder must exist)
 * @param content text (written as UTF-8 without a byte-order mark) or bytes (written as they are)
 * @throws the file-system error (for example ENOENT when the folder is missing)
 * @example
 * writeFileAtomic(join(tmpdir(), 'summary.json'), JSON.stringify({ answerRate: 0.93 }, null, 2) + '\n');
 * writeFileAtomic(join(tmpdir(), 'bytes.bin'), new Uint8Array([1, 2, 3])); // bytes are written as they are
 * readFileSync(join(tmpdir(), 'bytes.bin')).length; // => 3
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    // writeFileSync loops until every byte is written.
    if (typeof content === 'string') writeFileSync(fd, content, 'utf8');
    else writeFileSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing: report the first error
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file may not exist
    }
    throw error;
  }
}
