// Example bodies for the OpenAPI document (/docs shows them), trimmed from what the seed dataset
// serves for the Kyiv strike. test/openapi.test.ts parses every example with its zod schema.
import { airForceRefExample, articleRefExample, timeRefExample } from '../sources/sources.examples.js';

const STAMP = '2025-07-05T09:00:00.000Z';

export const kyivStrikeExample = {
  id: 'evt_2025_07_04_kyiv_strike',
  kind: 'aerial_attack',
  status: 'occurred',
  title: 'Russian drone and missile strike on Kyiv, night of 3–4 July 2025',
  summary:
    'Hours after the Trump–Putin call, according to Ukraine’s military as cited by the source article, Russia launched its largest single aerial ' +
    'assault of the war at Kyiv. Launch, interception, casualty and damage figures differ by source and are listed per source.',
  start_at: '2025-07-03T15:00:00Z',
  start_precision: 'minute',
  start_local: '2025-07-03T18:00:00+03:00',
  end_at: '2025-07-04T03:00:00Z',
  end_precision: 'minute',
  timezone: 'Europe/Kyiv',
  location: { place: 'Kyiv', admin1: 'Kyiv', country: 'UA', latitude: 50.4501, longitude: 30.5234, geo_precision: 'settlement' },
  places: [
    { role: 'target', name: 'Kyiv', gazetteer_id: 'UA-30', admin1: 'UA-30', admin1_name: 'Kyiv', country: 'UA', latitude: 50.42155, longitude: 30.53371, geo_precision: 'admin1' },
  ],
  created_at: STAMP,
  updated_at: STAMP,
};

const trumpPutinCallExample = {
  id: 'evt_2025_07_03_trump_putin_call',
  kind: 'diplomatic_contact',
  status: 'occurred',
  title: 'Trump–Putin phone call',
  summary:
    'Donald Trump and Vladimir Putin spoke by phone for about an hour on 3 July 2025. According to the Washington Post, as cited by the ' +
    'source article, the call yielded no ceasefire progress or meaningful compromise. The article adds that Kremlin insiders confirmed Putin vowed to ' +
    'maintain his war objectives; it gives no date or place for what the insiders said.',
  start_at: '2025-07-03T04:00:00Z',
  start_precision: 'day',
  start_local: '2025-07-03',
  end_at: null,
  end_precision: null,
  timezone: 'America/New_York',
  location: { place: null, admin1: null, country: null, latitude: null, longitude: null, geo_precision: null },
  places: [],
  created_at: STAMP,
  updated_at: STAMP,
};

const followsCallExample = {
  id: 'rel_strike_follows_call',
  kind: 'follows',
  direction: 'outgoing',
  event: {
    id: trumpPutinCallExample.id,
    kind: trumpPutinCallExample.kind,
    status: trumpPutinCallExample.status,
    title: trumpPutinCallExample.title,
    start_at: trumpPutinCallExample.start_at,
  },
  citations: [
    {
      id: 'cit_rel_strike_follows_call',
      source: { id: 'src_ukraine_military', kind: 'official_statement', publisher: 'Armed Forces of Ukraine', title: null, url: null },
      via: articleRefExample,
      quote:
        'Hours after the Trump–Putin call, Ukraine’s military reported Russia unleashed its largest single aerial assault of the war by ' +
        'launching 539 drones and 11 missiles at Kyiv.',
      locator: 'section “Kyiv Under Fire Amid Aid Pause”, paragraph 1',
    },
  ],
};

export const eventListExample = {
  data: [kyivStrikeExample],
  next_cursor: 'eyJ2IjoxLCJrIjpbIjIwMjUtMDctMDNUMTU6MDA6MDBaIiwiZXZ0XzIwMjVfMDdfMDRfa3lpdl9zdHJpa2UiXSwicSI6IlFERmtBb09JWWVLUnJKZDkifQ',
};

export const eventDetailExample = {
  ...kyivStrikeExample,
  actors: [
    { id: 'act_russian_armed_forces', name: 'Armed Forces of the Russian Federation', kind: 'armed_force', country: 'RU', role: 'initiator' },
    { id: 'act_ukrainian_air_force', name: 'Ukrainian Air Force', kind: 'armed_force', country: 'UA', role: 'defender' },
  ],
  casualty_reports: [
    {
      id: 'cas_kyiv_body_injured',
      event_id: kyivStrikeExample.id,
      category: 'injured',
      group: 'civilian',
      low: 23,
      best: 23,
      high: null,
      as_reported: 'over 23 injuries',
      source: articleRefExample,
      citations: [
        {
          id: 'cit_cas_body_injured',
          source: articleRefExample,
          via: null,
          quote:
            'Civilian casualties included one fatality and over 23 injuries, while extensive damage hit schools, apartment blocks and rail infrastructure.',
          locator: 'section “Kyiv Under Fire Amid Aid Pause”, paragraph 1',
        },
      ],
    },
  ],
  munition_reports: [
    {
      id: 'mun_kyiv_time_intercepted',
      event_id: kyivStrikeExample.id,
      weapon_category: 'unspecified',
      weapon_model: null,
      launched: null,
      intercepted: 478,
      lost_to_ew: null,
      start_at: null,
      start_precision: null,
      end_at: null,
      end_precision: null,
      source: timeRefExample,
      citations: [
        {
          id: 'cit_mun_time_intercepted',
          source: timeRefExample,
          via: articleRefExample,
          quote: 'Ukraine intercepted 478 of the airborne threats, according to TIME, mitigating what officials warned could have been far more devastating.',
          locator: 'section “Kyiv Under Fire Amid Aid Pause”, paragraph 1',
        },
      ],
    },
    {
      id: 'mun_kyiv_uaf_shahed',
      event_id: kyivStrikeExample.id,
      weapon_category: 'drone',
      weapon_model: 'Shahed-136/131',
      launched: 539,
      intercepted: 268,
      lost_to_ew: 208,
      start_at: '2025-07-03T15:00:00Z',
      start_precision: 'minute',
      end_at: '2025-07-04T03:00:00Z',
      end_precision: 'minute',
      source: airForceRefExample,
      citations: [
        {
          id: 'cit_mun_uaf_shahed',
          source: airForceRefExample,
          via: {
            id: 'src_ivaniuk_missile_attacks',
            kind: 'dataset',
            publisher: 'Petro Ivaniuk (Kaggle)',
            title: 'Massive Missile Attacks on Ukraine (missile_attacks_daily.csv)',
            url: 'https://www.kaggle.com/datasets/piterfm/massive-missile-attacks-on-ukraine',
          },
          quote: null,
          locator:
            'missile_attacks_daily.csv, row time_start=2025-07-03 18:00, time_end=2025-07-04 06:00, model=Shahed-136/131 ' +
            '(launched 539, destroyed 268, not_reach_goal 208)',
        },
      ],
    },
  ],
  damage_reports: [
    {
      id: 'dmg_kyiv_body_rail',
      event_id: kyivStrikeExample.id,
      asset_category: 'rail',
      count: null,
      description: 'rail infrastructure',
      source: articleRefExample,
      citations: [
        {
          id: 'cit_dmg_body_rail',
          source: articleRefExample,
          via: null,
          quote:
            'Civilian casualties included one fatality and over 23 injuries, while extensive damage hit schools, apartment blocks and rail infrastructure.',
          locator: 'section “Kyiv Under Fire Amid Aid Pause”, paragraph 1',
        },
      ],
    },
  ],
  citations: [
    {
      id: 'cit_strike_lead',
      source: articleRefExample,
      via: null,
      quote:
        'Trump came away from his July 3 call with Vladimir Putin deeply frustrated over Moscow’s lack of ceasefire intent, and later that night ' +
        'Russia unleashed its largest ever drone-and-missile strike on Kyiv, causing civilian casualties and damage to critical infrastructure.',
      locator: 'opening paragraph',
    },
  ],
  relations: [followsCallExample],
};

export const eventContextExample = {
  event: kyivStrikeExample,
  window_start: '2025-07-02T15:00:00Z',
  window_end: '2025-07-05T03:00:00Z',
  before: [trumpPutinCallExample],
  after: [],
  linked: [followsCallExample],
};
