import { PAID_HOURS_PER_STAFF_YEAR } from '../../sim/budget/whatBudgetBuys.js';
import { shanghai12333Defaults as d } from '../../sim/model/shanghai12333.js';

/* The figures behind the shipped staffing tables, shared by buildData.ts and its tests. */

/** Inputs of the 12333 staffing rule (FACTS §7.1). */
export const STAFFING_12333 = {
  target: { answerRate: d.answerRateTarget },
  staffOnPayroll: d.staffOnPayroll,
  paidHoursPerStaffYear: PAID_HOURS_PER_STAFF_YEAR,
  shrinkage: d.shrinkage,
  seats: d.seats,
} as const;

/** 12345 desk: transferred calls on working days 08:30-17:30 (FACTS §7.2). */
export const DESK_12345 = {
  staff: 50,
  shrinkage: 0.3,
  workOrdersPerDay: 300,
  staffMinutesPerWorkOrder: 45,
  openMinutes: [8 * 60 + 30, 17 * 60 + 30] as const,
};

/** Agents on the transfer seats in open hours: staff on duty less the work orders' staff time. */
export function deskAgentsOnPhones(): number {
  const onDuty = DESK_12345.staff * (1 - DESK_12345.shrinkage);
  const openHours = (DESK_12345.openMinutes[1] - DESK_12345.openMinutes[0]) / 60;
  const workOrderStaff = (DESK_12345.workOrdersPerDay * DESK_12345.staffMinutesPerWorkOrder) / 60 / openHours;
  return Math.floor(onDuty - workOrderStaff);
}

/** Staff churn, hiring and training of the 12333 year (FACTS §1.1, §1.3, §4.3, §7.1; sources below). */
export const WORKFORCE_12333 = {
  initialStaff: d.staffOnPayroll,
  targetHeadcount: d.staffOnPayroll,
  initialTenureMonths: 24,
  annualTurnover: 0.2,
  hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 },
  learningCurve: [
    { month: 1, handleTimeMultiplier: 1.3, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
    { month: 2, handleTimeMultiplier: 1.15, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
    { month: 3, handleTimeMultiplier: 1.05, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
    { month: 4, handleTimeMultiplier: 1, qaPassRate: 0.99, satisfactionPenalty: 0 },
  ],
  plannedLiveAgents: d.staffOnPayroll,
};

/** Platform faults by level (SEED deadlines; FACTS §7.1 rates, durations and effects). */
export const FAULTS_12333 = {
  levels: [
    { level: 1, ratePerYear: 1, repairMeanMinutes: 60, capacityLost: 1, repairDeadlineMinutes: 90 },
    { level: 2, ratePerYear: 4, repairMeanMinutes: 120, capacityLost: 0.5, repairDeadlineMinutes: 180 },
    { level: 3, ratePerYear: 12, repairMeanMinutes: 480, capacityLost: 0.1, repairDeadlineMinutes: 1440 },
  ].map((l) => ({
    level: l.level,
    ratePerYear: l.ratePerYear,
    responseMinutes: { kind: 'exponential', meanMinutes: 4 },
    repairMinutes: { kind: 'lognormal', meanMinutes: l.repairMeanMinutes, cv: 0.5 },
    capacityLost: l.capacityLost,
    responseDeadlineMinutes: 10,
    repairDeadlineMinutes: l.repairDeadlineMinutes,
  })),
};

/** The post-call survey, complaints and QA sampling (FACTS §3.2, §3.3, §7.1). */
export const SURVEY_12333 = {
  responseProbability: 0.35,
  satisfactionCurve: [
    { waitSeconds: 30, satisfied: 0.995 },
    { waitSeconds: 300, satisfied: 0.95 },
  ],
  penaltyPerExtraAttempt: 0.01,
  satisfiedShareOfPositive: 0.85,
  complaintsPerAnsweredCall: 0.5e-5,
  qaSampleShare: 0.02,
  reviewMinutesPerDissatisfied: 15,
};

/** The all-media channels on the 12333 staff (issue 16; sources in buildData.ts, every figure assumed but the two sourced). */
export const OMNICHANNEL_12333 = {
  chat: {
    arrivals: { kind: 'ratioOfVoice', ratio: 0.1 },
    handle: { kind: 'lognormal', meanSeconds: 300, cv: 1 },
    handleStretch: [1, 1.25, 1.6],
    patience: { kind: 'exponential', meanSeconds: 300 },
    answerWithinSeconds: 120,
    assistant: { resolvedShare: 0.293, duration: { kind: 'lognormal', meanSeconds: 45, cv: 1 } },
  },
  message: {
    arrivals: { kind: 'ratioOfVoice', ratio: 0.02 },
    handle: { kind: 'lognormal', meanSeconds: 300, cv: 0.8 },
    deadlineWorkingHours: 16,
    workingHours: { from: '09:00', to: '17:00' },
  },
  callback: {
    offerAboveWaitSeconds: 90,
    acceptShare: 0.3,
    placement: 'whenFree',
    answerProbability: 0.8,
    ringSeconds: 30,
    maxAttempts: 2,
    retryDelay: { kind: 'exponential', meanSeconds: 1800 },
    answerWithinSeconds: 7200,
  },
  groups: [
    { name: 'voice', channels: ['voice'], agents: { kind: 'share', share: 0.86 } },
    {
      name: 'online',
      channels: ['chat', 'message'],
      agents: { kind: 'share', share: 0.11 },
      chatConcurrency: 3,
      chatAssignment: 'pack',
    },
    {
      name: 'blended',
      channels: ['voice', 'chat', 'message'],
      agents: { kind: 'share', share: 0.03 },
      chatConcurrency: 2,
    },
  ],
  routing: { kind: 'voiceFirst' },
};
