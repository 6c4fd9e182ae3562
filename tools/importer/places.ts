// Where an Air Force report says an attack was aimed: the dataset's `target` text ("Kyiv",
// "Odesa oblast", "Dnipropetrovsk oblast, Dnipro Raion", "south", "Ukraine", "X and Y") read as
// an event location. Coordinates are given only for settlements; a region or the country is
// named without a centroid rather than with an invented one.
import type { GeoPrecision } from '../../src/domain/vocabulary.js';

export type Location = {
  place: string | null;
  admin1: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision | null;
};

/** One named area: a settlement (with its admin1), an admin1 region, or a whole country. */
export type Area =
  | { level: 'settlement'; place: string; admin1: string; country: string; latitude: number; longitude: number }
  | { level: 'admin1'; admin1: string; country: string }
  | { level: 'country'; country: string; /** "southern Ukraine" for a macro-region */ label: string };

const UA = 'UA';

// English names of Ukraine's regions; the dataset writes "<name> oblast".
const OBLASTS: Record<string, string> = {
  cherkasy: 'Cherkasy Oblast',
  chernihiv: 'Chernihiv Oblast',
  chernivtsi: 'Chernivtsi Oblast',
  dnipropetrovsk: 'Dnipropetrovsk Oblast',
  donetsk: 'Donetsk Oblast',
  'ivano-frankivsk': 'Ivano-Frankivsk Oblast',
  kharkiv: 'Kharkiv Oblast',
  kherson: 'Kherson Oblast',
  khmelnytskyi: 'Khmelnytskyi Oblast',
  kirovohrad: 'Kirovohrad Oblast',
  kyiv: 'Kyiv Oblast',
  luhansk: 'Luhansk Oblast',
  lviv: 'Lviv Oblast',
  mykolaiv: 'Mykolaiv Oblast',
  odesa: 'Odesa Oblast',
  poltava: 'Poltava Oblast',
  rivne: 'Rivne Oblast',
  sumy: 'Sumy Oblast',
  ternopil: 'Ternopil Oblast',
  vinnytsia: 'Vinnytsia Oblast',
  volyn: 'Volyn Oblast',
  // The dataset's "Lutsk oblast" is Volyn Oblast, whose centre is Lutsk.
  lutsk: 'Volyn Oblast',
  zakarpattia: 'Zakarpattia Oblast',
  zaporizhzhia: 'Zaporizhzhia Oblast',
  zhytomyr: 'Zhytomyr Oblast',
};

// Russian regions the Air Force sometimes names as targets (shoot-downs over them).
const RUSSIAN_OBLASTS: Record<string, string> = {
  kursk: 'Kursk Oblast',
  belgorod: 'Belgorod Oblast',
  bryansk: 'Bryansk Oblast',
};

// Kyiv is a city with the status of a region: its admin1 is Kyiv itself, as in the seed.
const SETTLEMENTS: Record<string, Omit<Extract<Area, { level: 'settlement' }>, 'level' | 'country'>> = {
  kyiv: { place: 'Kyiv', admin1: 'Kyiv', latitude: 50.4501, longitude: 30.5234 },
  kharkiv: { place: 'Kharkiv', admin1: 'Kharkiv Oblast', latitude: 49.9935, longitude: 36.2304 },
  odesa: { place: 'Odesa', admin1: 'Odesa Oblast', latitude: 46.4825, longitude: 30.7233 },
  dnipro: { place: 'Dnipro', admin1: 'Dnipropetrovsk Oblast', latitude: 48.4647, longitude: 35.0462 },
  zaporizhzhia: { place: 'Zaporizhzhia', admin1: 'Zaporizhzhia Oblast', latitude: 47.8388, longitude: 35.1396 },
  'kryvyi rih': { place: 'Kryvyi Rih', admin1: 'Dnipropetrovsk Oblast', latitude: 47.9105, longitude: 33.3918 },
  sumy: { place: 'Sumy', admin1: 'Sumy Oblast', latitude: 50.9077, longitude: 34.7981 },
  kherson: { place: 'Kherson', admin1: 'Kherson Oblast', latitude: 46.6354, longitude: 32.6169 },
  kramatorsk: { place: 'Kramatorsk', admin1: 'Donetsk Oblast', latitude: 48.7389, longitude: 37.5844 },
  kremenchuk: { place: 'Kremenchuk', admin1: 'Poltava Oblast', latitude: 49.0659, longitude: 33.4105 },
  starokostiantyniv: { place: 'Starokostiantyniv', admin1: 'Khmelnytskyi Oblast', latitude: 49.7574, longitude: 27.2039 },
  kolomyia: { place: 'Kolomyia', admin1: 'Ivano-Frankivsk Oblast', latitude: 48.5312, longitude: 25.0365 },
  ochakiv: { place: 'Ochakiv', admin1: 'Mykolaiv Oblast', latitude: 46.6128, longitude: 31.5459 },
  lutsk: { place: 'Lutsk', admin1: 'Volyn Oblast', latitude: 50.7472, longitude: 25.3254 },
  'snake island': { place: 'Snake Island', admin1: 'Odesa Oblast', latitude: 45.2552, longitude: 30.2041 },
};

const MACRO_REGIONS: Record<string, string> = {
  ukraine: 'Ukraine',
  south: 'southern Ukraine',
  north: 'northern Ukraine',
  east: 'eastern Ukraine',
  west: 'western Ukraine',
  center: 'central Ukraine',
  centre: 'central Ukraine',
  'south-east': 'south-eastern Ukraine',
  'south-west': 'south-western Ukraine',
  'north-east': 'north-eastern Ukraine',
  'north-west': 'north-western Ukraine',
  'front line': 'the front line',
};

/**
 * The areas a target text names, one per " and "-separated part. A part sitrep cannot place
 * ("Black Sea" alone, a typo) yields nothing, so it never narrows a location by mistake.
 */
export function areasOf(text: string): { areas: Area[]; unplaced: string[] } {
  const areas: Area[] = [];
  const unplaced: string[] = [];
  for (const raw of text.split(/\s+and\s+|;/)) {
    const part = raw.trim();
    if (part === '') continue;
    const area = areaOf(part);
    if (area) areas.push(area);
    else unplaced.push(part);
  }
  return { areas, unplaced };
}

function areaOf(part: string): Area | null {
  // "Kyiv oblast (south)", "Dnipropetrovsk oblast, Dnipro Raion", "Odesa oblast, Black Sea":
  // the region is what sitrep can place; the qualifier stays in the dataset's own text.
  const head = part.replace(/\s*\(.*\)\s*$/, '').split(',')[0]!.trim().toLowerCase().replace(/\s+/g, ' ');
  const oblast = /^(.+?) oblast?$/.exec(head)?.[1];
  if (oblast !== undefined) {
    if (Object.hasOwn(OBLASTS, oblast)) return { level: 'admin1', admin1: OBLASTS[oblast]!, country: UA };
    if (Object.hasOwn(RUSSIAN_OBLASTS, oblast)) return { level: 'admin1', admin1: RUSSIAN_OBLASTS[oblast]!, country: 'RU' };
    return null;
  }
  if (Object.hasOwn(SETTLEMENTS, head)) return { level: 'settlement', country: UA, ...SETTLEMENTS[head]! };
  if (Object.hasOwn(MACRO_REGIONS, head)) return { level: 'country', country: UA, label: MACRO_REGIONS[head]! };
  return null;
}

/** The most specific location every area lies in; null when they span countries or there are none. */
export function commonLocation(areas: Area[]): Location | null {
  if (areas.length === 0) return null;
  const first = areas[0]!;
  if (areas.some((a) => a.country !== first.country)) return null;
  if (first.level === 'settlement' && areas.every((a) => a.level === 'settlement' && a.place === first.place)) {
    return { place: first.place, admin1: first.admin1, country: first.country, latitude: first.latitude, longitude: first.longitude, geoPrecision: 'settlement' };
  }
  const admin1s = new Set(areas.map((a) => (a.level === 'country' ? null : a.admin1)));
  const admin1 = [...admin1s][0];
  if (admin1s.size === 1 && admin1) return { place: null, admin1, country: first.country, latitude: null, longitude: null, geoPrecision: 'admin1' };
  return countryLocation(first.country);
}

export function countryLocation(country: string): Location {
  return { place: null, admin1: null, country, latitude: null, longitude: null, geoPrecision: 'country' };
}

const RANK: Record<GeoPrecision, number> = { point: 3, settlement: 2, admin1: 1, country: 0 };

/**
 * The event location from its rows: the common area of their targets; when that says no more than
 * the country, the Air Force's named main target (`target_main`), then the regions it reports hit
 * (`affected region`), each used only if it narrows the location. Otherwise Ukraine as a whole.
 */
export function eventLocation(candidates: { targets: string[]; mainTargets: string[]; affectedRegions: string[] }): { location: Location; basis: 'target' | 'target_main' | 'affected_region' | 'default' } {
  const fromTexts = (texts: string[]) => {
    const parts = texts.filter((t) => t.trim() !== '').map(areasOf);
    // A part sitrep cannot place could lie anywhere: no common area can be claimed.
    if (parts.length === 0 || parts.some((p) => p.unplaced.length > 0)) return null;
    return commonLocation(parts.flatMap((p) => p.areas));
  };
  const target = fromTexts(candidates.targets);
  if (target && target.geoPrecision !== 'country') return { location: target, basis: 'target' };
  for (const [basis, texts] of [['target_main', candidates.mainTargets], ['affected_region', candidates.affectedRegions]] as const) {
    const narrower = fromTexts(texts);
    if (narrower && narrower.country === UA && RANK[narrower.geoPrecision!] > 0) return { location: narrower, basis };
  }
  return { location: target ?? countryLocation(UA), basis: target ? 'target' : 'default' };
}

/** How a summary names a target text: `Odesa Oblast`, `southern Ukraine`; the text itself otherwise. */
export function describeTarget(part: string): string {
  const area = areaOf(part.trim());
  if (!area) return part.trim();
  if (area.level === 'settlement') return area.place;
  if (area.level === 'admin1') return /,|\(/.test(part) ? part.trim().replace(/ oblast/i, ' Oblast') : area.admin1;
  return area.label;
}
