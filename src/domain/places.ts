// Place names to gazetteer entries: the lookup behind "what hit Kharkiv?" and the reader of the Air
// Force file's place columns. Pure: no database, no I/O; the gazetteer is seed/gazetteer.
//
// Default for an ambiguous name (README "Places"): a name that is both a settlement and a unit means
// the settlement ("Kharkiv" is the city; "Kharkiv oblast" is the oblast, and only the oblast has
// that alias); Kyiv and Sevastopol, cities that are units of their own, count as settlements. After
// that a unit wins over anything else, and a part of Ukraine over a direction of approach.
import { GAZETTEER, type EntryKind, type GazetteerEntry } from '../../seed/gazetteer/index.js';
import type { GeoPrecision, PlaceRole } from './vocabulary.js';
import { LiteralSyntaxError, parseLiteral } from '../lib/text-literal.js';

export type { GazetteerEntry, PlaceRole };

/**
 * The key names are compared by: case, accents and diacritics (ї → і, й → и), apostrophes,
 * hyphens, dots and spaces do not count; Cyrillic і, є, ґ, ё are read as Latin i and Cyrillic е,
 * г, е, so "КИЇВ", "Київ" typed with a Latin i, or "Запорижжя" typed without its ї all match.
 */
export function normalizePlaceName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u0456/g, 'i')
    .replace(/є/g, 'е')
    .replace(/ґ/g, 'г')
    .replace(/ё/g, 'е')
    .replace(/['’‘`´ʼʹʻ"«».\s\-‐‑–—_]/g, '');
}

const INDEX: ReadonlyMap<string, readonly GazetteerEntry[]> = (() => {
  const index = new Map<string, GazetteerEntry[]>();
  for (const entry of GAZETTEER) {
    for (const key of new Set([entry.name, ...entry.aliases].map(normalizePlaceName))) {
      const list = index.get(key) ?? [];
      list.push(entry);
      index.set(key, list);
    }
  }
  return index;
})();

const BY_ID: ReadonlyMap<string, GazetteerEntry> = new Map(GAZETTEER.map((e) => [e.id, e]));

/** Whether an entry stands for a settlement: a city or town, or a city that is a unit (Kyiv). */
export function denotesSettlement(entry: GazetteerEntry): boolean {
  return entry.kind === 'settlement' || entry.admin1Type === 'city';
}

function rank(entry: GazetteerEntry): number {
  if (denotesSettlement(entry)) return 0;
  const order: Record<EntryKind, number> = { settlement: 0, admin1: 1, raion: 2, airfield: 2, feature: 2, water: 2, country: 2, macro_region: 3, direction: 4 };
  return order[entry.kind];
}

/** The documented default among several matches (see the module comment); null for none. */
export function preferredEntry(matches: readonly GazetteerEntry[]): GazetteerEntry | null {
  let best: GazetteerEntry | null = null;
  for (const entry of matches) if (best === null || rank(entry) < rank(best)) best = entry;
  return best;
}

export type PlaceLookup = {
  /** Every entry whose name or alias matches, in gazetteer order. */
  matches: readonly GazetteerEntry[];
  /** More than one entry matched: the caller may want to ask, or say which it chose. */
  ambiguous: boolean;
  /** The default choice among the matches; null when nothing matched. */
  preferred: GazetteerEntry | null;
};

/** Every entry a name may mean, whether that is ambiguous, and the default choice. */
export function lookup(name: string): PlaceLookup {
  const matches = INDEX.get(normalizePlaceName(name)) ?? [];
  return { matches, ambiguous: matches.length > 1, preferred: preferredEntry(matches) };
}

/** The entry with this id (`UA-63`, `ua-kharkiv`), or null. */
export function entryById(id: string): GazetteerEntry | null {
  return BY_ID.get(id) ?? null;
}

const CODE = /^[a-z]{2}-[a-z0-9]{1,3}$/i;

/**
 * A first-level unit from its ISO 3166-2 code (any case) or any of its names: "UA-30", "ua-63",
 * "Kharkiv" (the city is no unit, so the oblast), "Київська область". Where a name fits two units
 * the default applies: "Kyiv" is the city (UA-30), "Kyiv oblast" the oblast (UA-32). Null if none.
 */
export function resolveAdmin1(codeOrAlias: string): GazetteerEntry | null {
  const text = codeOrAlias.trim();
  if (CODE.test(text)) {
    const entry = BY_ID.get(text.toUpperCase());
    return entry?.kind === 'admin1' ? entry : null;
  }
  return preferredEntry(lookup(text).matches.filter((e) => e.kind === 'admin1'));
}

// --- The Air Force file's place columns --------------------------------------------------------

export const PLACE_COLUMNS = ['target', 'target_main', 'affected region', 'launch_place'] as const;
export type PlaceColumn = (typeof PLACE_COLUMNS)[number];

const ROLE: Record<PlaceColumn, PlaceRole> = { target: 'target', target_main: 'target', 'affected region': 'affected', launch_place: 'launch_site' };

// "north" in `launch_place` is where drones came from, in `target` the northern part of Ukraine.
const EXCLUDED_KINDS: Record<PlaceColumn, readonly EntryKind[]> = {
  target: ['direction'],
  target_main: ['direction'],
  'affected region': ['direction'],
  launch_place: ['macro_region'],
};

export type PlaceContext = {
  entry: GazetteerEntry;
  /** `within`: the place lies in it ("Crimea" in "Hvardiiske, Crimea"); `coast`: a sea place named with the coast it lies off ("Yalta" in "Black Sea, Yalta"). */
  relation: 'within' | 'coast';
};

export type ParsedPlace = {
  /** The words of the cell that name this place, as written. */
  text: string;
  /** The most specific entry they name. */
  entry: GazetteerEntry;
  /** Other entries the same words name to locate it. */
  context: PlaceContext[];
  /** A parenthesised qualifier: "south" in "Kyiv oblast (south)". */
  qualifier: string | null;
  /** The name matched more than one entry and the default choice was applied. */
  ambiguous: boolean;
  role: PlaceRole;
};

export type ParsedPlaceText = { places: ParsedPlace[]; unresolved: string[] };

/**
 * The places one cell of a place column names. Parts are split on " and " and on commas that
 * separate places; a comma that locates ("Dnipropetrovsk oblast, Dnipro Raion", "Hvardiiske,
 * Crimea", "Black Sea, Yalta") joins its parts into one place. `affected region` cells are
 * Python-literal lists (or dicts, whose keys are read). A name the gazetteer does not know is
 * returned in `unresolved`, never guessed.
 */
export function parsePlaceText(text: string, column: PlaceColumn): ParsedPlaceText {
  const result: ParsedPlaceText = { places: [], unresolved: [] };
  const trimmed = text.trim();
  if (trimmed === '') return result;
  let texts: string[];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const value = parseLiteral(trimmed);
      const items = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? Object.keys(value) : [value];
      texts = [];
      for (const item of items) {
        if (typeof item === 'string') texts.push(item);
        else result.unresolved.push(JSON.stringify(item));
      }
    } catch (error) {
      if (!(error instanceof LiteralSyntaxError)) throw error;
      result.unresolved.push(trimmed);
      return result;
    }
  } else {
    texts = [trimmed];
  }
  for (const item of texts) {
    for (const part of item.split(/\s+(?:and\s+)+/)) {
      const cleaned = part.replace(/^and\s+/, '').trim();
      if (cleaned !== '') parsePart(cleaned, column, result);
    }
  }
  return result;
}

function parsePart(part: string, column: PlaceColumn, result: ParsedPlaceText): void {
  const qualified = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(part);
  const base = qualified ? qualified[1]! : part;
  const qualifier = qualified ? qualified[2]!.trim() || null : null;
  const role = ROLE[column];
  let current: ParsedPlace | null = null;
  const before = result.places.length;
  const unresolvedBefore = result.unresolved.length;
  const flush = () => {
    if (current) result.places.push(current);
    current = null;
  };
  for (const piece of base.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const matches = lookup(piece).matches.filter((e) => !EXCLUDED_KINDS[column].includes(e.kind));
    const entry = preferredEntry(matches);
    if (!entry) {
      result.unresolved.push(piece);
      continue;
    }
    const place: ParsedPlace = { text: piece, entry, context: [], qualifier, ambiguous: matches.length > 1, role };
    const joined: ParsedPlace | null = current ? join(current, place) : null;
    if (joined) {
      current = joined;
    } else {
      flush();
      current = place;
    }
  }
  flush();
  // One place from the whole part: its text is the part as written, qualifier included.
  if (result.places.length === before + 1 && result.unresolved.length === unresolvedBefore) result.places[before] = { ...result.places[before]!, text: part };
}

/** One place from two comma-separated pieces when one locates the other; null when they are two places. */
function join(first: ParsedPlace, second: ParsedPlace): ParsedPlace | null {
  const text = `${first.text}, ${second.text}`;
  const ambiguous = first.ambiguous || second.ambiguous;
  if (lies(second.entry, first)) return { ...second, text, ambiguous, context: [...first.context, ...second.context, { entry: first.entry, relation: 'within' }] };
  if (lies(first.entry, second)) return { ...first, text, ambiguous, context: [...first.context, ...second.context, { entry: second.entry, relation: 'within' }] };
  for (const [sea, land] of [
    [first, second],
    [second, first],
  ] as const) {
    if (sea.entry.kind === 'water' && land.entry.admin1 !== null && sea.entry.coasts.includes(land.entry.admin1)) {
      return { ...sea, text, ambiguous, context: [...sea.context, ...land.context, { entry: land.entry, relation: 'coast' }] };
    }
  }
  return null;
}

/** Whether `entry` lies in the place `around` stands for (a unit, one it covers, or a country). */
function lies(entry: GazetteerEntry, around: ParsedPlace): boolean {
  const outer = around.entry;
  if (entry === outer) return false;
  if (outer.kind === 'country') return entry.kind !== 'country' && entry.country === outer.country;
  if (outer.kind !== 'admin1' || entry.admin1 === null || entry.id === outer.id) return false;
  return entry.admin1 === outer.id || outer.covers.includes(entry.admin1);
}

// --- Places as events hold them -----------------------------------------------------------------

/** One place of an event, as stored (src/db/schema.ts `event_places`) without its event and position. */
export type PlaceRecord = {
  role: PlaceRole;
  /** As the source names it. */
  name: string;
  gazetteerId: string | null;
  admin1: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision | null;
  searchNames: string;
};

/** The words full-text search finds a place by: its own name, and the entry's in every spelling. */
export function searchNamesOf(name: string, entry: GazetteerEntry | null): string {
  return [...new Set([name, ...(entry ? [entry.name, ...entry.aliases] : [])])].join(' ; ');
}

/** A place of an event that is a gazetteer entry, named as the source names it. */
export function placeOfEntry(entry: GazetteerEntry, role: PlaceRole, name: string): PlaceRecord {
  return {
    role,
    name,
    gazetteerId: entry.id,
    admin1: entry.admin1,
    country: entry.country,
    latitude: entry.location?.latitude ?? null,
    longitude: entry.location?.longitude ?? null,
    geoPrecision: entry.location?.precision ?? null,
    searchNames: searchNamesOf(name, entry),
  };
}

/** The gazetteer entry of a country (its centroid), for a place known only to lie in it. */
export function countryEntry(code: string): GazetteerEntry | null {
  return GAZETTEER.find((e) => e.kind === 'country' && e.country === code) ?? null;
}
