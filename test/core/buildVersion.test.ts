import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVersion, distHash, packageVersion } from '../../sim/core/buildVersion.js';

describe('the build version a queue worker checks', () => {
  it('is the package version and the first 12 hex digits of the hash of dist/', () => {
    expect(packageVersion()).toBe('0.1.0');
    expect(buildVersion()).toMatch(/^0\.1\.0\+[0-9a-f]{12}$/);
    expect(buildVersion()).toBe(buildVersion());
  });

  it('the hash of a build changes when any file changes, is added or is renamed, and not otherwise', () => {
    const dist = mkdtempSync(join(tmpdir(), 'hotline-dist-'));
    mkdirSync(join(dist, 'sim', 'plan'), { recursive: true });
    writeFileSync(join(dist, 'sim', 'plan', 'a.js'), 'export const a = 1;\n');
    writeFileSync(join(dist, 'sim', 'b.js'), 'export const b = 2;\n');
    const first = distHash(dist);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(distHash(dist)).toBe(first);
    writeFileSync(join(dist, 'sim', 'b.js'), 'export const b = 3;\n');
    const changed = distHash(dist);
    expect(changed).not.toBe(first);
    writeFileSync(join(dist, 'sim', 'c.js'), '');
    const added = distHash(dist);
    expect(added).not.toBe(changed);
    renameSync(join(dist, 'sim', 'c.js'), join(dist, 'sim', 'd.js'));
    expect(distHash(dist)).not.toBe(added);
    expect(() => distHash(join(dist, 'missing'))).toThrow('missing is missing: run npm run build');
  });
});
