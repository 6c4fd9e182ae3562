// The synthetic war record: a deterministic function from (seed, event count, event number) to
// the rows of that event — the event, its places, its actors, each source's casualty, munition and
// damage figures, and a citation for every one of them. Writers (tools/synthetic/write.ts) decide
// where the rows go; this file only decides what they say.
import { denotesSettlement, placeOfEntry, type GazetteerEntry, type PlaceRecord } from '../../src/domain/places.js';
import type {
  ActorRole,
  AssetCategory,
  CasualtyCategory,
  CasualtyGroup,
  EventKind,
  EventStatus,
  GeoPrecision,
  PlaceRole,
  RelationKind,
  SourceKind,
  TimePrecision,
  WeaponCategory,
} from '../../src/domain/vocabulary.js';
import { Calendar, dayOfDate, HOUR_MS, isoSeconds, MINUTE_MS, WAR_DAYS } from './calendar.js';
import {
  ACTORS,
  actorId,
  DAMAGE_WEIGHTS,
  DAMAGE_WORDS,
  KIND_WEIGHTS,
  NATIONAL_CHANNELS,
  OUTLETS,
  ROUNDUPS_PER_DAY,
  WEAPONS,
  type ActorSlug,
  type NationalChannel,
  type WeaponSpec,
} from './catalog.js';
import { CAPITALS, LAUNCH_SITES, RUSSIAN_BORDER_PLACES, UKRAINIAN_PLACES, type Place } from './gazetteer.js';
import { Prng, WeightedTable } from './prng.js';

/**
 * Bumped whenever the same (seed, events) would produce different rows, so cached databases
 * built by an older generator are not reused.
 */
export const GENERATOR_VERSION = 2;

/** created_at/updated_at of every synthetic record: fixed, so that a seed fixes every byte. */
export const GENERATED_AT = '2026-01-01T00:00:00Z';

export const SYNTHETIC_NOTE = 'Synthetic record made by `npm run seed:synthetic`; not a real publication or claim.';

type Id = string;
type Nullable<T> = T | null;

/** Where generated rows go, one call per row, values in the order of the table's columns. */
export interface SyntheticSink {
  event(
    id: Id,
    kind: EventKind,
    status: EventStatus,
    title: string,
    summary: string,
    startAt: string,
    startPrecision: TimePrecision,
    endAt: Nullable<string>,
    endPrecision: Nullable<TimePrecision>,
    spanEndAt: Nullable<string>,
    timezone: string,
    place: Nullable<string>,
    admin1: Nullable<string>,
    country: Nullable<string>,
    latitude: Nullable<number>,
    longitude: Nullable<number>,
    geoPrecision: Nullable<GeoPrecision>,
  ): void;
  /** One place of the event (`event_places`), in position order, right after the event. */
  place(
    eventId: Id,
    position: number,
    role: PlaceRole,
    name: string,
    gazetteerId: Nullable<string>,
    admin1: Nullable<string>,
    country: Nullable<string>,
    latitude: Nullable<number>,
    longitude: Nullable<number>,
    geoPrecision: Nullable<GeoPrecision>,
    searchNames: string,
  ): void;
  eventActor(eventId: Id, actorId: Id, role: ActorRole): void;
  casualty(id: Id, eventId: Id, sourceId: Id, category: CasualtyCategory, group: CasualtyGroup, low: Nullable<number>, best: Nullable<number>, high: Nullable<number>, asReported: string): void;
  munition(id: Id, eventId: Id, sourceId: Id, category: WeaponCategory, model: Nullable<string>, launched: Nullable<number>, intercepted: Nullable<number>, lostToEw: Nullable<number>): void;
  damage(id: Id, eventId: Id, sourceId: Id, category: AssetCategory, count: Nullable<number>, description: string): void;
  relation(id: Id, fromEventId: Id, kind: RelationKind, toEventId: Id): void;
  citation(
    id: Id,
    eventId: Id,
    sourceId: Id,
    viaSourceId: Nullable<Id>,
    casualtyReportId: Nullable<Id>,
    munitionReportId: Nullable<Id>,
    damageReportId: Nullable<Id>,
    relationId: Nullable<Id>,
    quote: Nullable<string>,
    locator: Nullable<string>,
  ): void;
}

export type SourceRowValues = [id: Id, kind: SourceKind, publisher: string, title: Nullable<string>, url: Nullable<string>, reference: Nullable<string>, publishedAt: Nullable<string>, notes: string];
export type ActorRowValues = [id: Id, name: string, kind: string, country: Nullable<string>, description: Nullable<string>];

/** `evt_syn_00002s`: fixed width, so text order is generation order (and roughly time order). */
export function syntheticEventId(n: number): Id {
  return `evt_syn_${n.toString(36).padStart(6, '0')}`;
}

const KINDS = new WeightedTable(KIND_WEIGHTS);
const DAMAGE = new WeightedTable(DAMAGE_WEIGHTS);
const FRONT_PLACES = new WeightedTable(UKRAINIAN_PLACES.filter((p) => p.front > 0).map((p) => [p, p.front] as const));
const AIR_PLACES = new WeightedTable(UKRAINIAN_PLACES.filter((p) => p.air > 0).map((p) => [p, p.air] as const));
const CAPITALS_BY_COUNTRY = new Map(CAPITALS.map((p) => [p.country, p]));
const KYIV = CAPITALS_BY_COUNTRY.get('UA')!;
const LAUNCHES = {
  drones: new WeightedTable(LAUNCH_SITES.drones),
  cruise: new WeightedTable(LAUNCH_SITES.cruise),
  ballistic: new WeightedTable(LAUNCH_SITES.ballistic),
  bombs: new WeightedTable(LAUNCH_SITES.bombs),
};
/** How many places an overnight attack names as targets or affected (1–5). */
const OVERNIGHT_PLACES = new WeightedTable([[1, 30], [2, 25], [3, 20], [4, 15], [5, 10]] as const);
/** How many launch sites an attack names, when it names any. */
const LAUNCH_SITE_COUNT = new WeightedTable([[1, 60], [2, 30], [3, 10]] as const);
/**
 * The role of the place where a statement, a meeting or a decision happened (Kyiv; the capitals
 * abroad are not in the gazetteer). The roles are made for attacks; `affected` keeps such an
 * event in the place filters' default roles, which ask what happened in a place.
 */
const WHERE_IT_HAPPENED: PlaceRole = 'affected';

/**
 * Each entry's row in each role, made once by placeOfEntry as the importer makes it, named by the
 * entry's own name.
 */
const PLACE_RECORDS = new Map<GazetteerEntry, Record<PlaceRole, PlaceRecord>>();
function placeRecord(entry: GazetteerEntry, role: PlaceRole): PlaceRecord {
  let records = PLACE_RECORDS.get(entry);
  if (!records) {
    records = { target: placeOfEntry(entry, 'target', entry.name), affected: placeOfEntry(entry, 'affected', entry.name), launch_site: placeOfEntry(entry, 'launch_site', entry.name) };
    PLACE_RECORDS.set(entry, records);
  }
  return records[role];
}

const REGIONS = [...new Set([...UKRAINIAN_PLACES, ...RUSSIAN_BORDER_PLACES].map((p) => p.admin1))];
const NATIONAL = Object.fromEntries(NATIONAL_CHANNELS.map((c, i) => [c.key, i])) as Record<NationalChannel, number>;
const FIRST_REGION_SOURCE = NATIONAL_CHANNELS.length;
const FIRST_ROUNDUP_SOURCE = FIRST_REGION_SOURCE + REGIONS.length;
const REGION_INDEX = new Map(REGIONS.map((r, i) => [r, FIRST_REGION_SOURCE + i]));

const SOURCE_COUNT = FIRST_ROUNDUP_SOURCE + WAR_DAYS * ROUNDUPS_PER_DAY;
/** Every source id, made once: the round-up ids are looked up for most citations. */
const SOURCE_IDS = Array.from({ length: SOURCE_COUNT }, (_, index) => `src_syn_${index.toString(36).padStart(4, '0')}`);
const sourceIdOf = (index: number) => SOURCE_IDS[index] ?? `src_syn_${index.toString(36).padStart(4, '0')}`;
/** Base-36 digits of the per-event report and citation counters. */
const COUNTER36 = Array.from({ length: 36 * 36 }, (_, i) => i.toString(36));
const counter36 = (i: number) => COUNTER36[i] ?? i.toString(36);
const PARAGRAPH_LOCATORS = Array.from({ length: 10 }, (_, i) => `paragraph ${i}`);
const POST_LOCATORS = Array.from({ length: 24 * 60 }, (_, i) => `post at ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`);
const NATIONAL_IDS = Object.fromEntries(NATIONAL_CHANNELS.map((c) => [c.key, sourceIdOf(NATIONAL[c.key])])) as Record<NationalChannel, Id>;
const REGION_IDS = new Map(REGIONS.map((r) => [r, sourceIdOf(REGION_INDEX.get(r)!)]));

const TRUMP_DAY = dayOfDate(2025, 1, 20);
const SHAHED_DAY = WEAPONS.shahed.fromDay;
const LOST_TO_EW_REPORTED_DAY = dayOfDate(2023, 12, 29);

const ACTOR_IDS = new Map<ActorSlug, Id>(ACTORS.map((a) => [a.slug, actorId(a.slug)]));
const A = (slug: ActorSlug) => ACTOR_IDS.get(slug)!;

type Attack = 'drones' | 'combined' | 'ballistic' | 's300' | 'bombs' | 'missiles';

const ATTACK_TITLES: Record<Attack, string> = {
  drones: 'drone attack',
  combined: 'missile and drone strike',
  ballistic: 'ballistic missile strike',
  s300: 'S-300 missile strike',
  bombs: 'guided-bomb strike',
  missiles: 'missile strike',
};

const SHELLING_WEAPONS = ['artillery', 'MLRS', 'mortar', 'tank', 'artillery and MLRS'] as const;
const STATEMENT_TOPICS = [
  'air defence',
  'the situation at the front',
  'energy infrastructure',
  'prisoner exchanges',
  'peace talks',
  'sanctions against Russia',
  'military aid',
  'the Zaporizhzhia nuclear power plant',
  'Black Sea shipping',
  'mobilisation',
] as const;
const AID_ITEMS = ['air defence systems', 'artillery ammunition', 'armoured vehicles', 'long-range missiles', 'drones', 'demining equipment'] as const;
const INITIATIVES = [
  'the Black Sea grain corridor',
  'nuclear safety at the Zaporizhzhia plant',
  'prisoner exchanges',
  'a peace summit',
  'the return of deported children',
  'a ceasefire on energy infrastructure',
] as const;
const SANCTION_TARGETS = ['oil exports', 'banks', 'shadow-fleet tankers', 'the defence industry', 'metals and diamonds', 'technology imports'] as const;
const OTHER_TITLES = ['Power outages in {place} after strikes on the grid', 'Evacuation of civilians from {place}', 'Humanitarian convoy reaches {place}', 'Air-raid alerts across {admin1}'] as const;

/** What a source's words for a casualty figure mean under UCDP's low/best/high convention. */
function casualtyWords(rng: Prng, count: number, category: CasualtyCategory): { low: number; best: number; high: number | null; words: string } {
  const verb = category === 'killed' ? 'killed' : category === 'injured' ? 'injured' : 'missing';
  const style = rng.next();
  if (style < 0.5) return { low: count, best: count, high: count, words: count === 1 ? `one person ${verb}` : `${count} people ${verb}` };
  if (style < 0.85) return { low: count, best: count, high: null, words: `at least ${count} ${verb}` };
  const spread = 1 + rng.int(1, 3);
  return { low: count, best: count + (spread >> 1), high: count + spread, words: `${count} to ${count + spread} ${verb}` };
}

export type SyntheticOptions = { seed: number; events: number };

export class SyntheticGenerator {
  readonly seed: number;
  readonly events: number;
  readonly calendar = new Calendar();
  private readonly rng: Prng;
  private readonly peek: Prng;
  /** Cumulative share of events up to the end of each day. */
  private readonly dayShare: Float64Array;
  private eventNumber = 0;
  private eventId = '';
  private n36 = '';
  /** `cit_syn_<n36>_`: every event has at least one citation. */
  private citationPrefix = '';
  private citationCount = 0;
  private reportCount = 0;
  private sink!: SyntheticSink;
  /** The aerial attack being written: its day, reporting source, weapons named and the total stopped. */
  private readonly salvo = { day: 0, reporter: '' as Id, weapons: [] as string[], stopped: 0 };
  /** The places of the event being written, in order, and their roles (reused from event to event). */
  private readonly placeEntries: GazetteerEntry[] = [];
  private readonly placeRoles: PlaceRole[] = [];

  constructor(options: SyntheticOptions) {
    if (!Number.isSafeInteger(options.events) || options.events < 0) throw new RangeError('events must be a non-negative integer');
    this.seed = options.seed | 0;
    this.events = options.events;
    this.rng = new Prng(this.seed);
    this.peek = new Prng(this.seed);
    this.dayShare = this.dayWeights();
  }

  /** How intense each day was: phases of the war, times a per-day factor from the seed. */
  private dayWeights(): Float64Array {
    const phases: Array<[day: number, weight: number]> = [
      [0, 1.7],
      [dayOfDate(2022, 5, 1), 1.2],
      [dayOfDate(2022, 10, 1), 1.35],
      [dayOfDate(2023, 4, 1), 1.0],
      [dayOfDate(2024, 1, 1), 1.2],
      [dayOfDate(2025, 1, 1), 1.5],
    ];
    const rng = new Prng(this.seed, -1);
    const shares = new Float64Array(WAR_DAYS);
    let total = 0;
    let phase = 0;
    for (let d = 0; d < WAR_DAYS; d++) {
      while (phase + 1 < phases.length && d >= phases[phase + 1]![0]) phase++;
      total += phases[phase]![1] * (0.6 + 0.8 * rng.next());
      shares[d] = total;
    }
    for (let d = 0; d < WAR_DAYS; d++) shares[d] = shares[d]! / total;
    shares[WAR_DAYS - 1] = 1;
    return shares;
  }

  /** The day of event n: events are spread over the war by the day weights, in order. */
  dayOf(n: number): number {
    const target = (n + 0.5) / this.events;
    let lo = 0;
    let hi = WAR_DAYS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.dayShare[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  static sourceCount(): number {
    return FIRST_ROUNDUP_SOURCE + WAR_DAYS * ROUNDUPS_PER_DAY;
  }

  /** Every source, in id order: national channels, regional administrations, daily round-ups. */
  *sources(): Generator<SourceRowValues> {
    for (const c of NATIONAL_CHANNELS) {
      yield [NATIONAL_IDS[c.key], c.kind, c.publisher, c.title, null, c.reference, null, SYNTHETIC_NOTE];
    }
    for (const region of REGIONS) {
      const russian = RUSSIAN_BORDER_PLACES.some((p) => p.admin1 === region);
      const publisher = russian ? `Governor of ${region}` : region === 'Kyiv' ? 'Kyiv City Military Administration' : `${region} Military Administration`;
      yield [REGION_IDS.get(region)!, 'official_statement', publisher, null, null, 'Telegram channel', null, SYNTHETIC_NOTE];
    }
    for (let d = 0; d < WAR_DAYS; d++) {
      // Published the next day at noon Kyiv time, covering the night in between.
      const publishedAt = isoSeconds(this.calendar.dayStart('Europe/Kyiv', d + 1) + 12 * HOUR_MS);
      for (let k = 0; k < ROUNDUPS_PER_DAY; k++) {
        const index = FIRST_ROUNDUP_SOURCE + d * ROUNDUPS_PER_DAY + k;
        const outlet = OUTLETS[(d + k * 4) % OUTLETS.length]!;
        const slug = outlet.toLowerCase().replaceAll(' ', '-');
        yield [
          sourceIdOf(index),
          'news_report',
          outlet,
          `The war in Ukraine: ${this.calendar.label(d)}`,
          `https://${slug}.invalid/roundups/${d}`,
          null,
          publishedAt,
          SYNTHETIC_NOTE,
        ];
      }
    }
  }

  *actors(): Generator<ActorRowValues> {
    for (const a of ACTORS) yield [actorId(a.slug), a.name, a.kind, a.country, a.description];
  }

  private roundup(d: number): Id {
    return sourceIdOf(FIRST_ROUNDUP_SOURCE + Math.min(d, WAR_DAYS - 1) * ROUNDUPS_PER_DAY + this.rng.int(0, ROUNDUPS_PER_DAY - 1));
  }

  /** The event's kind without generating it: the first draw of its stream. */
  kindOf(n: number): EventKind {
    this.peek.reseed(this.seed, n);
    return KINDS.pick(this.peek);
  }

  /** Writes event n and everything attached to it. */
  write(n: number, sink: SyntheticSink): void {
    const rng = this.rng;
    rng.reseed(this.seed, n);
    this.sink = sink;
    this.eventNumber = n;
    this.n36 = n.toString(36).padStart(6, '0');
    this.eventId = `evt_syn_${this.n36}`;
    this.citationPrefix = `cit_syn_${this.n36}_`;
    this.citationCount = 0;
    this.reportCount = 0;
    this.placeEntries.length = 0;
    this.placeRoles.length = 0;
    const kind = KINDS.pick(rng);
    const d = this.dayOf(n);
    switch (kind) {
      case 'aerial_attack':
        return this.aerialAttack(d);
      case 'shelling':
        return this.shelling(d);
      case 'ground_attack':
        return this.groundAttack(d);
      case 'statement':
        return this.statement(d);
      case 'diplomatic_contact':
        return this.diplomaticContact(d);
      case 'military_aid_decision':
        return this.aidDecision(d);
      case 'diplomatic_initiative':
        return this.initiative(d);
      case 'sanction':
        return this.sanction(d);
      default:
        return this.other(d);
    }
  }

  // ---- shared pieces ---------------------------------------------------------------------

  private nextReportId(prefix: 'cas' | 'mun' | 'dmg'): Id {
    return `${prefix}_syn_${this.n36}_${counter36(this.reportCount++)}`;
  }

  private cite(sourceId: Id, via: Nullable<Id>, report: { cas?: Id; mun?: Id; dmg?: Id; rel?: Id } | null, quote: Nullable<string>, locator: Nullable<string>): void {
    const id = this.citationPrefix + counter36(this.citationCount++);
    this.sink.citation(id, this.eventId, sourceId, via, report?.cas ?? null, report?.mun ?? null, report?.dmg ?? null, report?.rel ?? null, quote, locator);
  }

  private locator(): string {
    const rng = this.rng;
    if (rng.chance(0.5)) return PARAGRAPH_LOCATORS[rng.int(1, 9)]!;
    const hour = rng.int(5, 23);
    return POST_LOCATORS[hour * 60 + rng.int(0, 59)]!;
  }

  /**
   * Location columns and the gazetteer entry they stand for: a place, sometimes an exact point in
   * a town (still that town's entry), sometimes only the town's unit (the unit's entry).
   */
  private located(p: Place): Where {
    const u = this.rng.next();
    if (u < 0.12 && p.unit && p.entry?.kind === 'settlement') {
      const { latitude, longitude, precision } = p.unit.location!;
      return [null, p.admin1, latitude, longitude, precision, p.unit];
    }
    if (u < 0.2 && (p.entry === null || denotesSettlement(p.entry))) {
      const lat = Math.round((p.latitude + (this.rng.next() - 0.5) * 0.04) * 1e4) / 1e4;
      const lon = Math.round((p.longitude + (this.rng.next() - 0.5) * 0.06) * 1e4) / 1e4;
      return [p.place, p.admin1, lat, lon, 'point', p.entry];
    }
    return [p.place, p.admin1, p.latitude, p.longitude, p.geoPrecision, p.entry];
  }

  /** Adds a place to the event being written, unless the entry is one of its places already. */
  private addPlace(entry: GazetteerEntry | null, role: PlaceRole): void {
    if (entry === null || this.placeEntries.includes(entry)) return;
    this.placeEntries.push(entry);
    this.placeRoles.push(role);
  }

  private emitEvent(
    kind: EventKind,
    status: EventStatus,
    title: string,
    summary: string,
    time: EventTime,
    timezone: string,
    where: Nullable<Where>,
    country: Nullable<string>,
  ): void {
    const startAt = isoSeconds(time.startMs);
    const endAt = time.endMs === null ? null : isoSeconds(time.endMs);
    const span = this.calendar.spanEnd(startAt, time.startPrecision, endAt, time.endPrecision, timezone, status, time.endMs ?? time.startMs);
    this.sink.event(
      this.eventId,
      kind,
      status,
      title,
      summary,
      startAt,
      time.startPrecision,
      endAt,
      time.endPrecision,
      span,
      timezone,
      where ? where[0] : null,
      where ? where[1] : null,
      country,
      where ? where[2] : null,
      where ? where[3] : null,
      where ? where[4] : null,
    );
    for (let i = 0; i < this.placeEntries.length; i++) {
      const r = placeRecord(this.placeEntries[i]!, this.placeRoles[i]!);
      this.sink.place(this.eventId, i, r.role, r.name, r.gazetteerId, r.admin1, r.country, r.latitude, r.longitude, r.geoPrecision, r.searchNames);
    }
  }

  /** A point in day d at the given precision: minute or hour anywhere in [fromMs, toMs) after local midnight. */
  private timeIn(zone: string, d: number, precision: TimePrecision, fromMs: number, toMs: number): number {
    const midnight = this.calendar.dayStart(zone, d);
    if (precision === 'day') return midnight;
    if (precision === 'month') return this.calendar.monthStart(zone, d);
    const dayLength = this.calendar.dayStart(zone, d + 1) - midnight;
    const offset = fromMs + this.rng.next() * (Math.min(toMs, dayLength) - fromMs);
    const unit = precision === 'minute' ? MINUTE_MS : HOUR_MS;
    return midnight + Math.floor(offset / unit) * unit;
  }

  private precision(minute: number, hour: number, day: number): TimePrecision {
    const u = this.rng.next() * (minute + hour + day);
    return u < minute ? 'minute' : u < minute + hour ? 'hour' : 'day';
  }

  /** Casualty figures from `sourceId`, each cited (via a round-up when `via` is set). */
  private casualties(sourceId: Id, via: Nullable<Id>, group: CasualtyGroup, killed: number, injured: number, place: string): string {
    let said = '';
    for (const [category, count] of [['killed', killed], ['injured', injured]] as const) {
      if (count <= 0) continue;
      const w = casualtyWords(this.rng, count, category);
      const id = this.nextReportId('cas');
      this.sink.casualty(id, this.eventId, sourceId, category, group, w.low, w.best, w.high, w.words);
      this.cite(sourceId, via, { cas: id }, `${w.words.charAt(0).toUpperCase()}${w.words.slice(1)} in ${place}.`, this.locator());
      said = said ? `${said}, ${w.words}` : w.words;
    }
    return said;
  }

  private damages(sourceId: Id, via: Nullable<Id>, place: string, count: number): void {
    for (let i = 0; i < count; i++) {
      const category = DAMAGE.pick(this.rng);
      const [one, many] = DAMAGE_WORDS[category];
      const known = this.rng.chance(0.5);
      const n = known ? this.rng.skewed(2, 40) : null;
      const description = n === 1 || (!known && this.rng.chance(0.5)) ? one : n ? `${n} ${many}` : many;
      const id = this.nextReportId('dmg');
      this.sink.damage(id, this.eventId, sourceId, category, n, description);
      this.cite(sourceId, via, { dmg: id }, `Damaged in ${place}: ${description}.`, this.locator());
    }
  }

  // ---- event kinds ------------------------------------------------------------------------

  private aerialAttack(d: number): void {
    const rng = this.rng;
    const russianSide = rng.chance(0.06);
    const place = russianSide ? rng.pick(RUSSIAN_BORDER_PLACES) : AIR_PLACES.pick(rng);
    const where = this.located(place);
    const placeName = where[0] ?? where[1];
    const zone = place.timezone;

    let attack: Attack;
    const u = rng.next();
    if (russianSide) attack = 'drones';
    else if (d < SHAHED_DAY) attack = u < 0.45 ? 'ballistic' : u < 0.75 ? 'missiles' : u < 0.9 ? 's300' : 'combined';
    else if (u < 0.5) attack = 'drones';
    else if (u < 0.64) attack = 'combined';
    else if (u < 0.76) attack = 'ballistic';
    else if (u < 0.82) attack = 's300';
    else if (u < 0.94) attack = place.front > 0 ? 'bombs' : 'drones';
    else attack = 'missiles';
    const overnight = attack === 'drones' || attack === 'combined';

    // Time: an overnight window for drone and combined attacks, a moment for the rest.
    const startPrecision = this.precision(55, 20, 25);
    let time: EventTime;
    if (startPrecision === 'day') {
      const start = this.calendar.dayStart(zone, d);
      time = overnight && rng.chance(0.6) ? { startMs: start, startPrecision, endMs: this.calendar.dayStart(zone, d + 1), endPrecision: 'day' } : { startMs: start, startPrecision, endMs: null, endPrecision: null };
    } else {
      const unit = startPrecision === 'minute' ? MINUTE_MS : HOUR_MS;
      const start = overnight ? this.timeIn(zone, d, startPrecision, 17 * HOUR_MS, 24 * HOUR_MS) : this.timeIn(zone, d, startPrecision, 0, 24 * HOUR_MS);
      const duration = overnight ? rng.int(4 * 60, 13 * 60) * MINUTE_MS : rng.int(0, 40) * MINUTE_MS;
      const end = overnight || rng.chance(0.5) ? start + Math.max(unit, Math.floor(duration / unit) * unit) : null;
      time = { startMs: start, startPrecision, endMs: end, endPrecision: end === null ? null : startPrecision };
    }
    const status: EventStatus = time.endMs === null && rng.chance(0.01) ? 'ongoing' : 'occurred';
    const spansNight = time.endMs !== null && time.endMs >= this.calendar.dayStart(zone, d + 1);
    const when = spansNight ? this.calendar.nightLabel(d) : this.calendar.label(d);
    const side = russianSide ? 'Ukrainian' : 'Russian';

    // Munitions, as the defender's military reports them.
    const salvo = this.salvo;
    salvo.day = d;
    salvo.reporter = russianSide ? NATIONAL_IDS.russian_mod : NATIONAL_IDS.air_force;
    salvo.weapons.length = 0;
    salvo.stopped = 0;
    const years = d / 365;
    if (russianSide) {
      this.munitionReport(WEAPONS.unspecified, null, rng.skewed(6, 120), null, 'drones');
    } else if (attack === 'drones' || attack === 'combined') {
      if (d >= SHAHED_DAY) {
        const launched = rng.skewed(6 + 30 * years, 800);
        const shot = Math.round(launched * (0.55 + 0.37 * rng.next()));
        const lost = d >= LOST_TO_EW_REPORTED_DAY ? Math.round((launched - shot) * (0.3 + 0.65 * rng.next())) : null;
        this.munitionReport(WEAPONS.shahed, launched, shot, lost, 'drones');
        if (d >= WEAPONS.gerbera.fromDay && rng.chance(0.3)) this.munitionReport(WEAPONS.gerbera, rng.skewed(10, 200), 0, null, 'decoy drones');
      }
      if (attack === 'combined' || d < SHAHED_DAY) {
        this.missiles(WEAPONS.kh101, 8, 60, 0.9);
        if (rng.chance(0.4)) this.missiles(WEAPONS.kalibr, 4, 30, 0.85);
        if (rng.chance(0.4)) this.missiles(WEAPONS.iskanderM, 3, 15, 0.4);
        if (rng.chance(0.25)) this.missiles(WEAPONS.kinzhal, 2, 8, 0.3);
      }
    } else if (attack === 'ballistic') {
      this.missiles(d < WEAPONS.tochka.untilDay && rng.chance(0.2) ? WEAPONS.tochka : WEAPONS.iskanderM, 2, 10, 0.3);
    } else if (attack === 's300') {
      this.munitionReport(WEAPONS.s300, rng.skewed(3, 16), null, null, 'missiles');
    } else if (attack === 'bombs') {
      this.munitionReport(rng.chance(0.2) && d >= WEAPONS.fab1500.fromDay ? WEAPONS.fab1500 : WEAPONS.kab, rng.skewed(4, 40), null, null, 'guided bombs');
    } else {
      this.munitionReport(rng.chance(0.5) ? WEAPONS.kh59 : WEAPONS.missile, rng.skewed(2, 8), null, null, 'missiles');
    }
    // A news round-up with its own total, which the official per-model figures need not match.
    const stopped = salvo.stopped;
    if (!russianSide && stopped > 0 && rng.chance(0.25)) {
      const outlet = this.roundup(d);
      const id = this.nextReportId('mun');
      const claim = rng.chance(0.5) ? stopped : Math.max(0, stopped + rng.int(-5, 8));
      this.sink.munition(id, this.eventId, outlet, 'unspecified', null, null, claim, null);
      this.cite(outlet, null, { mun: id }, `Air defence stopped ${claim} of the airborne threats.`, this.locator());
    }

    // Casualties and damage, as the regional administration reports them.
    const regional = REGION_IDS.get(place.admin1)!;
    let said = '';
    if (rng.chance(0.55)) {
      const killed = rng.chance(0.45) ? rng.skewed(2, 60) : 0;
      const injured = rng.chance(0.85) ? rng.skewed(4, 150) : 0;
      said = this.casualties(regional, rng.chance(0.4) ? this.roundup(d) : null, 'civilian', killed, injured, placeName);
      if (rng.chance(0.12) && (killed > 0 || injured > 0)) {
        // Two sources disagree: a round-up counts differently from the administration.
        this.casualties(this.roundup(d), null, 'civilian', killed > 0 ? killed + rng.int(1, 4) : 0, injured > 0 ? Math.max(1, injured + rng.int(-3, 6)) : 0, placeName);
      }
    }
    if (rng.chance(0.65)) this.damages(regional, rng.chance(0.3) ? this.roundup(d) : null, placeName, rng.int(1, 2));

    const attacker = russianSide ? A('armed_forces_of_ukraine') : attack === 'drones' ? A('russian_armed_forces') : A('russian_aerospace_forces');
    this.sink.eventActor(this.eventId, attacker, 'initiator');
    this.sink.eventActor(this.eventId, russianSide ? A('russia') : A('ukraine'), 'target');
    if (!russianSide && stopped > 0) this.sink.eventActor(this.eventId, A('ukrainian_air_force'), 'defender');

    const title = `${side} ${ATTACK_TITLES[attack]} on ${placeName}, ${when}`;
    const summary = `${side} forces attacked ${placeName} with ${salvo.weapons.join(', ')}.${said ? ` Reported: ${said}.` : ''} Figures are listed per source.`;
    // Places as the Air Force names them: the place of the title first, other cities and oblasts
    // reached, and sometimes where the weapons came from.
    this.addPlace(where[5], 'target');
    if (russianSide) {
      if (rng.chance(0.2)) this.addPlace(rng.pick(RUSSIAN_BORDER_PLACES).entry, 'affected');
    } else {
      const more = (overnight ? OVERNIGHT_PLACES.pick(rng) : rng.chance(0.75) ? 1 : rng.int(2, 3)) - 1;
      for (let i = 0; i < more; i++) {
        const other = AIR_PLACES.pick(rng);
        // The file names oblasts more often than towns.
        this.addPlace(other.entry?.kind === 'settlement' && rng.chance(0.5) ? other.unit : other.entry, rng.chance(0.25) ? 'target' : 'affected');
      }
      if (rng.chance(attack === 'bombs' ? 0.2 : 0.45)) {
        const sites =
          attack === 'drones' ? LAUNCHES.drones
          : attack === 'missiles' ? LAUNCHES.cruise
          : attack === 'bombs' ? LAUNCHES.bombs
          : attack === 'combined' ? (rng.chance(0.5) ? LAUNCHES.drones : LAUNCHES.cruise)
          : LAUNCHES.ballistic;
        for (let i = LAUNCH_SITE_COUNT.pick(rng); i > 0; i--) this.addPlace(sites.pick(rng), 'launch_site');
      }
    }
    this.emitEvent('aerial_attack', status, title, summary, time, zone, where, place.country);
    this.citeEvent(d, regional, title);
  }

  /** One munition figure of the current aerial attack, as its defender's military reports it, with its citation. */
  private munitionReport(w: WeaponSpec, launched: Nullable<number>, intercepted: Nullable<number>, lost: Nullable<number>, plural: string): void {
    const rng = this.rng;
    const salvo = this.salvo;
    const id = this.nextReportId('mun');
    this.sink.munition(id, this.eventId, salvo.reporter, w.category, w.model, launched, intercepted, lost);
    const name = w.model ?? plural;
    const parts = [launched !== null ? `${launched} ${name} launched` : null, intercepted !== null ? `${intercepted} shot down` : null, lost !== null ? `${lost} lost to electronic warfare` : null];
    const via = rng.chance(0.3) ? this.roundup(salvo.day) : null;
    this.cite(salvo.reporter, via, { mun: id }, `${parts.filter(Boolean).join(', ')}.`, this.locator());
    salvo.stopped += (intercepted ?? 0) + (lost ?? 0);
    salvo.weapons.push(w.model ? `${w.model} ${plural}` : plural);
  }

  private missiles(w: WeaponSpec, typical: number, max: number, shotShare: number): void {
    const rng = this.rng;
    const launched = rng.skewed(typical, max);
    this.munitionReport(w, launched, Math.min(launched, Math.round(launched * shotShare * (0.6 + 0.4 * rng.next()))), null, 'missiles');
  }

  /** The event's own citation: a round-up, or the administration read in a round-up. */
  private citeEvent(d: number, official: Id, title: string): void {
    const outlet = this.roundup(d);
    if (this.rng.chance(0.4)) this.cite(official, outlet, null, `${title}.`, this.locator());
    else this.cite(outlet, null, null, `${title}.`, this.locator());
  }

  private shelling(d: number): void {
    const rng = this.rng;
    const russianSide = rng.chance(0.05);
    const place = russianSide ? rng.pick(RUSSIAN_BORDER_PLACES) : FRONT_PLACES.pick(rng);
    const where = this.located(place);
    const placeName = where[0] ?? where[1];
    const zone = place.timezone;
    const startPrecision = this.precision(40, 30, 30);
    const start = this.timeIn(zone, d, startPrecision, 0, 24 * HOUR_MS);
    const end = startPrecision !== 'day' && rng.chance(0.1) ? start + rng.int(1, 4) * HOUR_MS : null;
    const time: EventTime = { startMs: start, startPrecision, endMs: end, endPrecision: end === null ? null : startPrecision };
    const weapon = rng.pick(SHELLING_WEAPONS);
    const regional = REGION_IDS.get(place.admin1)!;
    let said = '';
    if (rng.chance(0.6)) {
      said = this.casualties(regional, rng.chance(0.4) ? this.roundup(d) : null, 'civilian', rng.chance(0.4) ? rng.skewed(1.5, 25) : 0, rng.chance(0.8) ? rng.skewed(2.5, 40) : 0, placeName);
    }
    if (rng.chance(0.55)) this.damages(regional, rng.chance(0.3) ? this.roundup(d) : null, placeName, rng.int(1, 2));
    this.sink.eventActor(this.eventId, russianSide ? A('armed_forces_of_ukraine') : rng.chance(0.6) ? A('russian_armed_forces') : A('russian_ground_forces'), 'initiator');
    if (rng.chance(0.6)) this.sink.eventActor(this.eventId, russianSide ? A('russia') : A('ukraine'), 'target');
    const title = `${weapon.charAt(0).toUpperCase()}${weapon.slice(1)} fire on ${placeName}, ${this.calendar.label(d)}`;
    const summary = `${russianSide ? 'Ukrainian' : 'Russian'} ${weapon} fire hit ${placeName}.${said ? ` Reported: ${said}.` : ''}`;
    this.addPlace(where[5], 'target');
    this.emitEvent('shelling', 'occurred', title, summary, time, zone, where, place.country);
    this.citeEvent(d, regional, title);
  }

  private groundAttack(d: number): void {
    const rng = this.rng;
    const place = FRONT_PLACES.pick(rng);
    const where = this.located(place);
    const placeName = where[0] ?? where[1];
    const russianAttack = rng.chance(0.75);
    const ongoing = rng.chance(0.2);
    const startPrecision: TimePrecision = rng.chance(0.9) ? 'day' : 'hour';
    const start = this.timeIn(place.timezone, d, startPrecision, 4 * HOUR_MS, 20 * HOUR_MS);
    const end = !ongoing && rng.chance(0.6) ? this.calendar.dayStart(place.timezone, d + rng.int(1, 7)) : null;
    const time: EventTime = { startMs: start, startPrecision, endMs: end, endPrecision: end === null ? null : 'day' };
    const attacker = russianAttack ? A('russian_ground_forces') : A('ukrainian_ground_forces');
    const defender = russianAttack ? A('ukrainian_ground_forces') : A('russian_ground_forces');
    this.sink.eventActor(this.eventId, attacker, 'initiator');
    this.sink.eventActor(this.eventId, defender, 'defender');
    if (rng.chance(0.4)) {
      // Each side counts the other's losses; a round-up sometimes gives a third figure.
      const claimant = russianAttack ? NATIONAL_IDS.general_staff : NATIONAL_IDS.russian_mod;
      const losses = rng.skewed(40, 900);
      this.casualties(claimant, rng.chance(0.3) ? this.roundup(d) : null, 'military', losses, rng.chance(0.5) ? rng.skewed(60, 1500) : 0, `the ${placeName} direction`);
      if (rng.chance(0.15)) this.casualties(this.roundup(d), null, 'military', Math.max(1, Math.round(losses * (0.4 + rng.next()))), 0, `the ${placeName} direction`);
    }
    const title = russianAttack ? `Russian assault near ${placeName}, ${this.calendar.label(d)}` : `Ukrainian counter-attack near ${placeName}, ${this.calendar.label(d)}`;
    const summary = `${russianAttack ? 'Russian' : 'Ukrainian'} units attacked positions near ${placeName}${ongoing ? '; fighting continues' : ''}.`;
    this.addPlace(where[5], 'target');
    this.emitEvent('ground_attack', ongoing ? 'ongoing' : 'occurred', title, summary, time, place.timezone, where, place.country);
    this.citeEvent(d, NATIONAL_IDS.general_staff, title);
  }

  private statement(d: number): void {
    const rng = this.rng;
    const president = d >= TRUMP_DAY ? 'donald_trump' : 'joe_biden';
    const speakers = ['volodymyr_zelenskyy', 'volodymyr_zelenskyy', 'vladimir_putin', president, 'sergey_lavrov', 'emmanuel_macron', 'antonio_guterres', 'rafael_grossi', 'kremlin', 'ukrainian_mfa'] as const;
    const slug = rng.pick(speakers);
    const speaker = ACTORS.find((a) => a.slug === slug)!;
    const topic = rng.pick(STATEMENT_TOPICS);
    const capital = CAPITALS_BY_COUNTRY.get(speaker.country ?? 'CH') ?? KYIV;
    const precision: TimePrecision = rng.chance(0.5) ? 'minute' : 'day';
    const time: EventTime = { startMs: this.timeIn(capital.timezone, d, precision, 8 * HOUR_MS, 22 * HOUR_MS), startPrecision: precision, endMs: null, endPrecision: null };
    this.sink.eventActor(this.eventId, A(slug), 'speaker');
    const title = `${speaker.name} on ${topic}`;
    const summary = `${speaker.name} spoke about ${topic} on ${this.calendar.label(d)}.`;
    const where = rng.chance(0.7) ? this.located(capital) : null;
    if (where) this.addPlace(where[5], WHERE_IT_HAPPENED);
    this.emitEvent('statement', 'occurred', title, summary, time, capital.timezone, where, capital.country);
    const channel = slug === 'volodymyr_zelenskyy' ? NATIONAL_IDS.president_office : this.roundup(d);
    this.cite(channel, channel === NATIONAL_IDS.president_office && rng.chance(0.5) ? this.roundup(d) : null, null, `${summary}`, this.locator());
    // A statement often answers the attack recorded just before it.
    if (this.eventNumber > 0 && rng.chance(0.5) && this.kindOf(this.eventNumber - 1) === 'aerial_attack') {
      const relationId = `rel_syn_${this.n36}`;
      this.sink.relation(relationId, this.eventId, 'responds_to', syntheticEventId(this.eventNumber - 1));
      this.cite(this.roundup(d), null, { rel: relationId }, `${speaker.name} was speaking after the latest attack.`, this.locator());
    }
  }

  private diplomaticContact(d: number): void {
    const rng = this.rng;
    const president = d >= TRUMP_DAY ? 'donald_trump' : 'joe_biden';
    const pairs = [
      ['volodymyr_zelenskyy', president],
      ['volodymyr_zelenskyy', 'emmanuel_macron'],
      ['volodymyr_zelenskyy', 'recep_tayyip_erdogan'],
      ['volodymyr_zelenskyy', 'antonio_guterres'],
      ['vladimir_putin', 'recep_tayyip_erdogan'],
      ['vladimir_putin', d >= TRUMP_DAY ? 'donald_trump' : 'emmanuel_macron'],
      ['sergey_lavrov', 'antonio_guterres'],
      ['rafael_grossi', 'vladimir_putin'],
    ] as const;
    const [a, b] = rng.pick(pairs);
    const nameA = ACTORS.find((x) => x.slug === a)!.name;
    const nameB = ACTORS.find((x) => x.slug === b)!.name;
    const u = rng.next();
    const status: EventStatus = u < 0.8 ? 'occurred' : u < 0.92 ? 'scheduled' : 'cancelled';
    // Scheduled contacts are recorded when announced, for a day up to three weeks ahead.
    const day = status === 'scheduled' ? d + rng.int(1, 21) : d;
    const call = rng.chance(0.6);
    const venue = call ? null : rng.pick(CAPITALS);
    const zone = venue?.timezone ?? CAPITALS_BY_COUNTRY.get(ACTORS.find((x) => x.slug === a)!.country ?? 'UA')?.timezone ?? 'Europe/Kyiv';
    const precision = status === 'scheduled' ? 'day' : this.precision(30, 10, 60);
    const startMs = this.timeIn(zone, day, precision, 9 * HOUR_MS, 20 * HOUR_MS);
    const endMs = precision === 'day' ? null : startMs + (precision === 'hour' ? 1 : rng.int(1, 3)) * HOUR_MS;
    const time: EventTime = { startMs, startPrecision: precision, endMs, endPrecision: endMs === null ? null : precision };
    this.sink.eventActor(this.eventId, A(a), 'participant');
    this.sink.eventActor(this.eventId, A(b), 'participant');
    const title = call ? `${nameA} – ${nameB} phone call` : `${nameA} meets ${nameB} in ${venue!.place}`;
    const summary = `${status === 'scheduled' ? 'Planned: ' : status === 'cancelled' ? 'Cancelled: ' : ''}${title}, ${this.calendar.label(day)}.`;
    const where = venue ? this.located(venue) : null;
    if (where) this.addPlace(where[5], WHERE_IT_HAPPENED);
    this.emitEvent('diplomatic_contact', status, title, summary, time, zone, where, venue?.country ?? null);
    this.cite(this.roundup(d), null, null, summary, this.locator());
  }

  private aidDecision(d: number): void {
    const rng = this.rng;
    const donors = ['united_states', 'germany', 'united_kingdom', 'france', 'poland', 'european_union', 'ramstein_group'] as const;
    const donor = rng.pick(donors);
    const spec = ACTORS.find((a) => a.slug === donor)!;
    const capital = CAPITALS_BY_COUNTRY.get(spec.country ?? 'BE')!;
    const item = rng.pick(AID_ITEMS);
    const paused = rng.chance(0.1);
    const precision: TimePrecision = rng.chance(0.7) ? 'day' : 'month';
    const time: EventTime = { startMs: this.timeIn(capital.timezone, d, precision, 0, 0), startPrecision: precision, endMs: null, endPrecision: null };
    this.sink.eventActor(this.eventId, A(donor), 'initiator');
    this.sink.eventActor(this.eventId, A('ukraine'), 'recipient');
    const title = paused ? `${spec.name} pauses deliveries of ${item} to Ukraine` : `${spec.name} military aid package for Ukraine: ${item}`;
    const summary = `${title}, announced ${precision === 'month' ? `in ${this.calendar.monthLabel(d)}` : `on ${this.calendar.label(d)}`}.`;
    const where = this.located(capital);
    this.addPlace(where[5], WHERE_IT_HAPPENED);
    this.emitEvent('military_aid_decision', paused ? 'ongoing' : 'occurred', title, summary, time, capital.timezone, where, capital.country);
    this.cite(this.roundup(d), null, null, summary, this.locator());
  }

  private initiative(d: number): void {
    const rng = this.rng;
    const initiators = ['turkey', 'united_nations', 'ukraine', 'iaea', 'france', 'g7'] as const;
    const slug = rng.pick(initiators);
    const spec = ACTORS.find((a) => a.slug === slug)!;
    const capital = CAPITALS_BY_COUNTRY.get(spec.country ?? 'CH')!;
    const topic = rng.pick(INITIATIVES);
    const u = rng.next();
    const status: EventStatus = u < 0.5 ? 'ongoing' : u < 0.9 ? 'occurred' : 'cancelled';
    const precision: TimePrecision = rng.chance(0.4) ? 'day' : 'month';
    const startMs = this.timeIn(capital.timezone, d, precision, 0, 0);
    const endMs = status === 'ongoing' || rng.chance(0.5) ? null : this.calendar.dayStart(capital.timezone, Math.min(d + rng.int(7, 120), WAR_DAYS));
    const time: EventTime = { startMs, startPrecision: precision, endMs, endPrecision: endMs === null ? null : 'day' };
    this.sink.eventActor(this.eventId, A(slug), 'initiator');
    this.sink.eventActor(this.eventId, A(rng.chance(0.5) ? 'ukraine' : 'russia'), 'participant');
    const title = `${spec.name} initiative on ${topic}`;
    const summary = `${spec.name} proposed talks on ${topic}.${status === 'cancelled' ? ' The initiative was later abandoned.' : ''}`;
    const where = this.located(capital);
    this.addPlace(where[5], WHERE_IT_HAPPENED);
    this.emitEvent('diplomatic_initiative', status, title, summary, time, capital.timezone, where, capital.country);
    this.cite(this.roundup(d), null, null, summary, this.locator());
  }

  private sanction(d: number): void {
    const rng = this.rng;
    const issuers = ['european_union', 'united_states', 'united_kingdom', 'g7'] as const;
    const slug = rng.pick(issuers);
    const spec = ACTORS.find((a) => a.slug === slug)!;
    const capital = CAPITALS_BY_COUNTRY.get(spec.country ?? 'BE')!;
    const target = rng.pick(SANCTION_TARGETS);
    const time: EventTime = { startMs: this.calendar.dayStart(capital.timezone, d), startPrecision: 'day', endMs: null, endPrecision: null };
    this.sink.eventActor(this.eventId, A(slug), 'initiator');
    this.sink.eventActor(this.eventId, A('russia'), 'target');
    const title = `${spec.name} sanctions on Russian ${target}`;
    const summary = `${spec.name} adopted sanctions targeting Russian ${target}.`;
    const where = this.located(capital);
    this.addPlace(where[5], WHERE_IT_HAPPENED);
    this.emitEvent('sanction', 'occurred', title, summary, time, capital.timezone, where, capital.country);
    this.cite(this.roundup(d), null, null, summary, this.locator());
  }

  private other(d: number): void {
    const rng = this.rng;
    const place = AIR_PLACES.pick(rng);
    const where = this.located(place);
    const template = rng.pick(OTHER_TITLES);
    const title = `${template.replace('{place}', where[0] ?? where[1]).replace('{admin1}', place.admin1)}, ${this.calendar.label(d)}`;
    const ongoing = template.startsWith('Power') && rng.chance(0.3);
    const precision: TimePrecision = rng.chance(0.5) ? 'day' : 'hour';
    const time: EventTime = { startMs: this.timeIn(place.timezone, d, precision, 0, 24 * HOUR_MS), startPrecision: precision, endMs: null, endPrecision: null };
    const regional = REGION_IDS.get(place.admin1)!;
    if (template.startsWith('Power')) this.damages(regional, null, where[0] ?? where[1], 1);
    const summary = `${title}.`;
    this.addPlace(where[5], 'affected');
    this.emitEvent('other', ongoing ? 'ongoing' : 'occurred', title, summary, time, place.timezone, where, place.country);
    this.citeEvent(d, regional, title);
  }
}

type EventTime = { startMs: number; startPrecision: TimePrecision; endMs: number | null; endPrecision: TimePrecision | null };
/** An event's location columns (place, admin1, latitude, longitude, precision) and the gazetteer entry they stand for. */
type Where = [place: Nullable<string>, admin1: string, latitude: number, longitude: number, precision: GeoPrecision, entry: GazetteerEntry | null];
