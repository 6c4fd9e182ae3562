// Records that more than one loader needs: the curated seed and the Air Force importer both cite
// the Ivaniuk dataset and name the same three actors of every Russian air attack. One definition
// here, so the seed and an import never disagree about them.
import type { actors, sources } from '../src/db/schema.js';

type Curated<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'createdAt' | 'updatedAt'>;

export const SHARED_ACTOR_IDS = {
  russianArmedForces: 'act_russian_armed_forces',
  ukraine: 'act_ukraine',
  ukrainianAirForce: 'act_ukrainian_air_force',
} as const;

export const SHARED_SOURCE_IDS = {
  airForceDataset: 'src_ivaniuk_missile_attacks',
} as const;

export const RUSSIAN_ARMED_FORCES: Curated<typeof actors> = {
  id: SHARED_ACTOR_IDS.russianArmedForces,
  name: 'Armed Forces of the Russian Federation',
  kind: 'armed_force',
  country: 'RU',
  description: null,
};

export const UKRAINE: Curated<typeof actors> = {
  id: SHARED_ACTOR_IDS.ukraine,
  name: 'Ukraine',
  kind: 'state',
  country: 'UA',
  description: null,
};

export const UKRAINIAN_AIR_FORCE: Curated<typeof actors> = {
  id: SHARED_ACTOR_IDS.ukrainianAirForce,
  name: 'Ukrainian Air Force',
  kind: 'armed_force',
  country: 'UA',
  description: 'Runs Ukraine’s air defence and reports each night’s attacks.',
};

export const SHARED_ACTORS = [RUSSIAN_ARMED_FORCES, UKRAINE, UKRAINIAN_AIR_FORCE];

/** Petro Ivaniuk's compilation of the Air Force's reports: the `via` of every figure read from it. */
export const AIR_FORCE_DATASET_SOURCE: Curated<typeof sources> = {
  id: SHARED_SOURCE_IDS.airForceDataset,
  kind: 'dataset',
  publisher: 'Petro Ivaniuk (Kaggle)',
  title: 'Massive Missile Attacks on Ukraine (missile_attacks_daily.csv)',
  url: 'https://www.kaggle.com/datasets/piterfm/massive-missile-attacks-on-ukraine',
  reference: 'missile_attacks_daily.csv',
  publishedAt: null,
  notes: 'Ukrainian Air Force reports of Russian missile and drone attacks, one row per attack window and weapon model. Licence not confirmed.',
};

export const SHARED_SOURCES = [AIR_FORCE_DATASET_SOURCE];
