import type { AleaStream } from '../../core/aleaStream.js';
import type { StreamName } from '../../core/rng.js';
import { DEFAULT_REVIEW_MINUTES_PER_DISSATISFIED, reviewHours } from '../kpis.js';
import { satisfactionProbabilityUnchecked, type SatisfactionModel } from '../satisfaction.js';
import type { PeriodCounts, PeriodRow, SurveyResult, SurveySpec } from '../types.js';

/**
 * Failures before the next success in a sequence of independent trials with
 * success probability `p` (a geometric draw; `Infinity` when `p` is 0): the
 * survey, complaint and quality draws skip from one selected call to the next
 * instead of drawing for every answered call, with the same law.
 */
function trialsToNext(u: AleaStream, p: number, logQ: number): number {
  if (p >= 1) return 0;
  if (p <= 0) return Infinity;
  return Math.floor(Math.log(u.next()) / logQ);
}

/**
 * The post-call survey, complaints and quality checks of answered attempts
 * (`Scenario.survey`): each answered attempt is exposed to three independent
 * selections (the caller answers the survey; the call draws a complaint; the
 * call is sampled for the quality check), each drawn as a geometric count of
 * answered attempts to skip, then the rating and the check's result for the
 * selected ones. Streams: `survey` (responses and ratings), `complaints`,
 * `quality` (sampling and pass).
 */
export class SurveyDraws {
  /** Position (0-based, among answered attempts) of the next one selected for each draw. */
  private nextResponse: number;
  private nextComplaint: number;
  private nextQa: number;
  /** The smallest of the three: the next answered attempt that needs `select`. */
  private next: number;
  private readonly pResponse: number;
  private readonly pComplaint: number;
  private readonly pSatisfied: number;
  /** log(1 - p) of each selection, computed once (the geometric draws divide by it). */
  private readonly logQResponse: number;
  private readonly logQComplaint: number;
  private readonly logQQa: number;
  // The columns written, held directly (reading them from the record of columns by
  // name at each call costs more than the rest of the call).
  private readonly surveyed: Float64Array;
  private readonly surveyPositive: Float64Array;
  private readonly surveySatisfied: Float64Array;
  private readonly surveyDissatisfied: Float64Array;
  private readonly complaints: Float64Array;
  private readonly qaSampled: Float64Array;
  private readonly qaPassed: Float64Array;

  constructor(
    private readonly model: SatisfactionModel,
    private readonly qaShare: number,
    /** Satisfaction penalty of each day (the day's learning penalty; 0 without a workforce). */
    private readonly penalty: Float64Array,
    /** QA pass rate of each day. */
    private readonly qaRate: Float64Array,
    private readonly uSurvey: AleaStream,
    private readonly uComplaints: AleaStream,
    private readonly uQuality: AleaStream,
    columns: Record<keyof PeriodCounts, Float64Array>,
  ) {
    this.surveyed = columns.surveyed;
    this.surveyPositive = columns.surveyPositive;
    this.surveySatisfied = columns.surveySatisfied;
    this.surveyDissatisfied = columns.surveyDissatisfied;
    this.complaints = columns.complaints;
    this.qaSampled = columns.qaSampled;
    this.qaPassed = columns.qaPassed;
    this.pResponse = model.responseProbability;
    this.pComplaint = model.complaintsPerAnsweredCall;
    this.pSatisfied = model.satisfiedShareOfPositive;
    this.logQResponse = Math.log1p(-this.pResponse);
    this.logQComplaint = Math.log1p(-this.pComplaint);
    this.logQQa = Math.log1p(-qaShare);
    this.nextResponse = trialsToNext(uSurvey, this.pResponse, this.logQResponse);
    this.nextComplaint = trialsToNext(uComplaints, this.pComplaint, this.logQComplaint);
    this.nextQa = trialsToNext(uQuality, qaShare, this.logQQa);
    this.next = Math.min(this.nextResponse, this.nextComplaint, this.nextQa);
  }

  /** Answered attempts to skip before the first call to `select` (`Infinity`: none). */
  firstGap(): number {
    return this.next;
  }

  /**
   * The next selected answered attempt (counted in `row`, answered at `now` after
   * waiting `wait` seconds, at attempt `attempt`): its survey rating, complaint and
   * quality check, as selected. Returns the answered attempts to skip before the next
   * call (`Infinity`: none); the event loop counts them down, so that attempts not
   * selected cost one decrement.
   */
  select(row: number, wait: number, attempt: number, now: number): number {
    const position = this.next;
    const day = (now / 86_400) | 0;
    if (this.nextResponse === position) {
      this.surveyed[row]!++;
      const p = satisfactionProbabilityUnchecked(this.model, wait, attempt, this.penalty[day] ?? 0);
      if (this.uSurvey.next() < p) {
        this.surveyPositive[row]!++;
        if (this.uSurvey.next() < this.pSatisfied) this.surveySatisfied[row]!++;
      } else {
        this.surveyDissatisfied[row]!++;
      }
      this.nextResponse = position + 1 + trialsToNext(this.uSurvey, this.pResponse, this.logQResponse);
    }
    if (this.nextComplaint === position) {
      this.complaints[row]!++;
      this.nextComplaint = position + 1 + trialsToNext(this.uComplaints, this.pComplaint, this.logQComplaint);
    }
    if (this.nextQa === position) {
      this.qaSampled[row]!++;
      if (this.uQuality.next() < (this.qaRate[day] ?? 1)) this.qaPassed[row]!++;
      this.nextQa = position + 1 + trialsToNext(this.uQuality, this.qaShare, this.logQQa);
    }
    this.next = Math.min(this.nextResponse, this.nextComplaint, this.nextQa);
    return this.next - position - 1;
  }
}

/**
 * The survey's draws of a run (`SurveyDraws` on the `survey`, `complaints` and
 * `quality` streams), or null without a survey: the voice model's and the
 * all-media model's.
 *
 * @param survey the scenario's survey, if any
 * @param year each day's satisfaction penalty and QA pass rate
 * @param stream the run's stream of a name
 * @param columns the count columns the draws write to
 * @returns the draws, or null
 * @example
 * const year = { penalty: new Float64Array(1), qaRate: new Float64Array(1).fill(0.99) };
 * surveyDrawsOf(undefined, year, (name) => new AleaStream(1, 0, name), {} as never); // => null (no survey)
 */
export function surveyDrawsOf(
  survey: SurveySpec | undefined,
  year: { penalty: Float64Array; qaRate: Float64Array },
  stream: (name: StreamName) => AleaStream,
  columns: Record<keyof PeriodCounts, Float64Array>,
): SurveyDraws | null {
  if (survey === undefined) return null;
  return new SurveyDraws(
    survey.satisfaction,
    survey.qaSampleShare,
    year.penalty,
    year.qaRate,
    stream('survey'),
    stream('complaints'),
    stream('quality'),
    columns,
  );
}

/**
 * The review workload of the survey (`SimulationResult.survey`): per month, the
 * dissatisfied ratings and the hours to review them all.
 *
 * @param survey the scenario's survey
 * @param months the run's monthly rows
 * @returns the minutes per rating (the scenario's, or the default 15) and the months
 * @example
 * const scenario = readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario;
 * const result = simulate(periodOf(scenario, '2020-01-01', 2), { seed: 1 });
 * surveyReview(scenario.survey!, result.months).reviewByMonth[0]?.reviewHours; // => 23.75
 */
export function surveyReview(survey: SurveySpec, months: readonly PeriodRow[]): SurveyResult {
  const minutes = survey.reviewMinutesPerDissatisfied ?? DEFAULT_REVIEW_MINUTES_PER_DISSATISFIED;
  return {
    reviewMinutesPerDissatisfied: minutes,
    reviewByMonth: months.map((m) => ({
      period: m.period,
      dissatisfied: m.surveyDissatisfied,
      reviewHours: reviewHours(m, minutes),
    })),
  };
}
