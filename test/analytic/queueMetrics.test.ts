import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB } from '../../sim/analytic/erlangB.js';
import { erlangC } from '../../sim/analytic/erlangC.js';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import type { QueueMetrics, QueueParams } from '../../sim/analytic/types.js';

/** Relative error, absolute below 1e-250 (values under double's useful range). */
const rel = (x: number, ref: number): number =>
  x === ref ? 0 : Math.abs(x - ref) / Math.max(Math.abs(ref), 1e-250);

type Case = [[number, number, number, number, number, number], Omit<QueueMetrics, 'stable'>];

// [[agents, arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds, waitingRoom, answerWithinSeconds], metrics]
// mpmath 50 digits, test/reference/queue_metrics.py: direct summation of the birth-death chain and
// direct numerical integration of the offered-wait density (printed as the nearest doubles).
const REFERENCE: Case[] = [
  // 625 times overloaded with a short patience: the chain reaches about 1,500 states, and the
  // phase-count tail ended in subnormal numbers that never reached 0 (10 million steps, 2.6 s a call).
  [
    [7, 90000, 200, 23.33, Infinity, 20],
    {
      offeredErlangs: 5000.0,
      answerRate: 0.0014,
      abandonRate: 0.9986,
      blockRate: 0.0,
      probWait: 1.0,
      serviceLevel: 4.460192499630122e-109,
      serviceLevelOfAnswered: 3.185851785450087e-106,
      serviceLevelExcludingShortAbandons: 1.0511367073958881e-108,
      asaSeconds: 141.6480660331217,
      meanWaitSeconds: 23.297338,
      occupancy: 1.0,
      meanQueueLength: 582.43345,
    },
  ],
  [
    [14, 200, 180, Infinity, Infinity, 20],
    {
      offeredErlangs: 10.0,
      answerRate: 1.0,
      abandonRate: 0.0,
      blockRate: 0.0,
      probWait: 0.17413193359504983,
      serviceLevel: 0.8883500191794669,
      serviceLevelOfAnswered: 0.8883500191794669,
      serviceLevelExcludingShortAbandons: 0.8883500191794669,
      asaSeconds: 7.835937011777243,
      meanWaitSeconds: 7.835937011777243,
      occupancy: 0.7142857142857143,
      meanQueueLength: 0.4353298339876246,
    },
  ],
  [
    [14, 200, 180, 90, Infinity, 20],
    {
      offeredErlangs: 10.0,
      answerRate: 0.9740835023056063,
      abandonRate: 0.025916497694393734,
      blockRate: 0.0,
      probWait: 0.12062291399790659,
      serviceLevel: 0.9376177322829099,
      serviceLevelOfAnswered: 0.9625640205009286,
      serviceLevelExcludingShortAbandons: 0.9541015030187461,
      asaSeconds: 1.9253420626626585,
      meanWaitSeconds: 2.332484792495436,
      occupancy: 0.6957739302182901,
      meanQueueLength: 0.12958248847196865,
    },
  ],
  [
    [14, 200, 180, 90, 5, 20],
    {
      offeredErlangs: 10.0,
      answerRate: 0.9736469245866873,
      abandonRate: 0.024609409085415052,
      blockRate: 0.0017436663278975635,
      probWait: 0.11797785867861146,
      serviceLevel: 0.9385467631113926,
      serviceLevelOfAnswered: 0.9639498050176714,
      serviceLevelExcludingShortAbandons: 0.9562251468552241,
      asaSeconds: 1.845624576770236,
      meanWaitSeconds: 2.2187155172259256,
      occupancy: 0.695462088990491,
      meanQueueLength: 0.12304704542707527,
    },
  ],
  [
    [14, 200, 180, Infinity, 5, 20],
    {
      offeredErlangs: 10.0,
      answerRate: 0.9905303946854325,
      abandonRate: 0.0,
      blockRate: 0.00946960531456753,
      probWait: 0.1451107167035825,
      serviceLevel: 0.9093218201810267,
      serviceLevelOfAnswered: 0.9180150604765687,
      serviceLevelExcludingShortAbandons: 0.9180150604765687,
      asaSeconds: 4.4413791636152995,
      meanWaitSeconds: 4.4413791636152995,
      occupancy: 0.7075217104895947,
      meanQueueLength: 0.2444067253268621,
    },
  ],
  [
    [2, 90, 60, 30, 3, 15],
    {
      offeredErlangs: 1.5,
      answerRate: 0.774065188132717,
      abandonRate: 0.22119492070922817,
      blockRate: 0.004739891158054889,
      probWait: 0.39604423898414187,
      serviceLevel: 0.6970744915681563,
      serviceLevelOfAnswered: 0.9005371928037664,
      serviceLevelExcludingShortAbandons: 0.8081960420053079,
      asaSeconds: 3.9665860296341093,
      meanWaitSeconds: 6.667450611476952,
      occupancy: 0.5805488910995377,
      meanQueueLength: 0.16589619053192112,
    },
  ],
  [
    [1, 10, 300, 60, 0, 10],
    {
      offeredErlangs: 0.8333333333333334,
      answerRate: 0.5454545454545454,
      abandonRate: 0.0,
      blockRate: 0.45454545454545453,
      probWait: 0.0,
      serviceLevel: 0.5454545454545454,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.0,
      meanWaitSeconds: 0.0,
      occupancy: 0.45454545454545453,
      meanQueueLength: 0.0,
    },
  ],
  [
    [0, 100, 200, 60, Infinity, 10],
    {
      offeredErlangs: 5.555555555555555,
      answerRate: 0.0,
      abandonRate: 1.0,
      blockRate: 0.0,
      probWait: 1.0,
      serviceLevel: 0.0,
      serviceLevelOfAnswered: 0.0,
      serviceLevelExcludingShortAbandons: 0.0,
      asaSeconds: Infinity,
      meanWaitSeconds: 60.0,
      occupancy: 0.0,
      meanQueueLength: 1.6666666666666667,
    },
  ],
  [
    [30, 600, 240, 200, 10, 0],
    {
      offeredErlangs: 40.0,
      answerRate: 0.7436344815144659,
      abandonRate: 0.15813531204159828,
      blockRate: 0.09823020644393582,
      probWait: 0.8113098774262149,
      serviceLevel: 0.09045991612984935,
      serviceLevelOfAnswered: 0.12164567187043443,
      serviceLevelExcludingShortAbandons: 0.10031375720972777,
      asaSeconds: 36.75654913320259,
      meanWaitSeconds: 35.07221314610752,
      occupancy: 0.9915126420192879,
      meanQueueLength: 5.271177068053277,
    },
  ],
  [
    [20, 300, 200, 60, Infinity, 3600],
    {
      offeredErlangs: 16.666666666666668,
      answerRate: 0.9530509389793266,
      abandonRate: 0.04694906102067343,
      blockRate: 0.0,
      probWait: 0.18275266463297354,
      serviceLevel: 0.9530509389793266,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 2.2763676198151748,
      meanWaitSeconds: 2.8169436612404057,
      occupancy: 0.7942091158161054,
      meanQueueLength: 0.23474530510336714,
    },
  ],
  [
    [10, 1000, 300, 20, 50, 30],
    {
      offeredErlangs: 83.33333333333333,
      answerRate: 0.11997580931012992,
      abandonRate: 0.88002419068987,
      blockRate: 5.005927838013045e-31,
      probWait: 0.9981962166412351,
      serviceLevel: 0.06467148216597624,
      serviceLevelOfAnswered: 0.5390376821614473,
      serviceLevelExcludingShortAbandons: 0.25863031573821643,
      asaSeconds: 30.70903270231985,
      meanWaitSeconds: 17.6004838137974,
      occupancy: 0.9997984109177495,
      meanQueueLength: 4.889023281610389,
    },
  ],
  [
    [100, 2000, 220, 90, Infinity, 20],
    {
      offeredErlangs: 122.22222222222223,
      answerRate: 0.8148687665704225,
      abandonRate: 0.1851312334295775,
      blockRate: 0.0,
      probWait: 0.903785073495911,
      serviceLevel: 0.4884152034566568,
      serviceLevelOfAnswered: 0.5993789717972299,
      serviceLevelExcludingShortAbandons: 0.5701646556969295,
      asaSeconds: 17.478547873959894,
      meanWaitSeconds: 16.661811008661974,
      occupancy: 0.9959507146971831,
      meanQueueLength: 9.256561671478874,
    },
  ],
  [
    [50, 1500, 220, 90, Infinity, 20],
    {
      offeredErlangs: 91.66666666666667,
      answerRate: 0.5454329889467231,
      abandonRate: 0.4545670110532769,
      blockRate: 0.0,
      probWait: 0.999036681244286,
      serviceLevel: 0.02333427258718241,
      serviceLevelOfAnswered: 0.042781190467123836,
      serviceLevelExcludingShortAbandons: 0.029081448962677885,
      asaSeconds: 52.37734962390906,
      meanWaitSeconds: 40.91103099479492,
      occupancy: 0.9999604797356589,
      meanQueueLength: 17.046262914497884,
    },
  ],
  [
    [1000, 15000, 220, 90, Infinity, 20],
    {
      offeredErlangs: 916.6666666666666,
      answerRate: 0.9999359827384385,
      abandonRate: 6.401726156144504e-5,
      blockRate: 0.0,
      probWait: 0.003122681358897265,
      serviceLevel: 0.9999359826515709,
      serviceLevelOfAnswered: 0.9999999999131268,
      serviceLevelExcludingShortAbandons: 0.9999999999123641,
      asaSeconds: 0.005654960401893446,
      meanWaitSeconds: 0.005761553540530054,
      occupancy: 0.916607984176902,
      meanQueueLength: 0.02400647308554189,
    },
  ],
  [
    [1000, 18000, 220, 90, Infinity, 20],
    {
      offeredErlangs: 1100.0,
      answerRate: 0.9088649213852713,
      abandonRate: 0.09113507861472872,
      blockRate: 0.0,
      probWait: 0.9736006285546561,
      serviceLevel: 0.903945949823881,
      serviceLevelOfAnswered: 0.994587785879234,
      serviceLevelExcludingShortAbandons: 0.9944975923040956,
      asaSeconds: 8.494399818101446,
      meanWaitSeconds: 8.202157075325584,
      occupancy: 0.9997514135237984,
      meanQueueLength: 41.01078537662792,
    },
  ],
  [
    [3000, 50000, 200, 1000000.0, Infinity, 20],
    {
      offeredErlangs: 2777.777777777778,
      answerRate: 0.9999999999846709,
      abandonRate: 1.5329099826019426e-11,
      blockRate: 0.0,
      probWait: 1.7032731682994424e-5,
      serviceLevel: 0.9999999999846672,
      serviceLevelOfAnswered: 0.9999999999999962,
      serviceLevelExcludingShortAbandons: 0.9999999999999962,
      asaSeconds: 1.5329086030542565e-5,
      meanWaitSeconds: 1.5329099826019428e-5,
      occupancy: 0.9259259259117323,
      meanQueueLength: 0.0002129041642502698,
    },
  ],
  [
    [5000, 80000, 220, 90, Infinity, 30],
    {
      offeredErlangs: 4888.888888888889,
      answerRate: 0.9994380360478794,
      abandonRate: 0.0005619639521205632,
      blockRate: 0.0,
      probWait: 0.04845676821648852,
      serviceLevel: 0.9994380360478794,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.05009748599016598,
      meanWaitSeconds: 0.0505767556908507,
      occupancy: 0.9772283019134821,
      meanQueueLength: 1.1239279042411265,
    },
  ],
  [
    [5000, 100000, 180, 120, Infinity, 20],
    {
      offeredErlangs: 5000.0,
      answerRate: 0.9937882838566375,
      abandonRate: 0.006211716143362464,
      blockRate: 0.0,
      probWait: 0.4515624238455724,
      serviceLevel: 0.9937882838566375,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.7419241133875096,
      meanWaitSeconds: 0.7454059372034957,
      occupancy: 0.9937882838566375,
      meanQueueLength: 20.70572047787488,
    },
  ],
  [
    [4000, 100000, 180, 120, Infinity, 20],
    {
      offeredErlangs: 5000.0,
      answerRate: 0.8,
      abandonRate: 0.2,
      blockRate: 0.0,
      probWait: 1.0,
      serviceLevel: 0.0013497169211034263,
      serviceLevelOfAnswered: 0.001687146151379283,
      serviceLevelExcludingShortAbandons: 0.001594488320357729,
      asaSeconds: 26.75472756395515,
      meanWaitSeconds: 24.0,
      occupancy: 1.0,
      meanQueueLength: 666.6666666666666,
    },
  ],
  [
    [400, 10000, 180, 300, 25, 60],
    {
      offeredErlangs: 500.0,
      answerRate: 0.799962025963735,
      abandonRate: 0.02457914265636685,
      blockRate: 0.17545883137989815,
      probWait: 0.820440078477345,
      serviceLevel: 0.799962025963735,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 9.064942062596273,
      meanWaitSeconds: 8.942843702092242,
      occupancy: 0.9999525324546688,
      meanQueueLength: 20.482618880305708,
    },
  ],
  // Spot checks drawn with seed 7: test/reference/queue_metrics.py --random
  [
    [250, 3681.818181818182, 220, 5000, Infinity, 0],
    {
      offeredErlangs: 225.0,
      answerRate: 0.9998903931256361,
      abandonRate: 0.00010960687436391824,
      blockRate: 0.0,
      probWait: 0.0642684730248127,
      serviceLevel: 0.9357315269751872,
      serviceLevelOfAnswered: 0.935834100825902,
      serviceLevelExcludingShortAbandons: 0.9357315269751872,
      asaSeconds: 0.5471726157472172,
      meanWaitSeconds: 0.5480343718195912,
      occupancy: 0.8999013538130726,
      meanQueueLength: 0.5604896984518547,
    },
  ],
  [
    [5000, 70000.0, 180, 600, Infinity, 60],
    {
      offeredErlangs: 3500.0,
      answerRate: 1.0,
      abandonRate: 3.210376017370818e-129,
      blockRate: 0.0,
      probWait: 1.6070045350217969e-125,
      serviceLevel: 1.0,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 1.925840979423779e-126,
      meanWaitSeconds: 1.926225610422491e-126,
      occupancy: 0.7,
      meanQueueLength: 3.7454386869326213e-125,
    },
  ],
  [
    [17, 612.0, 30, 90, 1, 0],
    {
      offeredErlangs: 5.1,
      answerRate: 0.9999942600566983,
      abandonRate: 3.5214376084141236e-7,
      blockRate: 5.3877995408736085e-6,
      probWait: 1.831147556375344e-5,
      serviceLevel: 0.9999763007248954,
      serviceLevelOfAnswered: 0.999982040565111,
      serviceLevelExcludingShortAbandons: 0.9999816884257772,
      asaSeconds: 3.1083637307971194e-5,
      meanWaitSeconds: 3.169310923184648e-5,
      occupancy: 0.2999982780170095,
      meanQueueLength: 5.3877995408736085e-6,
    },
  ],
  [
    [17, 71.39999999999999, 600, 90, Infinity, 60],
    {
      offeredErlangs: 11.899999999999999,
      answerRate: 0.9748736549731329,
      abandonRate: 0.025126345026867072,
      blockRate: 0.0,
      probWait: 0.06766629430695151,
      serviceLevel: 0.9673296482927375,
      serviceLevelOfAnswered: 0.9922615544671751,
      serviceLevelExcludingShortAbandons: 0.98857322342485,
      asaSeconds: 1.5157443479506891,
      meanWaitSeconds: 2.261371052418036,
      occupancy: 0.682411558481193,
      meanQueueLength: 0.044850525872957715,
    },
  ],
  [
    [2, 11.76, 600, Infinity, 7, 60],
    {
      offeredErlangs: 1.96,
      answerRate: 0.9035723940088508,
      abandonRate: 0.0,
      blockRate: 0.09642760599114919,
      probWait: 0.7324020912517166,
      serviceLevel: 0.19334106123715705,
      serviceLevelOfAnswered: 0.2139740683968519,
      serviceLevelExcludingShortAbandons: 0.2139740683968519,
      asaSeconds: 953.0312628128489,
      meanWaitSeconds: 953.0312628128489,
      occupancy: 0.8855009461286738,
      meanQueueLength: 2.8130336163699416,
    },
  ],
  [
    [1000, 18000.0, 60, Infinity, 7, 1],
    {
      offeredErlangs: 300.0,
      answerRate: 1.0,
      abandonRate: 0.0,
      blockRate: 3.699258748795528e-225,
      probWait: 2.4158663014613406e-221,
      serviceLevel: 1.0,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 2.0685229888604432e-222,
      meanWaitSeconds: 2.0685229888604432e-222,
      occupancy: 0.3,
      meanQueueLength: 1.0342614944302216e-221,
    },
  ],
  [
    [60, 5400.0, 60, 600, Infinity, 60],
    {
      offeredErlangs: 90.0,
      answerRate: 0.6666666666666666,
      abandonRate: 0.3333333333333333,
      blockRate: 0.0,
      probWait: 1.0,
      serviceLevel: 1.3013155547647191e-15,
      serviceLevelOfAnswered: 1.9519733321470785e-15,
      serviceLevelExcludingShortAbandons: 1.4381761063654452e-15,
      asaSeconds: 242.77920375374893,
      meanWaitSeconds: 200.0,
      occupancy: 1.0,
      meanQueueLength: 300.0,
    },
  ],
  [
    [60, 6480.0, 30, 600, 7, 600],
    {
      offeredErlangs: 54.0,
      answerRate: 0.98176312086251,
      abandonRate: 0.0005812393839294937,
      blockRate: 0.017655639753560416,
      probWait: 0.19604414129758918,
      serviceLevel: 0.98176312086251,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.35438736427013157,
      meanWaitSeconds: 0.3550115870469367,
      occupancy: 0.8835868087762591,
      meanQueueLength: 0.6277385346438532,
    },
  ],
  [
    [17, 2244.0000000000005, 30, 600, 40, 0],
    {
      offeredErlangs: 18.700000000000003,
      answerRate: 0.9049014636322695,
      abandonRate: 0.06335497308247717,
      blockRate: 0.031743563285253275,
      probWait: 0.9428761646956164,
      serviceLevel: 0.025380272019130262,
      serviceLevelOfAnswered: 0.028047553285253834,
      serviceLevelExcludingShortAbandons: 0.026212345259737653,
      asaSeconds: 40.2711696502886,
      meanWaitSeconds: 39.259211101619684,
      occupancy: 0.9953916099954967,
      meanQueueLength: 23.694759932846466,
    },
  ],
  [
    [1, 16.036363636363635, 220, 5000, 7, 20],
    {
      offeredErlangs: 0.98,
      answerRate: 0.8551624064696084,
      abandonRate: 0.09966581331231977,
      blockRate: 0.045171780218071805,
      probWait: 0.7928873781221444,
      serviceLevel: 0.17632555668314068,
      serviceLevelOfAnswered: 0.20618955574891387,
      serviceLevelExcludingShortAbandons: 0.18527590888072054,
      asaSeconds: 523.5749551231539,
      meanWaitSeconds: 521.9044182370432,
      occupancy: 0.8380591583402162,
      meanQueueLength: 2.2198294783198493,
    },
  ],
  [
    [250, 4500.0, 600, 90, 0, 15],
    {
      offeredErlangs: 750.0,
      answerRate: 0.33267062335262115,
      abandonRate: 0.0,
      blockRate: 0.6673293766473789,
      probWait: 0.0,
      serviceLevel: 0.33267062335262115,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.0,
      meanWaitSeconds: 0.0,
      occupancy: 0.9980118700578634,
      meanQueueLength: 0.0,
    },
  ],
  [
    [17, 918.0, 60, Infinity, 7, 15],
    {
      offeredErlangs: 15.3,
      answerRate: 0.9629806994268897,
      abandonRate: 0.0,
      blockRate: 0.03701930057311036,
      probWait: 0.4037886063828441,
      serviceLevel: 0.8231495065773796,
      serviceLevelOfAnswered: 0.8547933588567981,
      serviceLevelExcludingShortAbandons: 0.8547933588567981,
      asaSeconds: 5.301682301402458,
      meanWaitSeconds: 5.301682301402458,
      occupancy: 0.8666826294842007,
      meanQueueLength: 1.3018815213396437,
    },
  ],
  [
    [5000, 300000.0, 180, 5000, 1, 15],
    {
      offeredErlangs: 15000.0,
      answerRate: 0.33332222587054333,
      abandonRate: 1.6000228178559332e-6,
      blockRate: 0.6666761741066388,
      probWait: 0.22222699139169746,
      serviceLevel: 0.33332222587054333,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.024000969236236985,
      meanWaitSeconds: 0.024001026832804646,
      occupancy: 0.9999666776116299,
      meanQueueLength: 0.6666761741066388,
    },
  ],
  [
    [2, 8.4, 600, 90, Infinity, 15],
    {
      offeredErlangs: 1.4000000000000001,
      answerRate: 0.74518453922367,
      abandonRate: 0.25481546077633,
      blockRate: 0.0,
      probWait: 0.3246529564092739,
      serviceLevel: 0.6879442294898606,
      serviceLevelOfAnswered: 0.9231863964952332,
      serviceLevelExcludingShortAbandons: 0.7232509465341407,
      asaSeconds: 6.828479548557117,
      meanWaitSeconds: 22.9333914698697,
      occupancy: 0.521629177456569,
      meanQueueLength: 0.053511246763029305,
    },
  ],
  [
    [5, 245.45454545454547, 220, Infinity, 40, 0],
    {
      offeredErlangs: 15.0,
      answerRate: 0.3333333333333333,
      abandonRate: 0.0,
      blockRate: 0.6666666666666666,
      probWait: 0.3333333333333333,
      serviceLevel: 2.4266083898646466e-20,
      serviceLevelOfAnswered: 7.27982516959394e-20,
      serviceLevelExcludingShortAbandons: 7.27982516959394e-20,
      asaSeconds: 1738.0,
      meanWaitSeconds: 1738.0,
      occupancy: 1.0,
      meanQueueLength: 39.5,
    },
  ],
  [
    [5000, 110000.0, 180, 5000, 0, 60],
    {
      offeredErlangs: 5500.0,
      answerRate: 0.9073453610371549,
      abandonRate: 0.0,
      blockRate: 0.09265463896284512,
      probWait: 0.0,
      serviceLevel: 0.9073453610371549,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.0,
      meanWaitSeconds: 0.0,
      occupancy: 0.9980798971408704,
      meanQueueLength: 0.0,
    },
  ],
  [
    [3000, 1080000.0, 30, Infinity, 0, 20],
    {
      offeredErlangs: 9000.0,
      answerRate: 0.3332778055301263,
      abandonRate: 0.0,
      blockRate: 0.6667221944698737,
      probWait: 0.0,
      serviceLevel: 0.3332778055301263,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.0,
      meanWaitSeconds: 0.0,
      occupancy: 0.9998334165903788,
      meanQueueLength: 0.0,
    },
  ],
  [
    [2, 12.0, 180, 5000, 7, 600],
    {
      offeredErlangs: 0.6,
      answerRate: 0.9966162826113891,
      abandonRate: 0.003370617797506812,
      blockRate: 1.309959110405995e-5,
      probWait: 0.1371990662961781,
      serviceLevel: 0.9956741010305221,
      serviceLevelOfAnswered: 0.9990546195187598,
      serviceLevelExcludingShortAbandons: 0.9990320776884609,
      asaSeconds: 16.49896788502149,
      meanWaitSeconds: 16.853309759000656,
      occupancy: 0.2989848847834167,
      meanQueueLength: 0.0561769632917802,
    },
  ],
  [
    [3000, 49090.90909090909, 220, 5000, 0, 0],
    {
      offeredErlangs: 3000.0,
      answerRate: 0.985573192805033,
      abandonRate: 0.0,
      blockRate: 0.014426807194967065,
      probWait: 0.0,
      serviceLevel: 0.985573192805033,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.0,
      meanWaitSeconds: 0.0,
      occupancy: 0.9855731928050329,
      meanQueueLength: 0.0,
    },
  ],
  [
    [3000, 198000.00000000003, 60, 600, Infinity, 20],
    {
      offeredErlangs: 3300.0000000000005,
      answerRate: 0.909090909090909,
      abandonRate: 0.09090909090909104,
      blockRate: 0.0,
      probWait: 1.0,
      serviceLevel: 9.792039076329652e-28,
      serviceLevelOfAnswered: 1.077124298396262e-27,
      serviceLevelExcludingShortAbandons: 1.01239413523512e-27,
      asaSeconds: 57.17610793815056,
      meanWaitSeconds: 54.545454545454625,
      occupancy: 1.0,
      meanQueueLength: 3000.000000000005,
    },
  ],
  [
    [1, 19.6, 180, 5, 40, 1],
    {
      offeredErlangs: 0.9800000000000001,
      answerRate: 0.5118083000899949,
      abandonRate: 0.4881916999100051,
      blockRate: 1.3267189178870052e-111,
      probWait: 0.501572134088195,
      serviceLevel: 0.5008868479912139,
      serviceLevelOfAnswered: 0.9786610492700867,
      serviceLevelExcludingShortAbandons: 0.5508378565350233,
      asaSeconds: 0.12805110929382385,
      meanWaitSeconds: 2.4409584995500255,
      occupancy: 0.501572134088195,
      meanQueueLength: 0.013289662941994584,
    },
  ],
  [
    [1000, 15545.454545454546, 220, Infinity, Infinity, 20],
    {
      offeredErlangs: 950.0,
      answerRate: 1.0,
      abandonRate: 0.0,
      blockRate: 0.0,
      probWait: 0.06825341537714157,
      serviceLevel: 0.9992754663485585,
      serviceLevelOfAnswered: 0.9992754663485585,
      serviceLevelExcludingShortAbandons: 0.9992754663485585,
      asaSeconds: 0.3003150276594231,
      meanWaitSeconds: 0.3003150276594231,
      occupancy: 0.9500000000000001,
      meanQueueLength: 1.2968148921656906,
    },
  ],
  [
    [1000, 60000.0, 60, 90, 7, 15],
    {
      offeredErlangs: 1000.0,
      answerRate: 0.9788349213909701,
      abandonRate: 0.0003907721797218422,
      blockRate: 0.020774306429308116,
      probWait: 0.14737010240068885,
      serviceLevel: 0.9788349213909701,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.035858406703612476,
      meanWaitSeconds: 0.0359156182337518,
      occupancy: 0.9788349213909701,
      meanQueueLength: 0.5861582695827633,
    },
  ],
  [
    [1000, 18000.0, 220, 5, Infinity, 0],
    {
      offeredErlangs: 1100.0,
      answerRate: 0.9048643217349256,
      abandonRate: 0.09513567826507441,
      blockRate: 0.0,
      probWait: 0.5062596469932258,
      serviceLevel: 0.49374035300677427,
      serviceLevelOfAnswered: 0.5456512552733983,
      serviceLevelExcludingShortAbandons: 0.49374035300677427,
      asaSeconds: 0.44740262325862873,
      meanWaitSeconds: 0.47567839132537204,
      occupancy: 0.9953507539084181,
      meanQueueLength: 2.37839195662686,
    },
  ],
  [
    [5000, 300000.0, 60, 120, Infinity, 60],
    {
      offeredErlangs: 5000.0,
      answerRate: 0.9953261554723234,
      abandonRate: 0.004673844527676598,
      blockRate: 0.0,
      probWait: 0.5873423857558884,
      serviceLevel: 0.9953261554723234,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.5599638796379642,
      meanWaitSeconds: 0.5608613433211918,
      occupancy: 0.9953261554723234,
      meanQueueLength: 46.73844527676598,
    },
  ],
  [
    [5000, 270000.0, 60, Infinity, Infinity, 60],
    {
      offeredErlangs: 4500.0,
      answerRate: 1.0,
      abandonRate: 0.0,
      blockRate: 0.0,
      probWait: 1.2918318078526586e-13,
      serviceLevel: 1.0,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 1.5501981694231906e-14,
      meanWaitSeconds: 1.5501981694231906e-14,
      occupancy: 0.9,
      meanQueueLength: 1.1626486270673929e-12,
    },
  ],
  [
    [3000, 372000.0, 30, 10, Infinity, 300],
    {
      offeredErlangs: 3100.0,
      answerRate: 0.966493517347355,
      abandonRate: 0.03350648265264497,
      blockRate: 0.0,
      probWait: 0.8260866356188671,
      serviceLevel: 0.966493517347355,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.33690469834475023,
      meanWaitSeconds: 0.3350648265264497,
      occupancy: 0.9987099679256002,
      meanQueueLength: 34.62336540773313,
    },
  ],
];

const params = ([
  agents,
  arrivalsPerHour,
  meanHandleSeconds,
  meanPatienceSeconds,
  waitingRoom,
  t,
]: Case[0]) => ({
  agents,
  arrivalsPerHour,
  meanHandleSeconds,
  meanPatienceSeconds,
  waitingRoom,
  answerWithinSeconds: t,
});

describe('queueMetrics against 50-digit references', () => {
  it.each(REFERENCE)('%j matches every field to 1e-11 relative', (input, expected) => {
    const got = queueMetrics(params(input));
    for (const [field, value] of Object.entries(expected)) {
      expect(rel(got[field as keyof typeof expected], value), field).toBeLessThan(1e-11);
    }
    expect(got.stable).toBe(true);
  });

  // mpmath 50 digits, test/reference/tagged_ctmc.py: linear solve of the 6-state chain and
  // expm of the tagged caller's absorbing chain (a third, independent method).
  it('matches a direct CTMC solve of the tagged caller (2 agents, 3 places)', () => {
    const got = queueMetrics({
      agents: 2,
      arrivalsPerHour: 90,
      meanHandleSeconds: 60,
      meanPatienceSeconds: 30,
      waitingRoom: 3,
      answerWithinSeconds: 15,
    });
    expect(rel(got.serviceLevel, 0.6970744915681563)).toBeLessThan(1e-13);
    expect(rel(got.answerRate, 0.774065188132717)).toBeLessThan(1e-13);
    expect(rel(got.serviceLevelExcludingShortAbandons, 0.8081960420053079)).toBeLessThan(1e-13);
    expect(rel(got.asaSeconds, 3.9665860296341093)).toBeLessThan(1e-13);
    expect(rel(got.meanWaitSeconds, 6.667450611476952)).toBeLessThan(1e-13);
    expect(rel(got.blockRate, 0.004739891158054889)).toBeLessThan(1e-13);
  });
});

describe('queueMetrics, published and exact values', () => {
  // Published example: 100 calls per 30 min, 3-min handle, 14 agents: P(wait) 0.17413 and
  // service level within 20 s 0.88835. Without abandonment every call is answered, so the
  // service level over offered and over answered calls coincide.
  it('reproduces the published Erlang C example', () => {
    const m = queueMetrics({
      agents: 14,
      arrivalsPerHour: 200,
      meanHandleSeconds: 180,
      answerWithinSeconds: 20,
    });
    expect(m.probWait).toBeCloseTo(0.17413, 5);
    expect(m.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(m.serviceLevelOfAnswered).toBeCloseTo(0.88835, 5);
  });

  // Exact: 200 calls/h x 180 s = 10 erlangs on 10 agents is at capacity, although lambda / mu
  // rounds to 9.999999999999998 in doubles: the queue must read as unstable, not as an ASA of 1e17 s.
  it('reads a load equal to the agents up to rounding as unstable', () => {
    const m = queueMetrics({
      agents: 10,
      arrivalsPerHour: 200,
      meanHandleSeconds: 180,
      answerWithinSeconds: 20,
    });
    expect(m.stable).toBe(false);
    expect(m.asaSeconds).toBe(Infinity);
    expect(m.answerRate).toBeCloseTo(1, 12);
  });

  // Exact, by hand: M/M/1 with rho = 1/2, mu = 1/60 s: C = 1/2, Wq = C / (mu - lambda) = 60 s,
  // P(W > 30) = 1/2 e^{-30/120}, Lq = rho^2 / (1 - rho) = 1/2.
  it('gives the M/M/1 closed forms', () => {
    const m = queueMetrics({
      agents: 1,
      arrivalsPerHour: 30,
      meanHandleSeconds: 60,
      answerWithinSeconds: 30,
    });
    expect(rel(m.probWait, 0.5)).toBeLessThan(1e-15);
    expect(rel(m.asaSeconds, 60)).toBeLessThan(1e-14);
    expect(rel(m.serviceLevel, 1 - 0.5 * Math.exp(-0.25))).toBeLessThan(1e-15);
    expect(rel(m.meanQueueLength, 0.5)).toBeLessThan(1e-14);
  });

  // Exact, by hand: one agent, one waiting place, patience rate theta, lambda = mu = theta = 1/60:
  // p0 : p1 : p2 = 1 : 1 : 1/2, so p = (2/5, 2/5, 1/5); a waiting caller is answered with
  // probability mu / (mu + theta) = 1/2.
  it('gives the M/M/1/1+M values worked by hand', () => {
    const m = queueMetrics({
      agents: 1,
      arrivalsPerHour: 60,
      meanHandleSeconds: 60,
      meanPatienceSeconds: 60,
      waitingRoom: 1,
      answerWithinSeconds: 0,
    });
    expect(rel(m.blockRate, 0.2)).toBeLessThan(1e-15);
    expect(rel(m.probWait, 0.4)).toBeLessThan(1e-15);
    expect(rel(m.answerRate, 0.6)).toBeLessThan(1e-15);
    expect(rel(m.abandonRate, 0.2)).toBeLessThan(1e-14);
    expect(rel(m.serviceLevel, 0.4)).toBeLessThan(1e-15); // t = 0: only those answered at once
    expect(rel(m.meanWaitSeconds, (0.4 * 30) / 0.8)).toBeLessThan(1e-14); // E[min] = 1/(mu+theta) = 30 s
  });

  it('equals Erlang B with no waiting room, for any patience', () => {
    for (const [c, perHour] of [
      [5, 120],
      [100, 1700],
      [2000, 32000],
    ] as const) {
      for (const patience of [Infinity, 45]) {
        const m = queueMetrics({
          agents: c,
          arrivalsPerHour: perHour,
          meanHandleSeconds: 225,
          meanPatienceSeconds: patience,
          waitingRoom: 0,
          answerWithinSeconds: 20,
        });
        const b = erlangB(c, (perHour * 225) / 3600);
        expect(rel(m.blockRate, b)).toBeLessThan(1e-12);
        expect(rel(m.answerRate, 1 - b)).toBeLessThan(1e-12);
        expect(m.probWait).toBe(0);
        expect(m.serviceLevel).toBe(m.answerRate);
      }
    }
  });

  it('tends to Erlang C as patience grows and as the room grows', () => {
    const base = { agents: 60, arrivalsPerHour: 900, meanHandleSeconds: 220, answerWithinSeconds: 20 };
    const c = queueMetrics(base);
    const patient = queueMetrics({ ...base, meanPatienceSeconds: 1e12 });
    const roomy = queueMetrics({ ...base, waitingRoom: 100_000 });
    expect(rel(c.probWait, erlangC(60, 55))).toBeLessThan(1e-13);
    for (const m of [patient, roomy]) {
      expect(rel(m.probWait, c.probWait)).toBeLessThan(1e-8);
      expect(rel(m.serviceLevel, c.serviceLevel)).toBeLessThan(1e-8);
      expect(rel(m.asaSeconds, c.asaSeconds)).toBeLessThan(1e-8);
    }
  });

  // Documented limits: unstable Erlang C gives stable: false, answerRate = agents / load, no NaN.
  it('reports an unstable Erlang C queue with its documented limits', () => {
    const m = queueMetrics({
      agents: 10,
      arrivalsPerHour: 250,
      meanHandleSeconds: 180,
      answerWithinSeconds: 20,
    });
    expect(m).toEqual({
      offeredErlangs: 12.5,
      answerRate: 0.8,
      abandonRate: 0,
      blockRate: 0,
      probWait: 1,
      serviceLevel: 0,
      serviceLevelOfAnswered: 0,
      serviceLevelExcludingShortAbandons: 0,
      asaSeconds: Infinity,
      meanWaitSeconds: Infinity,
      occupancy: 1,
      meanQueueLength: Infinity,
      stable: false,
    });
    const zero = queueMetrics({
      agents: 0,
      arrivalsPerHour: 0,
      meanHandleSeconds: 180,
      answerWithinSeconds: 20,
    });
    expect(zero.stable).toBe(false);
    expect(Object.values(zero).some((v) => Number.isNaN(v))).toBe(false);
  });

  it('with no arrivals, gives what a lone caller sees: answered at once', () => {
    const m = queueMetrics({
      agents: 3,
      arrivalsPerHour: 0,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 60,
      answerWithinSeconds: 20,
    });
    expect(m.answerRate).toBe(1);
    expect(m.serviceLevel).toBe(1);
    expect(m.probWait).toBe(0);
    expect(m.occupancy).toBe(0);
  });
});

const queueArbitrary = fc.record({
  agents: fc.integer({ min: 0, max: 400 }),
  arrivalsPerHour: fc.double({ min: 0, max: 20_000, noNaN: true }),
  meanHandleSeconds: fc.double({ min: 10, max: 1_000, noNaN: true }),
  meanPatienceSeconds: fc.oneof(fc.constant(Infinity), fc.double({ min: 1, max: 10_000, noNaN: true })),
  waitingRoom: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 200 })),
  answerWithinSeconds: fc.double({ min: 0, max: 600, noNaN: true }),
});

describe('queueMetrics properties', () => {
  it('never returns NaN; shares lie in [0, 1]; answer + abandon + block = 1 when stable', () => {
    fc.assert(
      fc.property(queueArbitrary, (q: QueueParams) => {
        const m = queueMetrics(q);
        for (const value of Object.values(m)) expect(Number.isNaN(value)).toBe(false);
        for (const share of [
          m.answerRate,
          m.abandonRate,
          m.blockRate,
          m.probWait,
          m.serviceLevel,
          m.serviceLevelOfAnswered,
          m.serviceLevelExcludingShortAbandons,
          m.occupancy,
        ]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        if (m.stable) {
          expect(Math.abs(m.answerRate + m.abandonRate + m.blockRate - 1)).toBeLessThan(1e-12);
          expect(m.serviceLevel).toBeLessThanOrEqual(m.answerRate);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Little's law on the queue: Lq = lambda (1 - blocked) W, with W the mean wait of admitted calls;
  // and carried load: occupancy x agents = offered erlangs x answer rate.
  it("satisfies Little's law and the carried-load identity", () => {
    fc.assert(
      fc.property(queueArbitrary, (q: QueueParams) => {
        const m = queueMetrics(q);
        fc.pre(m.stable && q.agents > 0 && q.arrivalsPerHour > 1e-3);
        const lambda = q.arrivalsPerHour / 3600;
        const little = lambda * (1 - m.blockRate) * m.meanWaitSeconds;
        expect(Math.abs(m.meanQueueLength - little)).toBeLessThanOrEqual(
          1e-10 * Math.max(m.meanQueueLength, 1e-250),
        );
        const carried = m.offeredErlangs * m.answerRate;
        expect(Math.abs(m.occupancy * q.agents - carried)).toBeLessThanOrEqual(1e-10 * carried + 1e-250);
      }),
      { numRuns: 300 },
    );
  });

  it('Erlang A: answer rate and service level rise, waits fall, as agents are added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: 5, max: 2_000, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        (c, erlangs, patience, t) => {
          const q = {
            arrivalsPerHour: erlangs * 18,
            meanHandleSeconds: 200,
            meanPatienceSeconds: patience,
            answerWithinSeconds: t,
          };
          const now = queueMetrics({ ...q, agents: c });
          const more = queueMetrics({ ...q, agents: c + 1 });
          expect(more.answerRate).toBeGreaterThanOrEqual(now.answerRate * (1 - 1e-12));
          expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel * (1 - 1e-12));
          expect(more.probWait).toBeLessThanOrEqual(now.probWait * (1 + 1e-12) + 1e-300);
          expect(more.abandonRate).toBeLessThanOrEqual(now.abandonRate * (1 + 1e-12) + 1e-300);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Erlang A and finite rooms: answer rate and service level fall as the load grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0.01, max: 400, noNaN: true }),
        fc.double({ min: 5, max: 2_000, noNaN: true }),
        fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 60 })),
        (c, erlangs, patience, room) => {
          const q = {
            agents: c,
            meanHandleSeconds: 200,
            meanPatienceSeconds: patience,
            waitingRoom: room,
            answerWithinSeconds: 20,
          };
          const now = queueMetrics({ ...q, arrivalsPerHour: erlangs * 18 });
          const more = queueMetrics({ ...q, arrivalsPerHour: erlangs * 18 * 1.05 });
          expect(more.answerRate).toBeLessThanOrEqual(now.answerRate * (1 + 1e-12));
          expect(more.serviceLevel).toBeLessThanOrEqual(now.serviceLevel * (1 + 1e-12));
          expect(more.blockRate).toBeGreaterThanOrEqual(now.blockRate * (1 - 1e-12));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never returns NaN at large scale (up to 5,000 agents and 6,000 erlangs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 5000 }),
        fc.double({ min: 0.5, max: 1.2, noNaN: true }),
        fc.oneof(fc.constant(Infinity), fc.double({ min: 10, max: 1_000, noNaN: true })),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (c, loadPerAgent, patience, t) => {
          const m = queueMetrics({
            agents: c,
            arrivalsPerHour: (c * loadPerAgent * 3600) / 180,
            meanHandleSeconds: 180,
            meanPatienceSeconds: patience,
            answerWithinSeconds: t,
          });
          for (const value of Object.values(m)) expect(Number.isNaN(value)).toBe(false);
          if (m.stable) expect(Math.abs(m.answerRate + m.abandonRate + m.blockRate - 1)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stays finite and accurate at 5,000 agents and 5,000 erlangs', () => {
    const m = queueMetrics({
      agents: 5000,
      arrivalsPerHour: 100_000,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 120,
      answerWithinSeconds: 20,
    });
    expect(m.stable).toBe(true);
    expect(Math.abs(m.answerRate + m.abandonRate - 1)).toBeLessThan(1e-13);
  });
});

describe('queueMetrics argument checks', () => {
  const ok: QueueParams = {
    agents: 5,
    arrivalsPerHour: 100,
    meanHandleSeconds: 180,
    answerWithinSeconds: 20,
  };
  it.each([
    [{ agents: 2.5 }, 'queueMetrics: agents must be a non-negative integer (got 2.5)'],
    [{ agents: -1 }, 'queueMetrics: agents must be a non-negative integer (got -1)'],
    [{ arrivalsPerHour: -3 }, 'queueMetrics: arrivalsPerHour must be a finite number >= 0 (got -3)'],
    [
      { arrivalsPerHour: Infinity },
      'queueMetrics: arrivalsPerHour must be a finite number >= 0 (got Infinity)',
    ],
    [{ meanHandleSeconds: 0 }, 'queueMetrics: meanHandleSeconds must be a finite number > 0 (got 0)'],
    [
      { meanPatienceSeconds: 0 },
      'queueMetrics: meanPatienceSeconds must be a number > 0 or Infinity (got 0)',
    ],
    [
      { meanPatienceSeconds: Number.NaN },
      'queueMetrics: meanPatienceSeconds must be a number > 0 or Infinity (got NaN)',
    ],
    [{ waitingRoom: 1.5 }, 'queueMetrics: waitingRoom must be a non-negative integer or Infinity (got 1.5)'],
    [{ waitingRoom: -1 }, 'queueMetrics: waitingRoom must be a non-negative integer or Infinity (got -1)'],
    [{ answerWithinSeconds: -1 }, 'queueMetrics: answerWithinSeconds must be a finite number >= 0 (got -1)'],
  ])('rejects %j', (bad, message) => {
    expect(() => queueMetrics({ ...ok, ...bad })).toThrow(RangeError);
    expect(() => queueMetrics({ ...ok, ...bad })).toThrow(message);
  });

  it('refuses, with a RangeError, a chain of more than 5 million states', () => {
    // Overloaded (A = 50 > 10 agents) with a mean patience of 1e12 s: about 2e11 callers would queue.
    expect(() =>
      queueMetrics({ ...ok, agents: 10, arrivalsPerHour: 1000, meanPatienceSeconds: 1e12 }),
    ).toThrow(/queueMetrics: the queue would hold about \d+ callers, beyond the 5000000 states/);
    // A huge room is fine while the queue is stable: its tail is cut at 1e-300.
    expect(queueMetrics({ ...ok, agents: 6, waitingRoom: 1e9 }).blockRate).toBe(0);
  });

  it('rejects a missing parameter object with a TypeError', () => {
    expect(() => queueMetrics(undefined as unknown as QueueParams)).toThrow(TypeError);
  });
});
