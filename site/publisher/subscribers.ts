/**
 * npm run subscribers -w site -- <command>: an operator answering a person's request about their
 * data (GDPR articles 15 and 17), without opening the database by hand.
 *
 *   export <address>   everything kept about the address, as JSON
 *   delete <address>   erases the address: its subscription and any unconfirmed sign-up
 *   count              how many subscribers, sign-ups and deliveries there are (no addresses)
 *
 * It reads the same file as the publisher (TABLICA_SUBSCRIPTIONS_DB, or the deploy directory's).
 */
import { existsSync } from 'node:fs';
import { deployTargetFromEnv } from './deploy/from-env.ts';
import { normaliseAddress } from './subscriptions/request.ts';
import { subscriptionsDatabaseFile } from './subscriptions/service.ts';
import { SubscriptionStore } from './subscriptions/store.ts';

const [command, given] = process.argv.slice(2);
const file = subscriptionsDatabaseFile(process.env, deployTargetFromEnv().stateDirectory);
if (!existsSync(file)) {
  console.error(`Tablica: no subscriptions are kept here yet (${file} does not exist).`);
  process.exit(command === 'count' ? 0 : 1);
}
const store = new SubscriptionStore(file);
try {
  if (command === 'count') {
    console.log(JSON.stringify(store.counts(), null, 2));
  } else if (command === 'export' || command === 'delete') {
    const address = normaliseAddress(given);
    if (!address) {
      console.error('Tablica: give one e-mail address, e.g. npm run subscribers -w site -- export name@example.org');
      process.exit(2);
    }
    if (command === 'export') console.log(JSON.stringify({ address, ...store.exportAddress(address) }, null, 2));
    else
      console.log(store.deleteAddress(address) ? 'Tablica: erased.' : 'Tablica: nothing was kept about that address.');
  } else {
    console.error('Tablica: use export <address>, delete <address> or count.');
    process.exit(2);
  }
} finally {
  store.close();
}
