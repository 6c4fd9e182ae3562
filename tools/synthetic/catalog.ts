// The fixed cast of the synthetic dataset: actors, the source channels and news outlets it cites,
// and the weapons it counts. Outlet names are invented; every synthetic source says in its notes
// that it is not a real publication.
import type { ActorKind, AssetCategory, EventKind, SourceKind, WeaponCategory } from '../../src/domain/vocabulary.js';

export type ActorSpec = { slug: string; name: string; kind: ActorKind; country: string | null; description: string | null };

/** Ids are `act_syn_<slug>`; slugs never change between generator versions. */
export const ACTORS = [
  { slug: 'russian_armed_forces', name: 'Armed Forces of the Russian Federation', kind: 'armed_force', country: 'RU', description: null },
  { slug: 'russian_aerospace_forces', name: 'Russian Aerospace Forces', kind: 'armed_force', country: 'RU', description: 'Launches Russia’s cruise missiles, guided bombs and long-range drones.' },
  { slug: 'russian_ground_forces', name: 'Russian Ground Forces', kind: 'armed_force', country: 'RU', description: null },
  { slug: 'black_sea_fleet', name: 'Black Sea Fleet', kind: 'armed_force', country: 'RU', description: 'Fires Kalibr cruise missiles from ships and submarines.' },
  { slug: 'armed_forces_of_ukraine', name: 'Armed Forces of Ukraine', kind: 'armed_force', country: 'UA', description: null },
  { slug: 'ukrainian_air_force', name: 'Ukrainian Air Force', kind: 'armed_force', country: 'UA', description: 'Runs Ukraine’s air defence and reports each night’s attacks.' },
  { slug: 'ukrainian_ground_forces', name: 'Ukrainian Ground Forces', kind: 'armed_force', country: 'UA', description: null },
  { slug: 'national_guard_of_ukraine', name: 'National Guard of Ukraine', kind: 'armed_force', country: 'UA', description: null },
  { slug: 'russia', name: 'Russia', kind: 'state', country: 'RU', description: null },
  { slug: 'ukraine', name: 'Ukraine', kind: 'state', country: 'UA', description: null },
  { slug: 'united_states', name: 'United States', kind: 'state', country: 'US', description: null },
  { slug: 'germany', name: 'Germany', kind: 'state', country: 'DE', description: null },
  { slug: 'united_kingdom', name: 'United Kingdom', kind: 'state', country: 'GB', description: null },
  { slug: 'france', name: 'France', kind: 'state', country: 'FR', description: null },
  { slug: 'poland', name: 'Poland', kind: 'state', country: 'PL', description: null },
  { slug: 'turkey', name: 'Türkiye', kind: 'state', country: 'TR', description: null },
  { slug: 'belarus', name: 'Belarus', kind: 'state', country: 'BY', description: null },
  { slug: 'iran', name: 'Iran', kind: 'state', country: 'IR', description: null },
  { slug: 'north_korea', name: 'North Korea', kind: 'state', country: 'KP', description: null },
  { slug: 'european_union', name: 'European Union', kind: 'organisation', country: null, description: null },
  { slug: 'nato', name: 'NATO', kind: 'coalition', country: null, description: null },
  { slug: 'g7', name: 'G7', kind: 'coalition', country: null, description: null },
  { slug: 'ramstein_group', name: 'Ukraine Defense Contact Group', kind: 'coalition', country: null, description: 'The “Ramstein” group coordinating military aid to Ukraine.' },
  { slug: 'united_nations', name: 'United Nations', kind: 'organisation', country: null, description: null },
  { slug: 'iaea', name: 'International Atomic Energy Agency', kind: 'organisation', country: null, description: null },
  { slug: 'icrc', name: 'International Committee of the Red Cross', kind: 'organisation', country: null, description: null },
  { slug: 'kremlin', name: 'Kremlin', kind: 'government_body', country: 'RU', description: 'The Russian presidency and its administration.' },
  { slug: 'russian_mod', name: 'Ministry of Defence of the Russian Federation', kind: 'government_body', country: 'RU', description: null },
  { slug: 'office_of_the_president_of_ukraine', name: 'Office of the President of Ukraine', kind: 'government_body', country: 'UA', description: null },
  { slug: 'ukrainian_mfa', name: 'Ministry of Foreign Affairs of Ukraine', kind: 'government_body', country: 'UA', description: null },
  { slug: 'us_department_of_defense', name: 'US Department of Defense', kind: 'government_body', country: 'US', description: null },
  { slug: 'volodymyr_zelenskyy', name: 'Volodymyr Zelenskyy', kind: 'person', country: 'UA', description: 'President of Ukraine.' },
  { slug: 'vladimir_putin', name: 'Vladimir Putin', kind: 'person', country: 'RU', description: 'President of Russia.' },
  { slug: 'joe_biden', name: 'Joe Biden', kind: 'person', country: 'US', description: 'President of the United States until 20 January 2025.' },
  { slug: 'donald_trump', name: 'Donald Trump', kind: 'person', country: 'US', description: 'President of the United States from 20 January 2025.' },
  { slug: 'sergey_lavrov', name: 'Sergey Lavrov', kind: 'person', country: 'RU', description: 'Foreign minister of Russia.' },
  { slug: 'recep_tayyip_erdogan', name: 'Recep Tayyip Erdoğan', kind: 'person', country: 'TR', description: 'President of Türkiye.' },
  { slug: 'emmanuel_macron', name: 'Emmanuel Macron', kind: 'person', country: 'FR', description: 'President of France.' },
  { slug: 'antonio_guterres', name: 'António Guterres', kind: 'person', country: null, description: 'Secretary-General of the United Nations.' },
  { slug: 'rafael_grossi', name: 'Rafael Grossi', kind: 'person', country: null, description: 'Director General of the IAEA.' },
] as const satisfies readonly ActorSpec[];

export type ActorSlug = (typeof ACTORS)[number]['slug'];
export const actorId = (slug: ActorSlug) => `act_syn_${slug}`;

/** Event kinds with their share of the dataset: a war's record is mostly strikes and shelling. */
export const KIND_WEIGHTS: ReadonlyArray<readonly [EventKind, number]> = [
  ['aerial_attack', 42],
  ['shelling', 38],
  ['ground_attack', 9],
  ['statement', 4],
  ['diplomatic_contact', 2],
  ['military_aid_decision', 1.5],
  ['diplomatic_initiative', 1],
  ['sanction', 1],
  ['other', 1.5],
];

export type ChannelSpec = { key: string; kind: SourceKind; publisher: string; title: string | null; reference: string | null };

/** Sources that speak every day: official channels and datasets, cited again and again. */
export const NATIONAL_CHANNELS = [
  { key: 'air_force', kind: 'social_media_post', publisher: 'Ukrainian Air Force', title: 'Air Force daily reports of shot-down missiles and drones', reference: 'Telegram channel of the Air Force of the Armed Forces of Ukraine' },
  { key: 'general_staff', kind: 'official_statement', publisher: 'General Staff of the Armed Forces of Ukraine', title: 'Operational update', reference: 'Daily operational updates' },
  { key: 'russian_mod', kind: 'official_statement', publisher: 'Ministry of Defence of the Russian Federation', title: 'Daily briefing', reference: 'Daily briefings' },
  { key: 'president_office', kind: 'official_statement', publisher: 'Office of the President of Ukraine', title: null, reference: 'Statements and addresses' },
  { key: 'un_monitoring', kind: 'dataset', publisher: 'UN Human Rights Monitoring Mission in Ukraine', title: 'Civilian casualty updates', reference: 'Periodic civilian casualty updates' },
  { key: 'unnamed_officials', kind: 'unnamed_sources', publisher: 'Unnamed officials', title: null, reference: null },
] as const satisfies readonly ChannelSpec[];

export type NationalChannel = (typeof NATIONAL_CHANNELS)[number]['key'];

/** Invented news outlets: each publishes one daily round-up of the war. */
export const OUTLETS = [
  'Dnipro Wire',
  'Kyiv Evening Herald',
  'Black Sea Monitor',
  'Eastern Front Report',
  'Continental Press Agency',
  'Northern Ledger',
  'Frontline Daily',
  'Atlantic Newswire',
  'Steppe Observer',
  'Carpathian Post',
  'Capital Bulletin',
  'Harbour Times',
] as const;

/** How many outlets publish a round-up on each day (so ~3 sources per day of war). */
export const ROUNDUPS_PER_DAY = 3;

export type WeaponSpec = { category: WeaponCategory; model: string | null; fromDay: number; untilDay: number };

// Days are counted from 24 February 2022 (day 0).
export const WEAPONS = {
  shahed: { category: 'drone', model: 'Shahed-136/131', fromDay: 201, untilDay: Infinity },
  gerbera: { category: 'drone', model: 'Gerbera', fromDay: 860, untilDay: Infinity },
  lancet: { category: 'drone', model: 'Lancet', fromDay: 90, untilDay: Infinity },
  kh101: { category: 'cruise_missile', model: 'Kh-101/Kh-555', fromDay: 0, untilDay: Infinity },
  kalibr: { category: 'cruise_missile', model: 'Kalibr', fromDay: 0, untilDay: Infinity },
  kh59: { category: 'cruise_missile', model: 'Kh-59/Kh-69', fromDay: 0, untilDay: Infinity },
  iskanderK: { category: 'cruise_missile', model: 'Iskander-K', fromDay: 0, untilDay: Infinity },
  kh22: { category: 'cruise_missile', model: 'Kh-22/Kh-32', fromDay: 0, untilDay: Infinity },
  iskanderM: { category: 'ballistic_missile', model: 'Iskander-M/KN-23', fromDay: 0, untilDay: Infinity },
  tochka: { category: 'ballistic_missile', model: 'Tochka-U', fromDay: 0, untilDay: 300 },
  kinzhal: { category: 'aeroballistic_missile', model: 'Kh-47M2 Kinzhal', fromDay: 0, untilDay: Infinity },
  s300: { category: 'surface_to_air_missile', model: 'S-300/S-400', fromDay: 0, untilDay: Infinity },
  kab: { category: 'guided_bomb', model: 'KAB (UMPK)', fromDay: 300, untilDay: Infinity },
  fab1500: { category: 'guided_bomb', model: 'FAB-1500 UMPK', fromDay: 380, untilDay: Infinity },
  missile: { category: 'missile', model: null, fromDay: 0, untilDay: Infinity },
  unspecified: { category: 'unspecified', model: null, fromDay: 0, untilDay: Infinity },
} as const satisfies Record<string, WeaponSpec>;

export const DAMAGE_WEIGHTS: ReadonlyArray<readonly [AssetCategory, number]> = [
  ['residential_building', 40],
  ['energy', 14],
  ['industrial', 9],
  ['commercial', 9],
  ['transport', 6],
  ['rail', 4],
  ['school', 5],
  ['medical', 3],
  ['government', 3],
  ['other', 7],
];

/** How a source words the damage, per asset category (singular, plural). */
export const DAMAGE_WORDS: Readonly<Record<AssetCategory, readonly [string, string]>> = {
  residential_building: ['an apartment block', 'apartment blocks'],
  energy: ['an energy facility', 'energy facilities'],
  industrial: ['an industrial enterprise', 'industrial enterprises'],
  commercial: ['a shopping centre', 'shops and offices'],
  transport: ['a bridge', 'vehicles and roads'],
  rail: ['a railway station', 'rail lines'],
  school: ['a school', 'schools'],
  medical: ['a hospital', 'medical facilities'],
  government: ['an administrative building', 'administrative buildings'],
  other: ['a warehouse', 'private houses and garages'],
};
