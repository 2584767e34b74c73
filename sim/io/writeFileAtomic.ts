import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write a text file so that it is either fully written or untouched: the text
 * goes to a temporary file in the same folder (same file system, so the rename
 * is atomic), is flushed to disk, and is renamed over `path`. If anything fails,
 * the temporary file is removed and the error is thrown; `path` keeps its old
 * content (or stays absent).
 *
 * @param path the file to write (its folder must exist)
 * @param text the content, written as UTF-8 without a byte-order mark
 * @throws the file-system error (for example ENOENT when the folder is missing)
 * @example
 * writeFileAtomic('reports/summary.json', JSON.stringify(summary, null, 2) + '\n');
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeFileSync(fd, text, 'utf8'); // loops until every byte is written
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
