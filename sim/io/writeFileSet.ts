import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** One file of a set written by `writeFileSet`. */
export interface OutputFile {
  /** Where it goes (its folder must exist, or be the set's `createFolder`). */
  readonly path: string;
  /** Text (written as UTF-8 without a byte-order mark) or bytes (written as they are). */
  readonly content: string | Uint8Array;
}

/**
 * An output could not be written (a full disk, a read-only file system, a
 * permission taken away during the run): an environment failure, not a bug,
 * reported in one line. Nothing of the set it belonged to was left behind.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    /** The file or folder that could not be written. */
    readonly path: string,
    /** The system's error code (`ENOSPC`), or undefined. */
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'already exists',
  EFBIG: 'file too large',
};

/**
 * A system error in words: `no space left on device (ENOSPC)`.
 *
 * @param error what a file-system call threw
 * @returns the reason, or undefined when `error` carries no system error code
 * @example
 * systemErrorReason(Object.assign(new Error('x'), { code: 'ENOSPC' })); // => 'no space left on device (ENOSPC)'
 */
export function systemErrorReason(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (typeof code !== 'string') return undefined;
  const reason = REASONS[code];
  return reason === undefined ? code : `${reason} (${code})`;
}

/** Temporaries and folders of the sets being written, for `removePendingOutputs`. */
const pendingFiles = new Set<string>();
const pendingFolders = new Set<string>();

function temporaryName(path: string, suffix: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.${suffix}`,
  );
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // already failing, or already gone: the first error is the one reported
  }
}

/** Write `content` to a new file `temp` (it must not exist) and flush it to disk. */
function writeTemporary(temp: string, content: string | Uint8Array): void {
  const fd = openSync(temp, 'wx');
  try {
    // writeFileSync loops until every byte is written.
    if (typeof content === 'string') writeFileSync(fd, content, 'utf8');
    else writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Rename every temporary over its file, keeping a link to each old file until
 * all are in place, so that a rename that fails puts the old files back.
 */
function commit(files: readonly OutputFile[], temps: readonly string[]): void {
  const backups: (string | undefined)[] = [];
  let renamed = 0;
  try {
    for (const file of files) {
      let backup: string | undefined;
      if (existsSync(file.path)) {
        backup = temporaryName(file.path, 'old');
        try {
          linkSync(file.path, backup);
        } catch {
          copyFileSync(file.path, backup); // a file system without hard links
        }
      }
      backups.push(backup);
    }
    for (const [i, file] of files.entries()) {
      renameSync(temps[i] as string, file.path);
      renamed++;
    }
  } catch (error) {
    for (let i = renamed - 1; i >= 0; i--) {
      const backup = backups[i];
      const path = (files[i] as OutputFile).path;
      quietly(() => (backup !== undefined ? renameSync(backup, path) : unlinkSync(path)));
    }
    for (const backup of backups) if (backup !== undefined) quietly(() => unlinkSync(backup));
    throw error;
  }
  for (const backup of backups) if (backup !== undefined) quietly(() => unlinkSync(backup));
}

/** Let the event loop run (a signal handler among it), between two files of a set. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Write a command's outputs as one set: every file to a temporary name in
 * its folder (flushed to disk), then all renamed into place, so that either
 * the whole set of this run is there or nothing of it: a failure (a full
 * disk...) removes the temporaries and puts back any file already replaced,
 * and a report folder is never a mix of two runs. Between two files the
 * event loop runs, so a SIGINT or SIGTERM handler that calls
 * `removePendingOutputs` leaves nothing of an unfinished set; the renames
 * themselves run without a break.
 *
 * @param files the files, each path once
 * @param options `createFolder`: a folder to create first when it is missing
 *   (its parent must exist; never created recursively), removed again if the
 *   set fails
 * @returns when every file is in place
 * @throws {OutputError} naming the file and the reason, when the system refuses a write
 * @throws {RangeError} when a path is given twice
 * @example
 * const dir = join(tmpdir(), 'hotline-doc-july');
 * await writeFileSet([
 *   { path: join(dir, 'intervals.csv'), content: 'interval,answerRate\n2020-07-01T08:00,0.91\n' },
 *   { path: join(dir, 'notes.txt'), content: 'July\n' },
 * ], { createFolder: dir });
 * readFileSync(join(dir, 'notes.txt'), 'utf8'); // => 'July\n'
 * await writeFileSet([{ path: 'a.txt', content: '' }, { path: 'a.txt', content: '' }]); // throws RangeError
 */
export async function writeFileSet(
  files: readonly OutputFile[],
  options: { createFolder?: string } = {},
): Promise<void> {
  const paths = new Set<string>();
  for (const file of files) {
    if (paths.has(file.path))
      throw new RangeError(`writeFileSet: ${JSON.stringify(file.path)} is given twice`);
    paths.add(file.path);
  }
  const temps: string[] = [];
  let created: string | undefined;
  let current = options.createFolder ?? files[0]?.path ?? '';
  try {
    if (options.createFolder !== undefined && !existsSync(options.createFolder)) {
      mkdirSync(options.createFolder);
      created = options.createFolder;
      pendingFolders.add(created);
    }
    for (const file of files) {
      await yieldToEvents();
      current = file.path;
      const temp = temporaryName(file.path, 'tmp');
      pendingFiles.add(temp);
      temps.push(temp);
      writeTemporary(temp, file.content);
    }
    await yieldToEvents();
    current = files.map((file) => file.path).join(', ');
    commit(files, temps);
  } catch (error) {
    for (const temp of temps) quietly(() => unlinkSync(temp));
    if (created !== undefined) quietly(() => rmdirSync(created as string));
    const reason = systemErrorReason(error);
    if (reason === undefined) throw error;
    throw new OutputError(
      current,
      (error as NodeJS.ErrnoException).code,
      `cannot write ${current}: ${reason}`,
    );
  } finally {
    for (const temp of temps) pendingFiles.delete(temp);
    if (created !== undefined) pendingFolders.delete(created);
  }
}

/**
 * Remove the temporaries (and the folders created) of every set that
 * `writeFileSet` has not finished: what a command's SIGINT or SIGTERM handler,
 * or its handler of a closed standard output, calls before exiting, so that an
 * interrupted run leaves nothing behind.
 *
 * @returns the paths removed
 * @example
 * process.on('SIGINT', () => { removePendingOutputs(); process.exit(130); });
 */
export function removePendingOutputs(): string[] {
  const removed: string[] = [];
  for (const temp of pendingFiles) {
    quietly(() => {
      unlinkSync(temp);
      removed.push(temp);
    });
  }
  pendingFiles.clear();
  for (const folder of pendingFolders) {
    quietly(() => {
      rmdirSync(folder);
      removed.push(folder);
    });
  }
  pendingFolders.clear();
  return removed;
}

/**
 * Whether a file can be created in `folder`, found by creating and removing
 * an empty file there (the only sure test: permissions, a read-only file
 * system, /proc and quotas all show). Used to check output paths before any
 * work starts.
 *
 * @param folder an existing folder
 * @returns undefined when a file can be created, else the reason
 * @example
 * folderWriteProblem('/proc'); // => 'no such file or folder (ENOENT)'
 */
export function folderWriteProblem(folder: string): string | undefined {
  const probe = join(folder, `.hotline-probe.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    return systemErrorReason(error) ?? String(error);
  }
  quietly(() => unlinkSync(probe));
  return undefined;
}
