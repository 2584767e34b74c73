import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calendarYears, formatYears } from '../../sim/core/calendar.js';
import { InputError } from '../../sim/core/errors.js';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';

// The bad scenario files: every JSON file in test/io/bad-scenario/ and the exact message
// readScenarioFile must produce (the CSV files there are side tables the scenarios name).
// Each is a variant of a valid two-day scenario (test/io/scenarioFile.test.ts reads it);
// test/io/bad-scenario/README.md lists the faults. Format: data/README.md, "Scenario files".
const BAD = fileURLToPath(new URL('./bad-scenario/', import.meta.url));

interface BadCase {
  readonly file: string;
  /** The lines of the InputError message after its first line, with the folder removed. */
  readonly issues: readonly string[];
}

const cases: readonly BadCase[] = [
  {
    file: 'scenario-adjustment-outside-horizon.json',
    issues: [
      'scenario-adjustment-outside-horizon.json loadAdjustments[0].to: must be within the horizon 2020-03-02 to 2020-03-03 (got 2020-03-09)',
    ],
  },
  {
    file: 'scenario-assumed-without-reason.json',
    issues: [
      'scenario-assumed-without-reason.json sources["patience"]: an assumption must give its reasoning, "assumed: <at least 10 characters>" (got "assumed")',
    ],
  },
  {
    file: 'scenario-calendar-year.json',
    issues: [
      `scenario-calendar-year.json calendar.holidays: the official calendar of mainland China is known for ${formatYears(calendarYears())} (chinese-days); the horizon reaches 2099: list that year's holidays and worked weekend days in a holiday list (calendar.holidayFile, data/README.md)`,
    ],
  },
  {
    file: 'scenario-channels-schema.json',
    issues: [
      'scenario-channels-schema.json channels.groups[1].chatConcurrency: must be >= 1 (got 0)',
      'scenario-channels-schema.json channels.groups[2].channels: must have at least 1 items (got 0)',
    ],
  },
  {
    file: 'scenario-channels-content.json',
    issues: [
      'scenario-channels-content.json channels.groups[1].chatConcurrency: is required for a group that serves chat (expected the chats an agent serves at once, 1 or more)',
      'scenario-channels-content.json channels.groups[1].channels: serves message, but channels.message is not described (add it, or remove message)',
      'scenario-channels-content.json channels.groups[2].name: repeats the name of groups[0] ("voice")',
      'scenario-channels-content.json channels.groups[2].chatConcurrency: is not used by a group that serves no chat (remove it)',
      'scenario-channels-content.json channels.groups[2].skills[0]: names a skill, but channels.skills lists none (got "jobs")',
      'scenario-channels-content.json channels.routing.order.chat[0]: names a group that does not serve chat (got "voice")',
      'scenario-channels-content.json channels.routing.group: names no agent group (got "blended"; the groups are voice, online)',
      'scenario-channels-content.json channels.chat.handleStretch[0]: must be 1: a chat served alone takes its handle time (got 1.2)',
      'scenario-channels-content.json channels.chat.arrivals.ratio: is required for kind "ratioOfVoice" (expected contacts per voice call)',
      'scenario-channels-content.json channels.callback.delay: is required for a scheduled callback (expected the time the caller chooses, a distribution)',
      'scenario-channels-content.json channels.callback.retryDelay: is required when maxAttempts > 1 (expected the time before the next try, a distribution)',
    ],
  },
  {
    file: 'scenario-distribution-fields.json',
    issues: [
      'scenario-distribution-fields.json handle.cv: is required for a lognormal (expected a number)',
      'scenario-distribution-fields.json patience.cv: is not used by an exponential distribution (remove it)',
    ],
  },
  {
    file: 'scenario-empty.json',
    issues: ['scenario-empty.json (json): the file is empty (expected JSON)'],
  },
  {
    file: 'scenario-huge-number.json',
    issues: ['scenario-huge-number.json handle.meanSeconds: must be a finite number (got Infinity)'],
  },
  {
    file: 'scenario-interval.json',
    issues: ['scenario-interval.json horizon.intervalMinutes: must be one of 15, 30, 60 (got 20)'],
  },
  {
    file: 'scenario-missing-side-table.json',
    issues: [
      'scenario-missing-side-table.json agents.staffingFile: names a file that cannot be read, relative to the scenario\'s folder (got "nowhere.csv")',
    ],
  },
  {
    file: 'scenario-missing-source.json',
    issues: [
      'scenario-missing-source.json patience.meanSeconds: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
    ],
  },
  {
    file: 'scenario-negative-volume.json',
    issues: ['scenario-negative-volume.json arrivals.inboundCallsPerDay: must be >= 0 (got -240)'],
  },
  {
    file: 'scenario-profile-not-sum-one.json',
    issues: ['bad-profile-sum.csv share: shares must sum to 1 (got 1.2)'],
  },
  {
    file: 'scenario-profile-without-volume.json',
    issues: [
      'scenario-profile-without-volume.json arrivals.inboundCallsPerDay: is required for a profile (kind "profile") (expected a number)',
      'scenario-profile-without-volume.json arrivals.arrivalRatesFile: is not used for a profile (kind "profile") (remove it)',
    ],
  },
  {
    file: 'scenario-staffing-off-grid.json',
    issues: [
      'bad-staffing-grid.csv:2 intervalStart: must start on a 60-minute boundary (got 2020-03-02 08:10:00)',
      'bad-staffing-grid.csv:3 intervalStart: must be within the horizon 2020-03-02 00:00:00 to 2020-03-03 23:59:59 (got 2020-03-05 00:00:00)',
    ],
  },
  {
    file: 'scenario-stale-source.json',
    issues: [
      'scenario-stale-source.json sources["handel"]: names no parameter of this file (did you mean "handle"?)',
      'scenario-stale-source.json handle.meanSeconds: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      'scenario-stale-source.json handle.cv: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
    ],
  },
  {
    file: 'scenario-syntax.json',
    issues: [
      'scenario-syntax.json:30 (json): invalid JSON at line 30, column 29: expected a property name in double quotes (got ",")',
    ],
  },
  {
    file: 'scenario-unknown-field.json',
    issues: [
      'scenario-unknown-field.json arrivals: is required (expected an object)',
      'scenario-unknown-field.json arivals: unknown field "arivals" (did you mean "arrivals"?)',
    ],
  },
  {
    file: 'scenario-unknown-weekday.json',
    issues: [
      'scenario-unknown-weekday.json calendar.holidayLoadAs: must be one of "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" (got "Sun")',
    ],
  },
  {
    file: 'scenario-work-orders.json',
    issues: [
      "scenario-work-orders.json workOrders: is not supported yet: it enters the format with the 12345 desk's work-order model (data/README.md)",
    ],
  },
  {
    file: 'scenario-wrong-type.json',
    issues: ['scenario-wrong-type.json horizon.days: must be a number (got "2")'],
  },
];

describe('bad scenario files', () => {
  it('has at least 10 files, each with an expected message', () => {
    const files = readdirSync(BAD).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect([...files].sort()).toEqual(cases.map((c) => c.file).sort());
  });

  it.each(cases)('$file fails with its exact message', ({ file, issues }) => {
    let error: unknown;
    try {
      readScenarioFile(BAD + file);
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
