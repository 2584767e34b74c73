import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../../sim/chart/vegaLiteVersion.js';

// Golden files hold the exact spec a chart function returns for a fixed input
// (regression: a change shows up as a diff to review). Rendered images are
// never golden files. To accept an intended change: UPDATE_GOLDEN=1 npx vitest run test/chart
const GOLDEN = join(process.cwd(), 'test', 'chart', 'golden');

/** Compare `spec` with the committed `test/chart/golden/<name>` (written when UPDATE_GOLDEN=1). */
export function expectGolden(name: string, spec: VegaLiteSpec): void {
  const file = join(GOLDEN, name);
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/** vega-lite's own compiler accepts the spec (it throws on an invalid one) and warns of nothing. */
export function expectCompiles(spec: VegaLiteSpec): void {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    expect(() => compile(spec as unknown as TopLevelSpec)).not.toThrow();
    expect(warn.mock.calls).toEqual([]);
  } finally {
    warn.mockRestore();
  }
}

/** The texts of the SVG's `<text>` elements, in document order. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
}
