import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputError } from '../../sim/core/errors.js';
import { parseVolumeTable, readVolumeTable } from '../../sim/io/volumeTable.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-volume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problems = async (run: () => unknown): Promise<string[]> => {
  try {
    await run();
  } catch (error) {
    return (error as InputError).issues.map((i) => `${i.row} ${i.column}: ${i.message}`);
  }
  throw new Error('expected an InputError');
};

describe('parseVolumeTable', () => {
  it('reads dates, interval starts in minutes and calls', () => {
    const table = parseVolumeTable(
      'date,intervalStart,calls\n2020-03-02,08:00,120\n2020-03-02,08:30,95.5\n',
      'v.csv',
    );
    expect(table.rows).toEqual([
      { row: 2, date: '2020-03-02', startMinutes: 480, calls: 120 },
      { row: 3, date: '2020-03-02', startMinutes: 510, calls: 95.5 },
    ]);
  });

  it('reports every bad cell with its row and column at once', async () => {
    const text = [
      'date,intervalStart,calls',
      '2020-02-30,08:00,1',
      '2020-03-02 08:00,08:00,1',
      '2020-03-02,25:00,1',
      '2020-03-02,08:00:30,1',
      '2020-03-02,09:00,-3',
      '2020-03-03,09:00,1',
      '2020-03-03,09:00,2',
    ].join('\n');
    expect(await problems(() => parseVolumeTable(text, 'v.csv'))).toEqual([
      '2 date: must be a date-time like 2020-01-31 08:30 (got "2020-02-30")',
      '3 date: must be a date without a time (got "2020-03-02 08:00")',
      '4 intervalStart: must be a time of day like 08:30 (got "25:00")',
      '5 intervalStart: must be a whole minute (got "08:00:30")',
      '6 calls: must be >= 0 calls (got -3)',
      '8 date, intervalStart: duplicate 2020-03-03 | 09:00 (first at row 7)',
    ]);
  });
});

describe('readVolumeTable', () => {
  it('reads a GBK file, naming a Chinese column it does not know', async () => {
    // "来电量" (calls received) in GBK, as Chinese Excel saves a CSV
    const header = Buffer.concat([
      Buffer.from('date,intervalStart,'),
      Buffer.from([192, 180, 181, 231, 193, 191]),
    ]);
    const path = join(dir, 'gbk.csv');
    writeFileSync(path, Buffer.concat([header, Buffer.from('\n2020-03-02,08:00,5\n')]));
    const found = await problems(() => readVolumeTable(path));
    expect(found[0]).toMatch(/^1 来电量: unknown column "来电量"/);
    expect(found[1]).toMatch(/^1 calls: missing column/);
  });

  it('reads an Excel sheet with date cells, time cells, serial dates and day fractions', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('notes').addRow(['not this one']);
    const sheet = workbook.addWorksheet('volumes');
    sheet.addRow(['date', 'intervalStart', 'calls']);
    sheet.addRow([new Date(Date.UTC(2020, 2, 2)), new Date(Date.UTC(1899, 11, 30, 8, 0)), 120]);
    sheet.addRow([43_892, 8.5 / 24, { formula: '60+35', result: 95 }]); // 43892 = 2020-03-02
    sheet.addRow(['2020-03-02', '09:00', '77']);
    const path = join(dir, 'volumes.xlsx');
    await workbook.xlsx.writeFile(path);
    const table = await readVolumeTable(path, { sheet: 'volumes' });
    expect(table.file).toBe(`${path} [volumes]`);
    expect(table.rows).toEqual([
      { row: 2, date: '2020-03-02', startMinutes: 480, calls: 120 },
      { row: 3, date: '2020-03-02', startMinutes: 510, calls: 95 },
      { row: 4, date: '2020-03-02', startMinutes: 540, calls: 77 },
    ]);
    expect(await problems(() => readVolumeTable(path, { sheet: 'Volumes' }))).toEqual([
      '0 (sheet): has no sheet "Volumes" (sheets: "notes", "volumes")',
    ]);
    expect((await problems(() => readVolumeTable(path))).join('\n')).toMatch(/unknown column "not this one"/); // the first sheet
  });

  it('reports a file that is not a workbook', async () => {
    const path = join(dir, 'fake.xlsx');
    writeFileSync(path, 'date,intervalStart,calls\n');
    expect((await problems(() => readVolumeTable(path)))[0]).toMatch(/^0 \(file\): is not an Excel workbook/);
  });
});
