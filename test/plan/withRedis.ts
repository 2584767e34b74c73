import { describe } from 'vitest';
import { redisAvailable, UNDER_CI } from '../bench/redisServer.js';

export { freePort, startRedis, type RedisServer } from '../bench/redisServer.js';

/** `describe`, or `describe.skip` where redis-server is absent and CI is not set (under CI=true a missing server fails the suite). */
export const describeWithRedis = redisAvailable || UNDER_CI ? describe : describe.skip;
