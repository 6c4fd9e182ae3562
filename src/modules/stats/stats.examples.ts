// Example bodies for the OpenAPI document (/docs shows them), trimmed from what the seed dataset
// serves. test/openapi.test.ts parses every example with its zod schema.
import { airForceRefExample, articleRefExample, timeRefExample } from '../sources/sources.examples.js';

const once = { event_count: 1, source_count: 1 };

const killed = { category: 'killed', group: 'civilian', low: 1, best: 1, high: 1, ...once };
const injured = { category: 'injured', group: 'civilian', low: 23, best: 23, high: null, ...once };

export const casualtyStatsExample = {
  bucket: 'all',
  tz: 'UTC',
  data: [
    {
      label: 'all',
      start: null,
      end: null,
      figures: [killed, injured],
      by_source: [{ source: articleRefExample, figures: [killed, injured] }],
    },
  ],
};

const airForceTotal = { launched: 550, intercepted: 270, lost_to_ew: 208, interception_rate: 0.4909, neutralisation_rate: 0.8691, ...once };
const shahed = { launched: 539, intercepted: 268, lost_to_ew: 208, interception_rate: 0.4972, neutralisation_rate: 0.8831, ...once };
const iskanderK = { launched: 4, intercepted: 2, lost_to_ew: null, interception_rate: 0.5, neutralisation_rate: 0.5, ...once };
const noneStopped = { intercepted: 0, lost_to_ew: null, interception_rate: 0, neutralisation_rate: 0, ...once };
const airForceByCategory = [
  { weapon_category: 'drone', ...shahed },
  { weapon_category: 'cruise_missile', ...iskanderK },
  { weapon_category: 'ballistic_missile', launched: 6, ...noneStopped },
  { weapon_category: 'aeroballistic_missile', launched: 1, ...noneStopped },
];

export const munitionStatsExample = {
  bucket: 'month',
  tz: 'Europe/Kyiv',
  data: [
    {
      label: '2025-07',
      start: '2025-07-01T00:00:00+03:00',
      end: '2025-08-01T00:00:00+03:00',
      total: airForceTotal,
      by_category: airForceByCategory,
      by_model: [
        { weapon_model: 'Shahed-136/131', weapon_category: 'drone', ...shahed },
        { weapon_model: 'Iskander-K', weapon_category: 'cruise_missile', ...iskanderK },
        { weapon_model: 'Iskander-M/KN-23', weapon_category: 'ballistic_missile', launched: 6, ...noneStopped },
        { weapon_model: 'Kh-47M2 Kinzhal', weapon_category: 'aeroballistic_missile', launched: 1, ...noneStopped },
      ],
      by_source: [
        {
          source: timeRefExample,
          total: { launched: null, intercepted: 478, lost_to_ew: null, interception_rate: null, neutralisation_rate: null, ...once },
          by_category: [
            { weapon_category: 'unspecified', launched: null, intercepted: 478, lost_to_ew: null, interception_rate: null, neutralisation_rate: null, ...once },
          ],
        },
        { source: airForceRefExample, total: airForceTotal, by_category: airForceByCategory },
      ],
    },
  ],
};
