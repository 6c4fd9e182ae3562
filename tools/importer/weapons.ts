// Weapon models of the Air Force dataset: their names as sitrep writes them and their category,
// from the weapon catalogue (missiles_and_uavs.csv) with a few corrections of its own.
import { parse } from 'csv-parse/sync';
import type { WeaponCategory } from '../../src/domain/vocabulary.js';

/** Model name as the dataset spells it → the catalogue's category text (`UAV`, `cruise missile`, …). */
export type WeaponCatalogue = ReadonlyMap<string, string>;

export class CatalogueError extends Error {}

export function parseCatalogue(csvText: string): WeaponCatalogue {
  const records = parse(csvText, { columns: true, skip_empty_lines: true, bom: true, trim: true, relax_column_count: true }) as Record<string, string | undefined>[];
  const first = records[0];
  if (first && (!('model' in first) || !('category' in first))) throw new CatalogueError('the weapon catalogue needs the columns "model" and "category"');
  const out = new Map<string, string>();
  for (const r of records) if (r.model && r.category) out.set(collapse(r.model), r.category.trim().toLowerCase());
  return out;
}

const CATALOGUE_CATEGORIES: Record<string, WeaponCategory> = {
  uav: 'drone',
  'cruise missile': 'cruise_missile',
  'ballistic missile': 'ballistic_missile',
  'guided bomb': 'guided_bomb',
  'surface-to-air missile': 'surface_to_air_missile',
};

const MISSILE_CATEGORIES = new Set<WeaponCategory>(['cruise_missile', 'ballistic_missile', 'aeroballistic_missile', 'surface_to_air_missile', 'missile']);

// Where sitrep knows better than the catalogue: the Kinzhal is air-launched and aeroballistic
// (the catalogue files it as ballistic), and "Unknown Missile" is a missile of unstated type
// (the catalogue files it as cruise).
const CATEGORY_OVERRIDES: Record<string, WeaponCategory> = {
  'X-47 Kinzhal': 'aeroballistic_missile',
  'Unknown Missile': 'missile',
};

// The dataset's names for "a drone/missile of unstated model": the report keeps the category and
// a null model, as the seed does for figures that name no model.
const UNNAMED_MODELS = new Set(['Unknown UAV', 'Unknown Missile']);

// Names whose Latin spelling is settled; other Cyrillic names are transliterated letter by letter.
const LATIN_NAMES: Record<string, string> = {
  'X-47 Kinzhal': 'Kh-47M2 Kinzhal',
  Молнія: 'Molniya',
  Молния: 'Molniya',
  Фенікс: 'Feniks',
  Картограф: 'Kartograf',
  'Привет-82': 'Privet-82',
};

export type WeaponResolution = {
  /** The model as sitrep writes it; null when the dataset names no model ("Unknown UAV"). */
  model: string | null;
  category: WeaponCategory;
  /** False when neither the catalogue nor sitrep's own knowledge classifies the model. */
  known: boolean;
};

/**
 * Resolves a dataset model name. A combined name ("X-22 and X-32") stays one model, normalised
 * part by part; its category comes from its parts when each is known (all alike: that category;
 * missiles of different kinds: `missile`), otherwise from the catalogue's row for the whole name.
 * A model neither source classifies is `unspecified`, and `known` is false.
 */
export function resolveWeapon(asSpelled: string, catalogue: WeaponCatalogue): WeaponResolution {
  const name = collapse(asSpelled);
  const parts = name.split(' and ').map((p) => p.trim());
  const model = UNNAMED_MODELS.has(name) ? null : parts.map(normalisePart).join(' and ');
  const partCategories = parts.map((p) => categoryOfPart(p, catalogue));
  let category: WeaponCategory | null = null;
  if (partCategories.every((c): c is WeaponCategory => c !== null)) category = combine(partCategories);
  else if (parts.length > 1) category = categoryOfPart(name, catalogue);
  return category === null ? { model, category: 'unspecified', known: false } : { model, category, known: true };
}

function categoryOfPart(part: string, catalogue: WeaponCatalogue): WeaponCategory | null {
  if (Object.hasOwn(CATEGORY_OVERRIDES, part)) return CATEGORY_OVERRIDES[part]!;
  const text = catalogue.get(part);
  if (text === undefined) return null;
  if (Object.hasOwn(CATALOGUE_CATEGORIES, text)) return CATALOGUE_CATEGORIES[text]!;
  // "surface-to-air and ballistic": missiles of more than one kind.
  if (text.includes(' and ') && text.split(' and ').every((t) => /missile|ballistic|cruise|surface-to-air/.test(t))) return 'missile';
  return null;
}

function combine(categories: WeaponCategory[]): WeaponCategory {
  const distinct = [...new Set(categories)];
  if (distinct.length === 1) return distinct[0]!;
  if (distinct.every((c) => MISSILE_CATEGORIES.has(c))) return 'missile';
  // Drones and missiles reported together as one figure.
  return 'unspecified';
}

/** One model name in sitrep's spelling: `X-101/X-555` → `Kh-101/Kh-555`, `C-300` → `S-300`. */
export function normalisePart(part: string): string {
  const name = collapse(part);
  if (Object.hasOwn(LATIN_NAMES, name)) return LATIN_NAMES[name]!;
  // The dataset writes the Cyrillic Х (Kh) and С (S) of Russian designations as Latin X and C.
  const latin = name.replace(/(^|[\s/])[XХ]-(?=\d)/g, '$1Kh-').replace(/(^|[\s/])[CС]-(?=\d)/g, '$1S-');
  return /[\u0400-\u04FF]/.test(latin) ? transliterate(latin) : latin;
}

function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

// A plain romanisation of Ukrainian and Russian letters, for names not in LATIN_NAMES.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ё: 'yo', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', '’': '', "'": '',
};

export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = CYRILLIC[lower];
    if (latin === undefined) out += ch;
    else out += ch !== lower && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  }
  return out;
}
