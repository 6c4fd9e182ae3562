// The places synthetic events happen in: Ukrainian cities (Europe/Kyiv) weighted by how often the
// war reached them, Russian border places, where attacks are launched from, and capitals for
// diplomatic events. Every place of the war is an entry of sitrep's gazetteer (seed/gazetteer),
// whose name, unit and coordinates it takes; this file only adds time zones and weights. The
// capitals abroad, which the gazetteer does not hold, keep their own coordinates.
import { entryById, type GazetteerEntry } from '../../src/domain/places.js';
import type { GeoPrecision } from '../../src/domain/vocabulary.js';

export type Place = {
  /** The gazetteer entry; null for a capital abroad. */
  entry: GazetteerEntry | null;
  /** Its first-level unit's entry (itself for a unit such as Kyiv); null abroad. */
  unit: GazetteerEntry | null;
  place: string;
  /** The unit's name, as events hold it ("Kharkiv Oblast", "Kyiv"). */
  admin1: string;
  country: string;
  latitude: number;
  longitude: number;
  /** What the coordinates locate: a settlement, or a whole unit (Kursk Oblast). */
  geoPrecision: GeoPrecision;
  timezone: string;
  /** Relative share of shelling and ground fighting. */
  front: number;
  /** Relative share of drone and missile attacks. */
  air: number;
};

/** A gazetteer entry that must exist and be located: a typo here fails at load, not as a missing place. */
export function gazetteerEntry(id: string): GazetteerEntry {
  const entry = entryById(id);
  if (!entry) throw new Error(`synthetic gazetteer: no gazetteer entry ${id}`);
  return entry;
}

function known(id: string, timezone: string, front: number, air: number): Place {
  const entry = gazetteerEntry(id);
  const unit = entry.admin1 === null ? null : gazetteerEntry(entry.admin1);
  if (!entry.location || !unit?.location || !entry.country) throw new Error(`synthetic gazetteer: ${id} has no coordinates, unit or country`);
  return {
    entry,
    unit,
    place: entry.name,
    admin1: unit.name,
    country: entry.country,
    latitude: entry.location.latitude,
    longitude: entry.location.longitude,
    geoPrecision: entry.location.precision,
    timezone,
    front,
    air,
  };
}

const ua = (id: string, front: number, air: number) => known(id, 'Europe/Kyiv', front, air);

export const UKRAINIAN_PLACES: readonly Place[] = [
  ua('UA-30', 0, 14),
  ua('ua-brovary', 0, 2),
  ua('ua-bila-tserkva', 0, 2),
  ua('ua-kharkiv', 8, 12),
  ua('ua-kupiansk', 7, 2),
  ua('ua-chuhuiv', 3, 1),
  ua('ua-izium', 3, 1),
  ua('ua-vovchansk', 5, 1),
  ua('ua-kramatorsk', 5, 3),
  ua('ua-sloviansk', 5, 2),
  ua('ua-bakhmut', 9, 1),
  ua('ua-avdiivka', 8, 1),
  ua('ua-pokrovsk', 8, 2),
  ua('ua-kostiantynivka', 6, 2),
  ua('ua-chasiv-yar', 6, 1),
  ua('ua-toretsk', 6, 1),
  ua('ua-kurakhove', 5, 1),
  ua('ua-vuhledar', 4, 1),
  ua('ua-zaporizhzhia', 4, 8),
  ua('ua-orikhiv', 7, 1),
  ua('ua-huliaipole', 6, 1),
  ua('ua-kherson', 9, 3),
  ua('ua-beryslav', 5, 1),
  ua('ua-nikopol', 8, 1),
  ua('ua-marhanets', 5, 1),
  ua('ua-dnipro', 0, 7),
  ua('ua-kryvyi-rih', 1, 5),
  ua('ua-pavlohrad', 0, 3),
  ua('ua-sumy', 4, 6),
  ua('ua-shostka', 2, 2),
  ua('ua-okhtyrka', 2, 1),
  ua('ua-chernihiv', 2, 4),
  ua('ua-odesa', 0, 10),
  ua('ua-izmail', 0, 3),
  ua('ua-mykolaiv', 3, 5),
  ua('ua-ochakiv', 3, 1),
  ua('ua-poltava', 0, 3),
  ua('ua-kremenchuk', 0, 3),
  ua('ua-lviv', 0, 4),
  ua('ua-vinnytsia', 0, 3),
  ua('ua-khmelnytskyi', 0, 2),
  ua('ua-starokostiantyniv', 0, 2),
  ua('ua-zhytomyr', 0, 2),
  ua('ua-cherkasy', 0, 2),
  ua('ua-kropyvnytskyi', 0, 2),
  ua('ua-rivne', 0, 1),
  ua('ua-lutsk', 0, 1),
  ua('ua-ivano-frankivsk', 0, 1),
  ua('ua-ternopil', 0, 1),
  ua('ua-chernivtsi', 0, 1),
  ua('ua-uzhhorod', 0, 0.5),
];

/**
 * Russian border places that report cross-border fire and drone attacks. The gazetteer has Belgorod
 * the city but, on purpose, no Kursk or Bryansk city (a bare "Kursk" in the Air Force file is left
 * unresolved, not read as the region): those two are their regions.
 */
export const RUSSIAN_BORDER_PLACES: readonly Place[] = [
  known('ru-belgorod', 'Europe/Moscow', 3, 2),
  known('RU-KRS', 'Europe/Moscow', 1, 1),
  known('RU-BRY', 'Europe/Moscow', 1, 1),
];

const abroad = (place: string, admin1: string, country: string, latitude: number, longitude: number, timezone: string, air: number): Place => ({
  entry: null,
  unit: null,
  place,
  admin1,
  country,
  latitude,
  longitude,
  geoPrecision: 'settlement',
  timezone,
  front: 0,
  air,
});

/** Where talks, statements, aid and sanctions decisions happen. */
export const CAPITALS: readonly Place[] = [
  known('UA-30', 'Europe/Kyiv', 0, 6),
  abroad('Moscow', 'Moscow', 'RU', 55.7558, 37.6173, 'Europe/Moscow', 3),
  abroad('Washington', 'District of Columbia', 'US', 38.9072, -77.0369, 'America/New_York', 3),
  abroad('Brussels', 'Brussels-Capital Region', 'BE', 50.8503, 4.3517, 'Europe/Brussels', 3),
  abroad('Berlin', 'Berlin', 'DE', 52.52, 13.405, 'Europe/Berlin', 2),
  abroad('London', 'England', 'GB', 51.5072, -0.1276, 'Europe/London', 2),
  abroad('Paris', 'Île-de-France', 'FR', 48.8566, 2.3522, 'Europe/Paris', 1),
  abroad('Warsaw', 'Masovian Voivodeship', 'PL', 52.2297, 21.0122, 'Europe/Warsaw', 1),
  abroad('Istanbul', 'Istanbul', 'TR', 41.0082, 28.9784, 'Europe/Istanbul', 1),
  abroad('Geneva', 'Geneva', 'CH', 46.2044, 6.1432, 'Europe/Zurich', 1),
  abroad('Jeddah', 'Makkah Province', 'SA', 21.5433, 39.1728, 'Asia/Riyadh', 0.5),
];

const launchSites = (weights: Array<[id: string, weight: number]>) => weights.map(([id, weight]) => [gazetteerEntry(id), weight] as const);

/**
 * Where the Air Force says weapons were launched from, by weapon: drones from the border regions,
 * Primorsko-Akhtarsk and Crimea; cruise missiles from the seas and the bombers' bases; ballistic
 * and S-300 missiles from near the border and Crimea; guided bombs from aircraft over the border.
 */
export const LAUNCH_SITES = {
  drones: launchSites([
    ['RU-KRS', 5],
    ['RU-BRY', 4],
    ['RU-ORL', 3],
    ['ru-primorsko-akhtarsk', 4],
    ['ru-millerovo', 2],
    ['ua-hvardiiske', 2],
    ['UA-43', 2],
    ['RU-BEL', 1],
    ['airfield-shatalovo', 1],
  ]),
  cruise: launchSites([
    ['water-caspian-sea', 4],
    ['water-black-sea', 4],
    ['airfield-engels-2', 3],
    ['RU-SAR', 1],
    ['RU-VGG', 1],
    ['airfield-olenya', 1],
    ['airfield-soltsy-2', 1],
    ['airfield-shaykovka', 1],
  ]),
  ballistic: launchSites([
    ['RU-BEL', 4],
    ['RU-KRS', 3],
    ['UA-43', 3],
    ['RU-VOR', 2],
    ['RU-ROS', 1],
    ['RU-BRY', 1],
  ]),
  bombs: launchSites([
    ['RU-BEL', 3],
    ['RU-KRS', 2],
    ['RU-BRY', 1],
  ]),
} as const;
