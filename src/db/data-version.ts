// The record's change counter (migration 0003): triggers on every table of the record bump it in
// the transaction that writes, so anything derived from a read stays valid exactly as long as the
// counter has not moved. Read it before deriving, and compare before reusing.
import type { Db } from './client.js';
import { preparedPer } from './prepared.js';

const versionStatement = preparedPer((db) => db.$client.prepare('SELECT version FROM data_version WHERE id = 1'));

export function dataVersion(db: Db): number {
  return (versionStatement(db).pluck().get() as number | undefined) ?? 0;
}
