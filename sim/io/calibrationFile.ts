import { z } from 'zod';
import type { CalibratedParameters } from '../calibrate/types.js';
import { parseJson, readJson } from './json.js';
import { writeFileAtomic } from './writeFileAtomic.js';

const positive = z.number().positive().finite();

// The weekday names of sim/calibrate/arrivalRates.ts, repeated here because io
// imports only types from the layers beside it.
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * The calibrated-parameters JSON file (data/README.md, "calibrated parameters"):
 * what a center's call records say about its arrivals, handle time, patience and
 * agents, ready to build a scenario from. Unknown fields are errors.
 */
export const calibrationSchema = z
  .object({
    /** Where the records came from, free text. */
    source: z.string().min(1),
    /** Interval length, in minutes. */
    intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
    /** Per weekday: mean arrivals per hour and mean agents present, one value per interval of the day. */
    weekdays: z
      .array(
        z
          .object({
            weekday: z.enum(WEEKDAY_NAMES),
            /** Number of days the means are taken over. */
            days: z.number().int().positive(),
            arrivalsPerHour: z.array(z.number().nonnegative().finite()),
            agentsPresent: z.array(z.number().nonnegative().finite()),
          })
          .strict(),
      )
      .min(1),
    /** Handle time (talk + wrap-up). */
    handleTime: z
      .object({
        distribution: z.enum(['exponential', 'lognormal']),
        meanSeconds: positive,
        /** Coefficient of variation (1 for exponential). */
        cv: positive,
      })
      .strict(),
    /** Caller patience. */
    patience: z
      .object({
        distribution: z.enum(['exponential']),
        meanSeconds: positive,
        /** Kaplan-Meier median patience, in seconds, or null when not reached. */
        kaplanMeierMedianSeconds: positive.nullable(),
      })
      .strict(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const perDay = 1440 / value.intervalMinutes;
    const seen = new Set<string>();
    value.weekdays.forEach((w, i) => {
      if (seen.has(w.weekday)) {
        ctx.addIssue({
          code: 'custom',
          path: ['weekdays', i, 'weekday'],
          message: `duplicate weekday "${w.weekday}"`,
        });
      }
      seen.add(w.weekday);
      for (const key of ['arrivalsPerHour', 'agentsPresent'] as const) {
        if (w[key].length !== perDay) {
          ctx.addIssue({
            code: 'custom',
            path: ['weekdays', i, key],
            message: `must have ${perDay} values, one per ${value.intervalMinutes}-minute interval (got ${w[key].length})`,
          });
        }
      }
    });
  });

/** Calibrated parameters, as read from or written to a calibrated-parameters file. */
export type CalibrationFile = z.output<typeof calibrationSchema>;

// Compile-time check that the schema and the type in sim/calibrate agree both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesType: Same<CalibrationFile, CalibratedParameters> = true;
void _schemaMatchesType;

/**
 * Parse a calibrated-parameters JSON text, checking every field.
 *
 * @param text the JSON text
 * @param file the file name, for the messages
 * @returns the parameters
 * @throws {InputError} listing every problem, unknown fields with the nearest known name
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const text = JSON.stringify(calibrateFromRecords(bank.records, { source: 'bank' }));
 * parseCalibration(text, 'bank.json').patience.meanSeconds; // => 347.7129
 */
export function parseCalibration(text: string, file: string): CalibrationFile {
  return parseJson(text, calibrationSchema, file);
}

/**
 * Read a calibrated-parameters JSON file.
 *
 * @throws {InputError} listing every problem
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * writeCalibration(join(tmpdir(), 'bank.calibration.json'), calibrateFromRecords(bank.records, { source: 'bank' }));
 * readCalibration(join(tmpdir(), 'bank.calibration.json')).patience.meanSeconds; // => 347.7129
 */
export function readCalibration(path: string): CalibrationFile {
  return readJson(path, calibrationSchema);
}

/**
 * Write calibrated parameters as JSON (checked first, then written atomically).
 *
 * @param path the file to write
 * @param calibration the parameters
 * @throws {InputError} when the parameters do not satisfy the schema (nothing is written)
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * writeCalibration(join(tmpdir(), 'bank.calibration.json'), calibrateFromRecords(bank.records, { source: 'bank' }));
 */
export function writeCalibration(path: string, calibration: CalibrationFile): void {
  writeFileAtomic(path, calibrationText(calibration, path));
}

/**
 * Calibrated parameters as the JSON text `writeCalibration` writes, checked
 * against the schema, for a caller that writes it with other files as one set.
 *
 * @param calibration the parameters
 * @param file the name used in problems
 * @returns the JSON text, ending with a newline
 * @throws {InputError} when the parameters do not satisfy the schema
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const text = calibrationText(calibrateFromRecords(bank.records, { source: 'bank' }), 'bank.json');
 * parseCalibration(text, 'bank.json').patience.meanSeconds; // => 347.7129
 * calibrationText({ formatVersion: 1 } as never, 'bank.json'); // throws InputError
 */
export function calibrationText(calibration: CalibrationFile, file = 'calibration.json'): string {
  const text = JSON.stringify(calibration, null, 2) + '\n';
  parseCalibration(text, file);
  return text;
}
