import { describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumCommand, printPdf } from '../../sim/io/printPdf.js';

// Printing itself is checked in a real browser by test/report/browser.test.ts (with pdftotext).
describe('printPdf', () => {
  it('names the browser it could not run, and leaves nothing behind', () => {
    expect(chromiumAvailable('/nonexistent/chromium')).toBe(false);
    expect(() => printPdf('<p>x</p>', { chromium: '/nonexistent/chromium' })).toThrow(
      /^printPdf: \/nonexistent\/chromium could not be run/,
    );
  });

  it('takes the browser from CHROMIUM, else chromium', () => {
    const saved = process.env.CHROMIUM;
    try {
      process.env.CHROMIUM = '/opt/browser';
      expect(chromiumCommand()).toBe('/opt/browser');
      delete process.env.CHROMIUM;
      expect(chromiumCommand()).toBe('chromium');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM;
      else process.env.CHROMIUM = saved;
    }
  });
});
