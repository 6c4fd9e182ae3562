// `npm run seed:synthetic -- --events <N> --db <path> [--seed <int>] [--force]`: writes a
// deterministic synthetic war record of N events into a new SQLite file, for benchmarks and
// load tests. Same seed and N, same rows.
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION } from './synthetic/generate.js';
import { SyntheticTargetNotEmptyError, writeSyntheticDatabase } from './synthetic/write.js';
import { runCli } from './cli.js';

const USAGE = 'Usage: npm run seed:synthetic -- --events <N> --db <path> [--seed <int>] [--force]';

/** A mistake in how the script was called: printed as one line, exit code 1. */
class UsageError extends Error {}

function integerOption(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const parsed = Number(value?.replaceAll('_', ''));
  if (value === undefined || value === '' || !Number.isSafeInteger(parsed)) throw new UsageError(`--${name} must be an integer. ${USAGE}`);
  return parsed;
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        events: { type: 'string' },
        db: { type: 'string' },
        seed: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  const events = integerOption('events', values.events);
  if (events < 1) throw new UsageError(`--events must be at least 1. ${USAGE}`);
  if (!values.db) throw new UsageError(`--db is required. ${USAGE}`);
  return { events, db: values.db, seed: integerOption('seed', values.seed, 1), force: values.force ?? false };
}

await runCli(async () => {
  let options;
  try {
    options = parseOptions();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
    return;
  }
  const { events, db, seed, force } = options;
  console.log(`Generating ${events.toLocaleString('en')} synthetic events (seed ${seed}, generator v${GENERATOR_VERSION}) into ${db}`);
  let lastPrint = 0;
  try {
    const summary = writeSyntheticDatabase({
      path: db,
      events,
      seed,
      force,
      onProgress: ({ phase, events: done, total, elapsedMs }) => {
        if (phase === 'finishing') {
          console.log(`  all rows written, finishing the file (${(elapsedMs / 1000).toFixed(1)} s)`);
          return;
        }
        if (done < total && elapsedMs - lastPrint < 1000) return;
        lastPrint = elapsedMs;
        const rate = Math.round(done / (elapsedMs / 1000));
        console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} events  ${(elapsedMs / 1000).toFixed(1)} s  ${rate.toLocaleString('en')} events/s`);
      },
    });
    const rows = Object.entries(summary.rows)
      .map(([table, count]) => `${table} ${count.toLocaleString('en')}`)
      .join(', ');
    console.log(`Rows: ${rows}`);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const { migrate, rows: own, fullText, helperRows, helperWait, merge, finish } = summary.phases;
    console.log(
      `Phases: migrate ${seconds(migrate)}, rows ${seconds(own)}, full-text index ${seconds(fullText)}` +
        (helperRows > 0 ? ` (helper thread: ${seconds(helperRows)}), waiting for the helper ${seconds(helperWait)}, copying its tables in ${seconds(merge)}` : '') +
        `, finishing ${seconds(finish)}`,
    );
    console.log(
      `Wrote ${summary.events.toLocaleString('en')} events to ${summary.path} in ${(summary.elapsedMs / 1000).toFixed(2)} s: ` +
        `${Math.round(summary.eventsPerSecond).toLocaleString('en')} events/s`,
    );
  } catch (error) {
    if (!(error instanceof SyntheticTargetNotEmptyError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
});
