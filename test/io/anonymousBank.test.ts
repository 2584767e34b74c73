import { describe, expect, it } from 'vitest';
import type { InputError } from '../../sim/core/errors.js';
import { parseAnonymousBankCalls } from '../../sim/io/anonymousBank.js';
import { parseLocalDateTime } from '../../sim/io/table.js';
import { bankCalls, describeBankData } from './bankData.js';

const HEADER =
  'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
// Rows copied from calls-1999-02.tsv (the first three), plus edited copies for the other rules.
const SAMPLE = [
  HEADER,
  'AA0101\t34536\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\tAGENT\t7:02:55\t7:05:41\t166\tDORIT',
  'AA0101\t34537\t0\t0\tPS\t990201\t7:31:45\t7:31:55\t10\t0:00:00\t0:00:00\t0\tAGENT\t7:31:54\t7:31:59\t5\tNO_SERVER',
  'AA0101\t34539\t23317894\t2\tPS\t990201\t8:09:16\t8:09:22\t6\t8:09:22\t8:09:27\t5\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER',
  'AA0101\t34540\t48178511\t2\tPS\t990201\t8:19:42\t8:19:47\t5\t8:19:47\t8:20:21\t34\tAGENT\t8:20:20\t8:22:04\t104\tMICHAL',
  'AA0101\t34645\t24442634\t2\tPS\t990202\t13:13:33\t13:13:42\t9\t13:13:42\t13:14:12\t30\tPHANTOM\t13:13:40\t13:14:18\t38\tNO_SERVER',
  'AA0101\t99001\t0\t1\tNW\t990201\t9:00:00\t9:00:08\t8\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER',
  'AA0101\t99002\t0\t1\tNW\t990201\t23:59:50\t0:00:05\t15\t0:00:05\t0:00:45\t40\tAGENT\t0:00:45\t0:02:00\t75\tTOVA',
  // row 31056 of the file (15 Feb): joined the queue at exactly midnight and waited 27 s
  'AA0102\t31056\t15696776\t2\tPS\t990201\t23:59:54\t23:59:54\t0\t0:00:00\t0:00:27\t27\tAGENT\t0:00:26\t0:01:33\t67\tAVNI',
].join('\r\n');

describe('parseAnonymousBankCalls', () => {
  const feb1 = parseLocalDateTime('1999-02-01')!;

  it('keeps queued calls, leaves out phantoms and menu hang-ups, and counts them', () => {
    const bank = parseAnonymousBankCalls(SAMPLE, 'bank.tsv');
    expect(bank).toMatchObject({
      rows: 8,
      phantom: 1,
      abandonedInMenu: 1,
      answered: 5,
      abandoned: 1,
      answeredWithoutAgent: 1,
    });
    expect(bank.records).toEqual([
      {
        callId: '34536',
        row: 2,
        arrivalSeconds: feb1 + 25_376,
        waitSeconds: 0,
        outcome: 'answered',
        handleSeconds: 166,
        agentId: 'DORIT',
        priority: 0,
        callClass: 'PS',
      },
      {
        callId: '34537',
        row: 3,
        arrivalSeconds: feb1 + 27_115,
        waitSeconds: 0,
        outcome: 'answered',
        handleSeconds: 5,
        priority: 0,
        callClass: 'PS',
      },
      {
        callId: '34539',
        row: 4,
        arrivalSeconds: feb1 + 29_362,
        waitSeconds: 5,
        outcome: 'abandoned',
        priority: 2,
        callClass: 'PS',
      },
      {
        callId: '34540',
        row: 5,
        arrivalSeconds: feb1 + 29_987,
        waitSeconds: 34,
        outcome: 'answered',
        handleSeconds: 104,
        agentId: 'MICHAL',
        priority: 2,
        callClass: 'PS',
      },
      // entered the menu at 23:59:50 and the queue at 0:00:05: the next day
      {
        callId: '99002',
        row: 8,
        arrivalSeconds: feb1 + 86_405,
        waitSeconds: 40,
        outcome: 'answered',
        handleSeconds: 75,
        agentId: 'TOVA',
        priority: 1,
        callClass: 'NW',
      },
      // q_start 0:00:00 with a wait: queued at midnight, not answered from the menu at 23:59:54
      {
        callId: '31056',
        row: 9,
        arrivalSeconds: feb1 + 86_400,
        waitSeconds: 27,
        outcome: 'answered',
        handleSeconds: 67,
        agentId: 'AVNI',
        priority: 2,
        callClass: 'PS',
      },
    ]);
  });

  it('leaves out a hang-up with no wait (not offered), and reports times out of order', () => {
    const zeroWait =
      'AA0101\t99003\t0\t0\tPS\t990201\t9:10:00\t9:10:08\t8\t9:10:08\t9:10:08\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER';
    const bank = parseAnonymousBankCalls(`${SAMPLE}\r\n${zeroWait}`, 'bank.tsv');
    expect(bank).toMatchObject({ rows: 9, abandonedInMenu: 2, abandoned: 1 });
    const queueBackwards = SAMPLE.replace('8:19:47\t8:20:21\t34', '8:19:47\t8:19:21\t34');
    const serviceBackwards = SAMPLE.replace('7:02:55\t7:05:41\t166', '7:02:55\t7:01:41\t166');
    try {
      parseAnonymousBankCalls(`${queueBackwards}\r\n${serviceBackwards.split('\r\n')[1]}`, 'bank.tsv');
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues.map((i) => `${i.row} ${i.column}: ${i.message}`)).toEqual([
        '5 q_exit: is out of order: q_exit 8:19:21 - q_start 8:19:47 must equal q_time 34 s',
        '10 ser_exit: is out of order: ser_exit 7:01:41 - ser_start 7:02:55 must equal ser_time 166 s',
      ]);
    }
  });

  it('reports unreadable rows and a wrong header', () => {
    const broken = SAMPLE.replace('\t990201\t7:02:47', '\t990230\t7:02:47')
      .replace('\t5\tHANG', '\tfive\tHANG')
      .replace('\tPHANTOM', '\tLOST');
    try {
      parseAnonymousBankCalls(broken, 'bank.tsv');
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues.map((i) => `${i.row} ${i.column}: ${i.message}`)).toEqual([
        '2 date: must be a date YYMMDD (got "990230")',
        '4 q_time: must be an integer >= 0 s (got "five")',
        '6 outcome: must be one of AGENT, HANG, PHANTOM (got "LOST")',
      ]);
    }
    expect(() => parseAnonymousBankCalls(SAMPLE.replace('q_time', 'qtime'), 'bank.tsv')).toThrow(
      'qtime: unknown column "qtime" (did you mean "q_time"?)',
    );
  });
});

describeBankData('the Anonymous Bank, February 1999 (real data)', () => {
  // Counts by awk over the file: 33,344 rows; outcome PHANTOM 278, AGENT 27,162, HANG 5,904,
  // of which 1,941 HANG rows have q_start 0:00:00 (hung up in the voice menu) and 31 more
  // have q_time 0 (hung up as they joined the queue): 1,972 never waited; 3,932 offered.
  it('reads every row and accounts for each one', () => {
    const bank = bankCalls();
    expect(bank).toMatchObject({
      rows: 33_344,
      phantom: 278,
      abandonedInMenu: 1_972,
      answered: 27_162,
      abandoned: 3_932,
    });
    expect(bank.records.length + bank.phantom + bank.abandonedInMenu).toBe(bank.rows);
    // 491 AGENT rows have server NO_SERVER (awk)
    expect(bank.answeredWithoutAgent).toBe(491);
    const first = Math.min(...bank.records.map((r) => r.arrivalSeconds));
    expect(first).toBeGreaterThanOrEqual(parseLocalDateTime('1999-02-01')!);
    expect(Math.max(...bank.records.map((r) => r.arrivalSeconds))).toBeLessThan(
      parseLocalDateTime('1999-03-01')!,
    );
  });
});
