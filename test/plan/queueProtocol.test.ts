import { describe, expect, it } from 'vitest';
import {
  clientNamePart,
  decodePayload,
  encodePayload,
  parseQueueUrl,
  readScenarioPayload,
  scenarioPayload,
} from '../../sim/plan/queueProtocol.js';
import { runReplication } from '../../sim/plan/runReplication.js';
import { twoDayScenario } from './fixtures.js';

describe('queue URLs', () => {
  it('accepts redis:// and rediss:// with a host, and hides a password when shown', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6379')).toEqual({
      url: 'redis://127.0.0.1:6379',
      shown: 'redis://127.0.0.1:6379',
    });
    expect(parseQueueUrl('redis://cache').shown).toBe('redis://cache');
    expect(parseQueueUrl('rediss://user:s3cret@cache.example:6380/2').shown).toBe(
      'rediss://user:***@cache.example:6380/2',
    );
    expect(parseQueueUrl('redis://:s3cret@10.0.0.5:6379/0').url).toBe('redis://:s3cret@10.0.0.5:6379/0');
  });

  it('rejects anything else, saying what is wrong and quoting it', () => {
    const cases: [string, string][] = [
      ['localhost:6379', 'queue URL must start with redis:// or rediss:// (got "localhost:6379")'],
      ['http://cache:6379', 'queue URL must start with redis:// or rediss:// (got "http://cache:6379")'],
      ['redis:6379', 'queue URL names no host (got "redis:6379")'],
      [
        'redis://cache:99999',
        'queue URL must be redis://HOST:PORT such as redis://127.0.0.1:6379 (got "redis://cache:99999")',
      ],
      ['redis://cache:0', 'queue URL: port 0 is not a port (got "redis://cache:0")'],
      [
        'redis://cache:6379/jobs',
        'queue URL: the path must be a database number such as /0 (got "redis://cache:6379/jobs")',
      ],
      ['redis://cache:6379/?db=1', 'queue URL takes no ?query or #fragment (got "redis://cache:6379/?db=1")'],
      ['', 'queue URL must be redis://HOST:PORT such as redis://127.0.0.1:6379 (got "")'],
    ];
    for (const [text, message] of cases) expect(() => parseQueueUrl(text), text).toThrow(message);
    expect(() => parseQueueUrl('redis://')).toThrow(RangeError);
  });
});

describe('what travels through Redis', () => {
  it('a run comes back as the structured clone a worker thread posts: -0, Infinity, NaN and undefined kept', () => {
    const odd = {
      zero: -0,
      big: Infinity,
      small: -Infinity,
      nan: Number.NaN,
      missing: undefined,
      list: [1, undefined, 3],
    };
    const back = decodePayload(encodePayload(odd)) as typeof odd;
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(back).toStrictEqual(odd);
    expect('missing' in back).toBe(true);
    const run = runReplication(twoDayScenario, 7, 2, true);
    expect(decodePayload(encodePayload(run))).toStrictEqual(run);
    // JSON would not do: it turns -0 into 0 and Infinity into null.
    expect(JSON.parse(JSON.stringify(odd))).not.toStrictEqual(odd);
  });

  it('a scenario is stored under the SHA-256 of its bytes, and read back only under that hash', () => {
    const { hash, bytes } = scenarioPayload(twoDayScenario);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioPayload({ ...twoDayScenario }).hash).toBe(hash);
    expect(scenarioPayload({ ...twoDayScenario, days: 1 }).hash).not.toBe(hash);
    expect(readScenarioPayload(bytes, hash)).toStrictEqual(twoDayScenario);
    const other = scenarioPayload({ ...twoDayScenario, days: 1 }).hash;
    expect(() => readScenarioPayload(bytes, other)).toThrow(
      `the scenario stored under ${other.slice(0, 12)} does not have that hash`,
    );
  });

  it('a client name keeps letters, digits and ._+@- and nothing else', () => {
    expect(clientNamePart('my host 1-42@0.1.0+ab12')).toBe('my_host_1-42@0.1.0+ab12');
  });
});
