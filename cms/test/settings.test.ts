import { afterEach, describe, expect, test } from 'vitest';
import { bootStrapi } from './helpers/boot-strapi.mts';

/**
 * An operator's typo in a number setting stops the CMS at start, naming the setting. Strapi's
 * env.int read "0" and "co 5 s" (NaN) as a timer firing every millisecond: the scheduler of
 * every instance would have queried the database a thousand times a second.
 */
describe('number settings of the CMS', () => {
  const set: string[] = [];
  afterEach(() => {
    // bootStrapi writes the settings into this process's environment: the next boot must not see them.
    for (const name of set.splice(0)) delete process.env[name];
  });

  test.each([
    ['TABLICA_SCHEDULER_INTERVAL_SECONDS', '0', 'a number of seconds above 0 (such as 30)'],
    ['TABLICA_WEBHOOK_INTERVAL_SECONDS', 'co 5 s', 'a number of seconds above 0 (such as 5)'],
    ['PORT', '1337a', 'a port number from 0 to 65535 (such as 1337)'],
  ])('%s=%s stops the CMS at start, naming the setting and what it takes', async (name, value, takes) => {
    set.push(name);
    await expect(bootStrapi({ env: { [name]: value } })).rejects.toThrow(`${name} must be ${takes}, not "${value}"`);
  });
});
