// `npm run import:airforce -- <path> [--catalogue <path>]`: imports a file in the format of the
// Air Force dataset (missile_attacks_daily.csv) into DATABASE_URL, migrating it and loading the
// seed dataset first. Prints a summary; a progress bar only when stderr is a terminal.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { seedDatabase } from '../seed/seed.js';
import { loadConfig } from '../src/config.js';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { formatSummary, importAirForce } from './importer/import-airforce.js';
import { sha256Of } from './importer/import-history.js';
import { AirForceFormatError } from './importer/rows.js';
import { CatalogueError } from './importer/weapons.js';
import { CliError, runCli } from './cli.js';

const USAGE = 'usage: npm run import:airforce -- <attacks.csv> [--catalogue <missiles_and_uavs.csv>]';
const DEFAULT_CATALOGUE = 'missiles_and_uavs.csv';

function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

const readText = (path: string, what: string) => readBytes(path, what).toString('utf8');

await runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { catalogue: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return;
  }
  const [attacksPath, ...extra] = parsed.positionals;
  if (!attacksPath || extra.length) throw new CliError(USAGE);
  // The dataset ships its weapon catalogue beside the attacks file.
  const besideInput = join(dirname(attacksPath), DEFAULT_CATALOGUE);
  const cataloguePath = parsed.values.catalogue ?? (existsSync(besideInput) ? besideInput : null);

  const config = loadConfig();
  // The revisions name the file and its SHA-256, so the file an import came from can be told apart.
  const attacksBytes = readBytes(attacksPath, 'attacks file');
  const attacksCsv = attacksBytes.toString('utf8');
  const catalogueCsv = cataloguePath === null ? null : readText(cataloguePath, 'weapon catalogue');

  const handle = openDatabase(config.databaseUrl);
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: 'importing |{bar}| {value}/{total} events', hideCursor: true, clearOnComplete: true }, Presets.shades_classic)
    : null;
  let barStarted = false;
  try {
    migrateDatabase(handle.db);
    // The server seeds at every start, and only an import that comes after the seed adopts the
    // seed's Kyiv strike; seeded after the import, the strike's night would be a second event and
    // its figures counted twice. Loading the (idempotent) seed here makes the order irrelevant.
    const seed = await seedDatabase(handle.db);
    const summary = importAirForce(
      handle.db,
      { attacksCsv, catalogueCsv, fileName: basename(attacksPath), sha256: sha256Of(attacksBytes) },
      {
        onProgress: bar
          ? (done, total) => {
              if (!barStarted) bar.start(total, 0);
              barStarted = true;
              bar.update(done);
            }
          : undefined,
      },
    );
    if (barStarted) bar?.stop();
    console.log(`Imported ${attacksPath} into ${config.databaseUrl} (weapon catalogue: ${cataloguePath ?? 'none'})`);
    console.log(`seed dataset:       ${seed.inserted} records inserted first, ${seed.unchanged} already present`);
    console.log(formatSummary(summary));
  } catch (error) {
    if (barStarted) bar?.stop();
    if (error instanceof AirForceFormatError) throw new CliError(`${attacksPath}: ${error.message}`);
    if (error instanceof CatalogueError) throw new CliError(`${cataloguePath}: ${error.message}`);
    throw error;
  } finally {
    handle.close();
  }
});
