/**
 * Which Vega-Lite the charts are written for, and how they are handed to
 * Jupyter front ends.
 *
 * The specs are built and checked with the installed vega-lite 6 and carry its
 * `$schema`. JupyterLab, Notebook 7 and VS Code render Vega-Lite outputs with
 * their own bundled vega-embed, registered for the MIME types up to
 * `application/vnd.vegalite.v5+json` (no v6 type exists in those front ends).
 * The charts here use only marks, encodings, layers and concatenation that
 * mean the same in Vega-Lite 5 and 6, so `show` sends them under the v5 MIME
 * type with a v5 `$schema`, which also spares the front end a version warning.
 */

/** `$schema` of every spec built in `sim/chart/` (the installed vega-lite 6). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** `$schema` given to the interactive copy sent to Jupyter front ends. */
export const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** The newest Vega-Lite MIME type that JupyterLab and VS Code render. */
export const VEGA_LITE_MIME_TYPE = 'application/vnd.vegalite.v5+json';

/**
 * A Vega-Lite specification as plain JSON data. Typed loosely on purpose:
 * tslab type-checks `sim/` with Node10 module resolution, which cannot see the
 * type declarations of the ESM-only vega-lite 6 package, so nothing reachable
 * from `sim/index.ts` may import types from 'vega-lite' or 'vega'. Tests check
 * the specs against vega-lite's own compiler instead.
 */
export interface VegaLiteSpec {
  /** The Vega-Lite JSON schema the spec follows. */
  $schema: string;
  /** Anything else a Vega-Lite spec holds: data, mark, encoding, layer, ... */
  [property: string]: unknown;
}
