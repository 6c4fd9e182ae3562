// The places synthetic events happen in: Ukrainian cities and oblasts (Europe/Kyiv) weighted by how
// often the war reached them, a few Russian border cities, and capitals for diplomatic events.
// Coordinates are city centres or rough oblast centroids, rounded to four decimals.

export type Place = {
  place: string;
  admin1: string;
  country: string;
  latitude: number;
  longitude: number;
  timezone: string;
  /** Relative share of shelling and ground fighting. */
  front: number;
  /** Relative share of drone and missile attacks. */
  air: number;
};

const ua = (place: string, admin1: string, latitude: number, longitude: number, front: number, air: number): Place => ({
  place,
  admin1,
  country: 'UA',
  latitude,
  longitude,
  timezone: 'Europe/Kyiv',
  front,
  air,
});

export const UKRAINIAN_PLACES: readonly Place[] = [
  ua('Kyiv', 'Kyiv', 50.4501, 30.5234, 0, 14),
  ua('Brovary', 'Kyiv Oblast', 50.511, 30.7909, 0, 2),
  ua('Bila Tserkva', 'Kyiv Oblast', 49.7968, 30.1311, 0, 2),
  ua('Kharkiv', 'Kharkiv Oblast', 49.9935, 36.2304, 8, 12),
  ua('Kupiansk', 'Kharkiv Oblast', 49.7106, 37.6156, 7, 2),
  ua('Chuhuiv', 'Kharkiv Oblast', 49.8353, 36.688, 3, 1),
  ua('Izium', 'Kharkiv Oblast', 49.2128, 37.2569, 3, 1),
  ua('Vovchansk', 'Kharkiv Oblast', 50.2906, 36.9414, 5, 1),
  ua('Kramatorsk', 'Donetsk Oblast', 48.7305, 37.5879, 5, 3),
  ua('Sloviansk', 'Donetsk Oblast', 48.8533, 37.605, 5, 2),
  ua('Bakhmut', 'Donetsk Oblast', 48.5956, 38.0003, 9, 1),
  ua('Avdiivka', 'Donetsk Oblast', 48.1394, 37.7497, 8, 1),
  ua('Pokrovsk', 'Donetsk Oblast', 48.2828, 37.1761, 8, 2),
  ua('Kostiantynivka', 'Donetsk Oblast', 48.5277, 37.7069, 6, 2),
  ua('Chasiv Yar', 'Donetsk Oblast', 48.5866, 37.8347, 6, 1),
  ua('Toretsk', 'Donetsk Oblast', 48.3977, 37.847, 6, 1),
  ua('Kurakhove', 'Donetsk Oblast', 47.9836, 37.2826, 5, 1),
  ua('Vuhledar', 'Donetsk Oblast', 47.7797, 37.2478, 4, 1),
  ua('Zaporizhzhia', 'Zaporizhzhia Oblast', 47.8388, 35.1396, 4, 8),
  ua('Orikhiv', 'Zaporizhzhia Oblast', 47.5677, 35.7851, 7, 1),
  ua('Huliaipole', 'Zaporizhzhia Oblast', 47.6634, 36.2567, 6, 1),
  ua('Kherson', 'Kherson Oblast', 46.6354, 32.6169, 9, 3),
  ua('Beryslav', 'Kherson Oblast', 46.8416, 33.4257, 5, 1),
  ua('Nikopol', 'Dnipropetrovsk Oblast', 47.5669, 34.395, 8, 1),
  ua('Marhanets', 'Dnipropetrovsk Oblast', 47.647, 34.6272, 5, 1),
  ua('Dnipro', 'Dnipropetrovsk Oblast', 48.4647, 35.0462, 0, 7),
  ua('Kryvyi Rih', 'Dnipropetrovsk Oblast', 47.9105, 33.3918, 1, 5),
  ua('Pavlohrad', 'Dnipropetrovsk Oblast', 48.5353, 35.87, 0, 3),
  ua('Sumy', 'Sumy Oblast', 50.9077, 34.7981, 4, 6),
  ua('Shostka', 'Sumy Oblast', 51.8656, 33.4758, 2, 2),
  ua('Okhtyrka', 'Sumy Oblast', 50.3103, 34.8988, 2, 1),
  ua('Chernihiv', 'Chernihiv Oblast', 51.4982, 31.2893, 2, 4),
  ua('Odesa', 'Odesa Oblast', 46.4825, 30.7233, 0, 10),
  ua('Izmail', 'Odesa Oblast', 45.3515, 28.8372, 0, 3),
  ua('Mykolaiv', 'Mykolaiv Oblast', 46.975, 31.9946, 3, 5),
  ua('Ochakiv', 'Mykolaiv Oblast', 46.6128, 31.5484, 3, 1),
  ua('Poltava', 'Poltava Oblast', 49.5883, 34.5514, 0, 3),
  ua('Kremenchuk', 'Poltava Oblast', 49.0659, 33.4204, 0, 3),
  ua('Lviv', 'Lviv Oblast', 49.8397, 24.0297, 0, 4),
  ua('Vinnytsia', 'Vinnytsia Oblast', 49.2331, 28.4682, 0, 3),
  ua('Khmelnytskyi', 'Khmelnytskyi Oblast', 49.4229, 26.9871, 0, 2),
  ua('Starokostiantyniv', 'Khmelnytskyi Oblast', 49.7565, 27.2037, 0, 2),
  ua('Zhytomyr', 'Zhytomyr Oblast', 50.2547, 28.6587, 0, 2),
  ua('Cherkasy', 'Cherkasy Oblast', 49.4444, 32.0598, 0, 2),
  ua('Kropyvnytskyi', 'Kirovohrad Oblast', 48.5079, 32.2623, 0, 2),
  ua('Rivne', 'Rivne Oblast', 50.6199, 26.2516, 0, 1),
  ua('Lutsk', 'Volyn Oblast', 50.7472, 25.3254, 0, 1),
  ua('Ivano-Frankivsk', 'Ivano-Frankivsk Oblast', 48.9226, 24.7111, 0, 1),
  ua('Ternopil', 'Ternopil Oblast', 49.5535, 25.5948, 0, 1),
  ua('Chernivtsi', 'Chernivtsi Oblast', 48.2915, 25.9403, 0, 1),
  ua('Uzhhorod', 'Zakarpattia Oblast', 48.6208, 22.2879, 0, 0.5),
];

/** Rough centroids, for events a source locates only to the oblast. */
export const OBLAST_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
  Kyiv: [50.4501, 30.5234],
  'Kyiv Oblast': [50.3, 30.5],
  'Kharkiv Oblast': [49.6, 36.5],
  'Donetsk Oblast': [48.0, 37.8],
  'Zaporizhzhia Oblast': [47.3, 35.5],
  'Kherson Oblast': [46.7, 33.5],
  'Dnipropetrovsk Oblast': [48.4, 35.0],
  'Sumy Oblast': [50.9, 34.2],
  'Chernihiv Oblast': [51.3, 32.0],
  'Odesa Oblast': [46.8, 30.0],
  'Mykolaiv Oblast': [47.3, 32.0],
  'Poltava Oblast': [49.6, 34.0],
  'Lviv Oblast': [49.8, 24.0],
  'Vinnytsia Oblast': [49.0, 28.6],
  'Khmelnytskyi Oblast': [49.4, 27.0],
  'Zhytomyr Oblast': [50.5, 28.5],
  'Cherkasy Oblast': [49.3, 31.6],
  'Kirovohrad Oblast': [48.4, 32.1],
  'Rivne Oblast': [51.0, 26.3],
  'Volyn Oblast': [51.2, 25.0],
  'Ivano-Frankivsk Oblast': [48.8, 24.5],
  'Ternopil Oblast': [49.4, 25.6],
  'Chernivtsi Oblast': [48.3, 25.9],
  'Zakarpattia Oblast': [48.4, 23.0],
};

/** Russian border cities that report cross-border fire and drone attacks. */
export const RUSSIAN_BORDER_PLACES: readonly Place[] = [
  { place: 'Belgorod', admin1: 'Belgorod Oblast', country: 'RU', latitude: 50.5954, longitude: 36.5873, timezone: 'Europe/Moscow', front: 3, air: 2 },
  { place: 'Kursk', admin1: 'Kursk Oblast', country: 'RU', latitude: 51.7304, longitude: 36.1926, timezone: 'Europe/Moscow', front: 1, air: 1 },
  { place: 'Bryansk', admin1: 'Bryansk Oblast', country: 'RU', latitude: 53.2434, longitude: 34.3634, timezone: 'Europe/Moscow', front: 1, air: 1 },
];

/** Where talks, statements, aid and sanctions decisions happen. */
export const CAPITALS: readonly Place[] = [
  { place: 'Kyiv', admin1: 'Kyiv', country: 'UA', latitude: 50.4501, longitude: 30.5234, timezone: 'Europe/Kyiv', front: 0, air: 6 },
  { place: 'Moscow', admin1: 'Moscow', country: 'RU', latitude: 55.7558, longitude: 37.6173, timezone: 'Europe/Moscow', front: 0, air: 3 },
  { place: 'Washington', admin1: 'District of Columbia', country: 'US', latitude: 38.9072, longitude: -77.0369, timezone: 'America/New_York', front: 0, air: 3 },
  { place: 'Brussels', admin1: 'Brussels-Capital Region', country: 'BE', latitude: 50.8503, longitude: 4.3517, timezone: 'Europe/Brussels', front: 0, air: 3 },
  { place: 'Berlin', admin1: 'Berlin', country: 'DE', latitude: 52.52, longitude: 13.405, timezone: 'Europe/Berlin', front: 0, air: 2 },
  { place: 'London', admin1: 'England', country: 'GB', latitude: 51.5072, longitude: -0.1276, timezone: 'Europe/London', front: 0, air: 2 },
  { place: 'Paris', admin1: 'Île-de-France', country: 'FR', latitude: 48.8566, longitude: 2.3522, timezone: 'Europe/Paris', front: 0, air: 1 },
  { place: 'Warsaw', admin1: 'Masovian Voivodeship', country: 'PL', latitude: 52.2297, longitude: 21.0122, timezone: 'Europe/Warsaw', front: 0, air: 1 },
  { place: 'Istanbul', admin1: 'Istanbul', country: 'TR', latitude: 41.0082, longitude: 28.9784, timezone: 'Europe/Istanbul', front: 0, air: 1 },
  { place: 'Geneva', admin1: 'Geneva', country: 'CH', latitude: 46.2044, longitude: 6.1432, timezone: 'Europe/Zurich', front: 0, air: 1 },
  { place: 'Jeddah', admin1: 'Makkah Province', country: 'SA', latitude: 21.5433, longitude: 39.1728, timezone: 'Asia/Riyadh', front: 0, air: 0.5 },
];
