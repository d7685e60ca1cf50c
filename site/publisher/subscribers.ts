/**
 * npm run subscribers -w site -- <command>: an operator answering a person's request about their
 * data (GDPR articles 15 and 17), without opening the database by hand.
 *
 *   export <address>   everything kept about the address, as JSON
 *   delete <address>   erases the address: its subscription and any unconfirmed sign-up
 *   delete-push <endpoint>
 *                      erases a browser's push subscription by its endpoint, the only thing that
 *                      identifies one (the page's own "turn off" button does the same from the browser)
 *   count              how many subscribers, sign-ups and deliveries there are (no addresses)
 *
 * It reads the same store as the publisher (TABLICA_SUBSCRIPTIONS_DB — a SQLite file or a
 * postgres:// URL — or the deploy directory's file).
 */
import { existsSync } from 'node:fs';
import { deployTargetFromEnv } from './deploy/from-env.ts';
import { isPostgresUrl, openSubscriptionStore } from './subscriptions/open-store.ts';
import { normaliseAddress } from './subscriptions/request.ts';
import { subscriptionsDatabase } from './subscriptions/service.ts';

const [command, given] = process.argv.slice(2);
const database = subscriptionsDatabase(process.env, deployTargetFromEnv().stateDirectory);
if (!isPostgresUrl(database) && !existsSync(database)) {
  console.error(`Tablica: no subscriptions are kept here yet (${database} does not exist).`);
  process.exit(command === 'count' ? 0 : 1);
}
const store = await openSubscriptionStore(database);
try {
  if (command === 'count') {
    console.log(JSON.stringify(await store.counts(), null, 2));
  } else if (command === 'export' || command === 'delete') {
    const address = normaliseAddress(given);
    if (!address) {
      console.error('Tablica: give one e-mail address, e.g. npm run subscribers -w site -- export name@example.org');
      process.exit(2);
    }
    if (command === 'export')
      console.log(JSON.stringify({ address, ...(await store.exportAddress(address)) }, null, 2));
    else
      console.log(
        (await store.deleteAddress(address)) ? 'Tablica: erased.' : 'Tablica: nothing was kept about that address.',
      );
  } else if (command === 'delete-push' && /^https?:\/\//.test(given ?? '')) {
    console.log(
      (await store.deletePushSubscriber({ endpoint: given }))
        ? 'Tablica: erased.'
        : 'Tablica: no push subscription with that endpoint is kept.',
    );
  } else {
    console.error('Tablica: use export <address>, delete <address>, delete-push <endpoint> or count.');
    process.exit(2);
  }
} finally {
  await store.close();
}
