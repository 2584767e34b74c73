import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot } from './packageRoot.js';

/**
 * The version of hotline-planner, from its package.json (`unknown` when the
 * file cannot be read or names none).
 *
 * @returns the `version` field, such as `0.1.0`
 * @example
 * packageVersion(); // => '0.1.0'
 */
export function packageVersion(): string {
  try {
    const text = readFileSync(join(packageRoot(), 'package.json'), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Every file under `folder`, as paths relative to it with `/` separators, sorted. */
function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(folder, path).split(sep).join('/'));
    }
  };
  walk(folder);
  return found.sort();
}

/**
 * SHA-256 of a compiled build: every file under `distFolder`, in the order of
 * their relative paths, each as its path, a NUL, its length, a NUL and its
 * bytes, so that renaming, adding or changing any file changes the hash.
 *
 * @param distFolder the build folder (`dist/` of the package)
 * @returns 64 hexadecimal digits
 * @throws {Error} when the folder does not exist, saying to run `npm run build`
 * @example
 * /^[0-9a-f]{64}$/.test(distHash(join(packageRoot(), 'dist'))); // => true
 * distHash(join(tmpdir(), 'no-such-build'));
 * // throws Error
 */
export function distHash(distFolder: string): string {
  if (!existsSync(distFolder)) {
    throw new Error(`${distFolder} is missing: run npm run build`);
  }
  const hash = createHash('sha256');
  for (const file of filesUnder(distFolder)) {
    const bytes = readFileSync(join(distFolder, file));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

let cached: string | undefined;

/**
 * The build this process runs: the package version, a `+` and the first 12
 * hex digits of `distHash` of the package's `dist/`, computed once per
 * process (the build does not change under a running program). Two machines
 * give the same replication only when they run the same build, so a queue
 * worker refuses jobs sent by another one (`hotline worker`).
 *
 * @returns for example `0.1.0+3f1c09ab7d2e`
 * @throws {Error} when `dist/` is missing
 * @example
 * buildVersion() === `${packageVersion()}+${distHash(join(packageRoot(), 'dist')).slice(0, 12)}`; // => true
 */
export function buildVersion(): string {
  cached ??= `${packageVersion()}+${distHash(join(packageRoot(), 'dist')).slice(0, 12)}`;
  return cached;
}
