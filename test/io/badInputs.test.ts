import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/core/errors.js';
import { readAnonymousBankCalls } from '../../sim/io/anonymousBank.js';
import { readCalibration } from '../../sim/io/calibrationFile.js';
import { readCallRecords } from '../../sim/io/callRecords.js';
import { parseLocalDateTime } from '../../sim/io/table.js';
import { readArrivalProfile, readArrivalRates, readStaffingTable } from '../../sim/io/tables.js';

// The bad-input corpus: every file in test/io/bad/ and the exact message its reader
// must produce. Files are described in test/io/bad/README.md; formats in data/README.md.
// Dated tables are read for a 2020 scenario (366 days from 2020-01-01) with 30-minute intervals.
const BAD = fileURLToPath(new URL('./bad/', import.meta.url));
const horizon = { startSeconds: parseLocalDateTime('2020-01-01')!, days: 366 };

const readers = {
  staffing: (path: string) => readStaffingTable(path, { horizon, intervalSeconds: 1800 }),
  arrivalRates: (path: string) => readArrivalRates(path, { horizon, intervalSeconds: 1800 }),
  arrivalProfile: (path: string) => readArrivalProfile(path),
  // the one file whose name says "declared" is read with its declared encoding, GBK
  callRecords: (path: string) => readCallRecords(path, path.includes('declared') ? { encoding: 'gbk' } : {}),
  calibration: (path: string) => readCalibration(path),
  anonymousBank: (path: string) => readAnonymousBankCalls(path),
} as const;

interface BadCase {
  readonly file: string;
  readonly reader: keyof typeof readers;
  /** The lines of the InputError message after its first line, with the folder removed from file names. */
  readonly issues: readonly string[];
}

const cases: readonly BadCase[] = [
  {
    file: 'bank-renamed-column.tsv',
    reader: 'anonymousBank',
    issues: [
      'bank-renamed-column.tsv:1 queue_time: unknown column "queue_time" (known: vru+line, call_id, customer_id, priority, type, date, vru_entry, vru_exit, vru_time, q_start, q_exit, q_time, outcome, ser_start, ser_exit, ser_time, server)',
      'bank-renamed-column.tsv:1 q_time: missing column',
    ],
  },
  {
    file: 'calibration-empty.json',
    reader: 'calibration',
    issues: ['calibration-empty.json (json): the file is empty (expected JSON)'],
  },
  {
    file: 'calibration-huge-number.json',
    reader: 'calibration',
    issues: ['calibration-huge-number.json handleTime.cv: must be a finite number (got Infinity)'],
  },
  {
    file: 'calibration-interval.json',
    reader: 'calibration',
    issues: ['calibration-interval.json intervalMinutes: must be one of 15, 30, 60 (got 20)'],
  },
  {
    file: 'calibration-length.json',
    reader: 'calibration',
    issues: [
      'calibration-length.json weekdays[0].agentsPresent: must have 24 values, one per 60-minute interval (got 23)',
    ],
  },
  {
    file: 'calibration-missing.json',
    reader: 'calibration',
    issues: ['calibration-missing.json patience: is required (expected an object)'],
  },
  {
    file: 'calibration-negative-rate.json',
    reader: 'calibration',
    issues: ['calibration-negative-rate.json weekdays[0].arrivalsPerHour[8]: must be >= 0 (got -3)'],
  },
  {
    file: 'calibration-nested-unknown.json',
    reader: 'calibration',
    issues: [
      'calibration-nested-unknown.json patience.medianSeconds: unknown field "medianSeconds" (did you mean "meanSeconds"?)',
    ],
  },
  {
    file: 'calibration-syntax.json',
    reader: 'calibration',
    issues: [
      'calibration-syntax.json:4 (json): invalid JSON at line 4, column 1: expected a property name in double quotes (got "}")',
    ],
  },
  {
    file: 'calibration-unknown-field.json',
    reader: 'calibration',
    issues: [
      'calibration-unknown-field.json handleTime: is required (expected an object)',
      'calibration-unknown-field.json handleTme: unknown field "handleTme" (did you mean "handleTime"?)',
    ],
  },
  {
    file: 'calibration-weekday.json',
    reader: 'calibration',
    issues: [
      'calibration-weekday.json weekdays[0].weekday: must be one of "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" (got "Mon")',
    ],
  },
  {
    file: 'calibration-wrong-types.json',
    reader: 'calibration',
    issues: [
      'calibration-wrong-types.json source: must be a string (got null)',
      'calibration-wrong-types.json handleTime.meanSeconds: must be a number (got "190")',
    ],
  },
  {
    file: 'calls-blocked-wait.csv',
    reader: 'callRecords',
    issues: ['calls-blocked-wait.csv:2 waitSeconds: must be 0 for a blocked call (got 12)'],
  },
  {
    file: 'calls-declared-gbk-invalid.csv',
    reader: 'callRecords',
    issues: [
      'calls-declared-gbk-invalid.csv (encoding): not valid gb18030 as declared (first bad byte 0xFF at offset 99)',
    ],
  },
  {
    file: 'calls-duplicate-id.csv',
    reader: 'callRecords',
    issues: ['calls-duplicate-id.csv:3 callId: duplicate 1 (first at row 2)'],
  },
  {
    file: 'calls-handle-missing.csv',
    reader: 'callRecords',
    issues: [
      'calls-handle-missing.csv:2 handleSeconds: is empty (expected a number >= 0 s for an answered call)',
    ],
  },
  {
    file: 'calls-negative-wait.csv',
    reader: 'callRecords',
    issues: ['calls-negative-wait.csv:2 waitSeconds: must be >= 0 s (got -12)'],
  },
  {
    file: 'calls-unknown-column.csv',
    reader: 'callRecords',
    issues: [
      'calls-unknown-column.csv:1 waitSecs: unknown column "waitSecs" (did you mean "waitSeconds"?)',
      'calls-unknown-column.csv:1 waitSeconds: missing column (a number from 0 to 86400 s)',
    ],
  },
  {
    file: 'calls-unknown-outcome.csv',
    reader: 'callRecords',
    issues: [
      'calls-unknown-outcome.csv:2 outcome: must be one of answered, abandoned, blocked (got "hangup")',
    ],
  },
  {
    file: 'profile-bad-time.csv',
    reader: 'arrivalProfile',
    issues: ['profile-bad-time.csv:25 intervalStart: must be a time of day like 08:30 (got "25:00")'],
  },
  {
    file: 'profile-not-sum-one.csv',
    reader: 'arrivalProfile',
    issues: ['profile-not-sum-one.csv share: shares must sum to 1 (got 0.96)'],
  },
  {
    file: 'profile-share-above-one.csv',
    reader: 'arrivalProfile',
    issues: ['profile-share-above-one.csv:2 share: must be <= 1 (got 1.2)'],
  },
  {
    file: 'profile-wrong-count.csv',
    reader: 'arrivalProfile',
    issues: [
      'profile-wrong-count.csv intervalStart: expected 24, 48 or 96 intervals covering the day (got 23)',
    ],
  },
  {
    file: 'rates-comma-decimal.csv',
    reader: 'arrivalRates',
    issues: ['rates-comma-decimal.csv:2 arrivalsPerHour: must be a number (got "12,5")'],
  },
  {
    file: 'rates-negative.csv',
    reader: 'arrivalRates',
    issues: ['rates-negative.csv:2 arrivalsPerHour: must be >= 0 calls/h (got -5)'],
  },
  {
    file: 'rates-several-problems.csv',
    reader: 'arrivalRates',
    issues: [
      'rates-several-problems.csv:2 arrivalsPerHour: must be a number (got "abc")',
      'rates-several-problems.csv:3 arrivalsPerHour: must be >= 0 calls/h (got -1)',
      'rates-several-problems.csv:3 meanHandleSeconds: must be >= 1 s (got -180)',
      'rates-several-problems.csv:3 intervalStart: duplicate 2020-01-01 08:00 (first at row 2)',
    ],
  },
  {
    file: 'rates-zero-handle.csv',
    reader: 'arrivalRates',
    issues: ['rates-zero-handle.csv:2 meanHandleSeconds: must be >= 1 s (got 0)'],
  },
  {
    file: 'staffing-above-maximum.csv',
    reader: 'staffing',
    issues: ['staffing-above-maximum.csv:2 agents: must be <= 100000 agents (got 250000)'],
  },
  {
    file: 'staffing-day-first-date.csv',
    reader: 'staffing',
    issues: [
      'staffing-day-first-date.csv:2 intervalStart: must be a date-time like 2020-01-31 08:30 (got "31/01/2020 08:00")',
    ],
  },
  {
    file: 'staffing-duplicate-header.csv',
    reader: 'staffing',
    issues: ['staffing-duplicate-header.csv:1 agents: column appears twice in the header'],
  },
  {
    file: 'staffing-duplicate-interval.csv',
    reader: 'staffing',
    issues: ['staffing-duplicate-interval.csv:4 intervalStart: duplicate 2020-01-01 08:00 (first at row 2)'],
  },
  {
    file: 'staffing-empty-cell.csv',
    reader: 'staffing',
    issues: ['staffing-empty-cell.csv:2 agents: is empty (expected an integer from 0 to 100000 agents)'],
  },
  {
    file: 'staffing-empty.csv',
    reader: 'staffing',
    issues: ['staffing-empty.csv (row): the file is empty (expected a header row)'],
  },
  {
    file: 'staffing-fractional-agents.csv',
    reader: 'staffing',
    issues: ['staffing-fractional-agents.csv:2 agents: must be an integer (got 2.5)'],
  },
  {
    file: 'staffing-header-only.csv',
    reader: 'staffing',
    issues: [
      'staffing-header-only.csv (rows): expected at least 1 data row(s) in the staffing table (got 0)',
    ],
  },
  {
    file: 'staffing-huge-integer.csv',
    reader: 'staffing',
    issues: [
      'staffing-huge-integer.csv:2 agents: must be an integer of at most 9007199254740991 in size (got 99999999999999999999)',
    ],
  },
  {
    file: 'staffing-huge-number.csv',
    reader: 'staffing',
    issues: ['staffing-huge-number.csv:2 agents: must be a finite number (got 1e400)'],
  },
  {
    file: 'staffing-impossible-date.csv',
    reader: 'staffing',
    issues: [
      'staffing-impossible-date.csv:2 intervalStart: must be a date-time like 2020-01-31 08:30 (got "2020-02-30 08:00")',
    ],
  },
  {
    file: 'staffing-latin1.csv',
    reader: 'staffing',
    issues: [
      'staffing-latin1.csv (encoding): undecodable encoding: not UTF-8 (first bad byte 0xE9 at offset 21) and not GB18030 Chinese text; save the file as UTF-8 or declare its encoding',
    ],
  },
  {
    file: 'staffing-missing-column.csv',
    reader: 'staffing',
    issues: ['staffing-missing-column.csv:1 agents: missing column (an integer from 0 to 100000 agents)'],
  },
  {
    file: 'staffing-negative-agents.csv',
    reader: 'staffing',
    issues: ['staffing-negative-agents.csv:3 agents: must be >= 0 agents (got -3)'],
  },
  {
    file: 'staffing-off-grid.csv',
    reader: 'staffing',
    issues: [
      'staffing-off-grid.csv:2 intervalStart: must start on a 30-minute boundary (got 2020-01-01 08:10:00)',
    ],
  },
  {
    file: 'staffing-outside-horizon.csv',
    reader: 'staffing',
    issues: [
      'staffing-outside-horizon.csv:3 intervalStart: must be within the horizon 2020-01-01 00:00:00 to 2020-12-31 23:59:59 (got 2021-01-01 00:00:00)',
    ],
  },
  {
    file: 'staffing-short-row.csv',
    reader: 'staffing',
    issues: ['staffing-short-row.csv:3 (row): expected 2 fields as in the header (got 1)'],
  },
  {
    file: 'staffing-unclosed-quote.csv',
    reader: 'staffing',
    issues: [
      'staffing-unclosed-quote.csv:2 (row): unreadable CSV: quote not closed: the parsing is finished with an opening quote at line 2',
    ],
  },
  {
    file: 'staffing-unknown-column.csv',
    reader: 'staffing',
    issues: [
      'staffing-unknown-column.csv:1 agnets: unknown column "agnets" (did you mean "agents"?)',
      'staffing-unknown-column.csv:1 agents: missing column (an integer from 0 to 100000 agents)',
    ],
  },
  {
    file: 'staffing-utf16.csv',
    reader: 'staffing',
    issues: [
      'staffing-utf16.csv (encoding): unsupported encoding UTF-16LE (byte-order mark 0xFF 0xFE); save the file as UTF-8',
    ],
  },
  {
    file: 'staffing-wrong-type.csv',
    reader: 'staffing',
    issues: ['staffing-wrong-type.csv:2 agents: must be an integer (got "twelve")'],
  },
];

describe('bad-input corpus', () => {
  it('has at least 30 files, each with an expected message', () => {
    const files = readdirSync(BAD).filter((name) => name !== 'README.md');
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect([...files].sort()).toEqual(cases.map((c) => c.file).sort());
  });

  it.each(cases)('$file fails with its exact message', ({ file, reader, issues }) => {
    let error: unknown;
    try {
      readers[reader](BAD + file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message.split(BAD).join('');
    expect(message).toBe(
      [`${issues.length} problem(s) in input`, ...issues.map((line) => `  ${line}`)].join('\n'),
    );
  });
});
