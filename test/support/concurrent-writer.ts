// A second process writing to the same SQLite file as the test: issues the certificates of the
// given verifications all at once (each a transaction that reads before it writes: duplicate
// check, log index, audit head), then prints how many it issued. Used by
// test/cli/serve-workers.test.ts.
//   node --import tsx test/support/concurrent-writer.ts <sqlite file> <key dir> <start at, epoch ms> <verification id>…
import { createContext } from '../../src/services/context.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { SYSTEM, TEST_NOW } from './dialects.ts';

const [file, keyDir, startAt, ...ids] = process.argv.slice(2);
const ctx = await createContext({ databaseUrl: `sqlite:${file}`, keyDir, clock: fixedClock(TEST_NOW) });
try {
  // Both writers start together, whatever their start-up took.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const issued = await Promise.all(ids.map((id) => ctx.certificates.issue(SYSTEM, Number(id))));
  process.stdout.write(`${issued.length}\n`);
} finally {
  await ctx.close();
}
