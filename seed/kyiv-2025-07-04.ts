// The night of 3–4 July 2025, as told by the source article and the Ukrainian Air Force.
// Every figure is one source's claim, cited with the article's own sentence or, for the Air
// Force's per-model figures, the dataset row it comes from. The article disagrees with itself
// ("injured at least 23" in its summary, "over 23 injuries" in its body): both claims are kept.
// Events carry only the times and places their sources give; where a source gives none, the
// summary says how sitrep dated the event.
// Ids are fixed so links quoted in articles keep working.
import {
  AIR_FORCE_DATASET_SOURCE,
  RUSSIAN_ARMED_FORCES,
  SHARED_ACTOR_IDS,
  SHARED_SOURCE_IDS,
  UKRAINE,
  UKRAINIAN_AIR_FORCE,
} from './shared-records.js';
import { ARTICLE } from './article-quotes.js';
import type { SeedDataset } from './dataset-types.js';

const AIR_FORCE_POST = 'kpszsu/posts/pfbid0TJ48t6JpFUVLpYucUKi7hBAQmYqSptxNoiUJaA5VR7jiu2Em2ALSbSRTazrYH5wel';

const S = {
  article: 'src_source_article',
  washingtonPost: 'src_washington_post',
  time: 'src_time',
  ukraineMilitary: 'src_ukraine_military',
  kremlinInsiders: 'src_kremlin_insiders',
  airForcePost: 'src_uaf_post_2025_07_04',
  airForceDataset: SHARED_SOURCE_IDS.airForceDataset,
} as const;

const E = {
  putinCall: 'evt_2025_07_03_trump_putin_call',
  trumpStatement: 'evt_2025_07_04_trump_statement',
  kyivStrike: 'evt_2025_07_04_kyiv_strike',
  aidPause: 'evt_2025_07_us_air_defense_pause',
  zelenskyyCall: 'evt_2025_07_04_trump_zelenskyy_call',
  europeanEffort: 'evt_2025_07_european_air_defense_effort',
} as const;

const A = {
  trump: 'act_donald_trump',
  putin: 'act_vladimir_putin',
  zelenskyy: 'act_volodymyr_zelenskyy',
  russianForces: SHARED_ACTOR_IDS.russianArmedForces,
  ukrainianAirForce: SHARED_ACTOR_IDS.ukrainianAirForce,
  unitedStates: 'act_united_states',
  ukraine: SHARED_ACTOR_IDS.ukraine,
  germany: 'act_germany',
  europeanAllies: 'act_european_allies',
} as const;

const AT_A_GLANCE = (n: number) => `“At a Glance”, bullet ${n}`;
const PARAGRAPH = (section: string) => `section “${section}”, paragraph 1`;

/** Locator of one Air Force row in the dataset; rows have no stable number, so name its key. */
const airForceRow = (start: string, end: string, model: string, figures: string) =>
  `missile_attacks_daily.csv, row time_start=${start}, time_end=${end}, model=${model} (${figures}); the row's source is ${AIR_FORCE_POST}`;

/** The window of one Air Force row, as its own time: the row's figures count where it starts. */
const rowWindow = (startAt: string, endAt: string) => ({ startAt, startPrecision: 'minute' as const, endAt, endPrecision: 'minute' as const });

export const kyivJuly2025: SeedDataset = {
  sources: [
    {
      id: S.article,
      kind: 'news_report',
      publisher: 'Unidentified publisher',
      title: 'Untitled article beginning “Trump came away from his July 3 call with Vladimir Putin deeply frustrated…”',
      url: null,
      reference: 'shared/source-article.txt in the sitrep workspace',
      publishedAt: null,
      notes:
        'The text carries no headline, byline, publisher or date; it speaks of 4 July 2025 as upcoming, so it was written on or about that day. ' +
        'It attributes figures to the Washington Post, TIME, Ukraine’s military and Kremlin insiders; sitrep cites those through it.',
    },
    {
      id: S.washingtonPost,
      kind: 'news_report',
      publisher: 'The Washington Post',
      title: null,
      url: null,
      reference: null,
      publishedAt: null,
      notes: 'Reporting on the 3 July 2025 Trump–Putin call, known to sitrep only as cited by the source article.',
    },
    {
      id: S.time,
      kind: 'news_report',
      publisher: 'TIME',
      title: null,
      url: null,
      reference: null,
      publishedAt: null,
      notes: 'Reporting on the strike of 3–4 July 2025, known to sitrep only as cited by the source article.',
    },
    {
      id: S.ukraineMilitary,
      kind: 'official_statement',
      publisher: 'Armed Forces of Ukraine',
      title: null,
      url: null,
      reference: null,
      publishedAt: null,
      notes: '“Ukraine’s military” as the source article names it; known to sitrep only through that article.',
    },
    {
      id: S.kremlinInsiders,
      kind: 'unnamed_sources',
      publisher: 'Kremlin insiders',
      title: null,
      url: null,
      reference: null,
      publishedAt: null,
      notes: 'Unnamed sources as the source article names them; known to sitrep only through that article.',
    },
    {
      id: S.airForcePost,
      kind: 'social_media_post',
      publisher: 'Ukrainian Air Force (Povitriani Syly ZSU)',
      title: 'Air Force report on the attack of the night of 3–4 July 2025',
      url: `https://www.facebook.com/${AIR_FORCE_POST}`,
      reference: AIR_FORCE_POST,
      publishedAt: null,
      notes: 'Per-model figures read from the Ivaniuk dataset, which names this post as the source of its rows.',
    },
    // Shared with the Air Force importer (seed/shared-records.ts).
    AIR_FORCE_DATASET_SOURCE,
  ],

  actors: [
    { id: A.trump, name: 'Donald Trump', kind: 'person', country: 'US', description: 'President of the United States.' },
    { id: A.putin, name: 'Vladimir Putin', kind: 'person', country: 'RU', description: 'President of Russia.' },
    { id: A.zelenskyy, name: 'Volodymyr Zelenskyy', kind: 'person', country: 'UA', description: 'President of Ukraine.' },
    RUSSIAN_ARMED_FORCES,
    UKRAINIAN_AIR_FORCE,
    { id: A.unitedStates, name: 'United States', kind: 'state', country: 'US', description: null },
    UKRAINE,
    { id: A.germany, name: 'Germany', kind: 'state', country: 'DE', description: null },
    { id: A.europeanAllies, name: 'European allies of Ukraine', kind: 'coalition', country: null, description: 'European states supporting Ukraine, led by Germany in the effort the source article reports.' },
  ],

  events: [
    {
      id: E.putinCall,
      kind: 'diplomatic_contact',
      status: 'occurred',
      title: 'Trump–Putin phone call',
      summary:
        'Donald Trump and Vladimir Putin spoke by phone for about an hour on 3 July 2025. According to the Washington Post, as cited by the source article, ' +
        'the call yielded no ceasefire progress or meaningful compromise. The article adds that Kremlin insiders confirmed Putin vowed to maintain his war ' +
        'objectives; it gives no date or place for what the insiders said.',
      startAt: '2025-07-03T04:00:00Z',
      startPrecision: 'day',
      endAt: null,
      endPrecision: null,
      timezone: 'America/New_York',
      place: null,
      admin1: null,
      country: null,
      latitude: null,
      longitude: null,
      geoPrecision: null,
    },
    {
      id: E.trumpStatement,
      kind: 'statement',
      status: 'occurred',
      title: 'Trump: Putin is not “looking to stop”',
      summary: 'Returning from Iowa, Trump declared his frustration after the 3 July call with Putin: “I don’t think he’s looking to stop.”',
      startAt: '2025-07-04T04:00:00Z',
      startPrecision: 'day',
      endAt: null,
      endPrecision: null,
      timezone: 'America/New_York',
      place: null,
      admin1: null,
      country: 'US',
      latitude: null,
      longitude: null,
      geoPrecision: null,
    },
    {
      id: E.kyivStrike,
      kind: 'aerial_attack',
      status: 'occurred',
      title: 'Russian drone and missile strike on Kyiv, night of 3–4 July 2025',
      summary:
        'Hours after the Trump–Putin call, according to Ukraine’s military as cited by the source article, Russia launched its largest single aerial assault ' +
        'of the war at Kyiv. Launch, interception, casualty and damage figures differ by source and are listed per source.',
      startAt: '2025-07-03T15:00:00Z',
      startPrecision: 'minute',
      endAt: '2025-07-04T03:00:00Z',
      endPrecision: 'minute',
      timezone: 'Europe/Kyiv',
      place: 'Kyiv',
      admin1: 'Kyiv',
      country: 'UA',
      latitude: 50.4501,
      longitude: 30.5234,
      geoPrecision: 'settlement',
    },
    {
      id: E.aidPause,
      kind: 'military_aid_decision',
      status: 'ongoing',
      title: 'US pauses Patriot, Sparrow and Stinger shipments to Ukraine',
      summary:
        'The United States paused shipments of Patriot, Sparrow and Stinger air-defence systems to Ukraine. The source article reports the pause as in force ' +
        'in early July 2025 without dating the decision, so sitrep dates it to that month.',
      startAt: '2025-07-01T04:00:00Z',
      startPrecision: 'month',
      endAt: null,
      endPrecision: null,
      timezone: 'America/New_York',
      place: null,
      admin1: null,
      country: 'US',
      latitude: null,
      longitude: null,
      geoPrecision: null,
    },
    {
      id: E.zelenskyyCall,
      kind: 'diplomatic_contact',
      status: 'scheduled',
      title: 'Planned Trump–Zelenskyy call on resuming air-defence support',
      summary: 'Trump planned to speak with Volodymyr Zelenskyy on 4 July 2025 about lifting the suspension of Patriot, Sparrow and Stinger shipments.',
      startAt: '2025-07-04T04:00:00Z',
      startPrecision: 'day',
      endAt: null,
      endPrecision: null,
      timezone: 'America/New_York',
      place: null,
      admin1: null,
      country: null,
      latitude: null,
      longitude: null,
      geoPrecision: null,
    },
    {
      id: E.europeanEffort,
      kind: 'diplomatic_initiative',
      status: 'ongoing',
      title: 'German-led European search for air defence to replace the paused US shipments',
      summary:
        'European allies of Ukraine, led by Germany, were reportedly exploring ways to fill the air-defence supply gap left by the US pause and to reinforce ' +
        'Ukraine’s protective systems. The source article, written on or about 4 July 2025, reports the effort as under way without saying when it began, ' +
        'so sitrep dates it to that day: the first on which it is known to have been under way.',
      startAt: '2025-07-04T04:00:00Z',
      startPrecision: 'day',
      endAt: null,
      endPrecision: null,
      // The article's own frame: it dates events in US time ("July 4").
      timezone: 'America/New_York',
      place: null,
      admin1: null,
      country: 'DE',
      latitude: null,
      longitude: null,
      geoPrecision: null,
    },
  ],

  eventActors: [
    { eventId: E.putinCall, actorId: A.trump, role: 'participant' },
    { eventId: E.putinCall, actorId: A.putin, role: 'participant' },
    { eventId: E.trumpStatement, actorId: A.trump, role: 'speaker' },
    { eventId: E.trumpStatement, actorId: A.putin, role: 'subject' },
    { eventId: E.kyivStrike, actorId: A.russianForces, role: 'initiator' },
    { eventId: E.kyivStrike, actorId: A.ukraine, role: 'target' },
    { eventId: E.kyivStrike, actorId: A.ukrainianAirForce, role: 'defender' },
    { eventId: E.aidPause, actorId: A.unitedStates, role: 'initiator' },
    { eventId: E.aidPause, actorId: A.ukraine, role: 'recipient' },
    { eventId: E.zelenskyyCall, actorId: A.trump, role: 'participant' },
    { eventId: E.zelenskyyCall, actorId: A.zelenskyy, role: 'participant' },
    { eventId: E.europeanEffort, actorId: A.germany, role: 'initiator' },
    { eventId: E.europeanEffort, actorId: A.europeanAllies, role: 'participant' },
    { eventId: E.europeanEffort, actorId: A.ukraine, role: 'recipient' },
  ],

  // Only the strike has a place in the article ("strike on Kyiv", "at Kyiv"): Kyiv the city.
  eventPlaces: [{ eventId: E.kyivStrike, role: 'target', name: 'Kyiv', gazetteerId: 'UA-30' }],

  casualtyReports: [
    { id: 'cas_kyiv_glance_killed', eventId: E.kyivStrike, sourceId: S.article, category: 'killed', group: 'unknown', low: 1, best: 1, high: 1, asReported: 'killed one person' },
    { id: 'cas_kyiv_glance_injured', eventId: E.kyivStrike, sourceId: S.article, category: 'injured', group: 'unknown', low: 23, best: 23, high: null, asReported: 'injured at least 23' },
    { id: 'cas_kyiv_body_killed', eventId: E.kyivStrike, sourceId: S.article, category: 'killed', group: 'civilian', low: 1, best: 1, high: 1, asReported: 'one fatality' },
    // "Over 23" is kept as the number the article states, open-ended: sitrep does not turn it into
    // 24, a figure no source gives. The words stay in as_reported beside it.
    { id: 'cas_kyiv_body_injured', eventId: E.kyivStrike, sourceId: S.article, category: 'injured', group: 'civilian', low: 23, best: 23, high: null, asReported: 'over 23 injuries' },
  ],

  munitionReports: [
    { id: 'mun_kyiv_glance_drones', eventId: E.kyivStrike, sourceId: S.article, weaponCategory: 'drone', weaponModel: null, launched: 539, intercepted: null, lostToEw: null },
    { id: 'mun_kyiv_glance_missiles', eventId: E.kyivStrike, sourceId: S.article, weaponCategory: 'missile', weaponModel: null, launched: 11, intercepted: null, lostToEw: null },
    { id: 'mun_kyiv_military_drones', eventId: E.kyivStrike, sourceId: S.ukraineMilitary, weaponCategory: 'drone', weaponModel: null, launched: 539, intercepted: null, lostToEw: null },
    { id: 'mun_kyiv_military_missiles', eventId: E.kyivStrike, sourceId: S.ukraineMilitary, weaponCategory: 'missile', weaponModel: null, launched: 11, intercepted: null, lostToEw: null },
    // TIME's 478 counts every threat stopped; the Air Force splits it into shot down and lost.
    { id: 'mun_kyiv_time_intercepted', eventId: E.kyivStrike, sourceId: S.time, weaponCategory: 'unspecified', weaponModel: null, launched: null, intercepted: 478, lostToEw: null },
    { id: 'mun_kyiv_uaf_shahed', eventId: E.kyivStrike, sourceId: S.airForcePost, weaponCategory: 'drone', weaponModel: 'Shahed-136/131', launched: 539, intercepted: 268, lostToEw: 208, ...rowWindow('2025-07-03T15:00:00Z', '2025-07-04T03:00:00Z') },
    { id: 'mun_kyiv_uaf_iskander_m', eventId: E.kyivStrike, sourceId: S.airForcePost, weaponCategory: 'ballistic_missile', weaponModel: 'Iskander-M/KN-23', launched: 6, intercepted: 0, lostToEw: null, ...rowWindow('2025-07-03T23:00:00Z', '2025-07-04T03:00:00Z') },
    { id: 'mun_kyiv_uaf_iskander_k', eventId: E.kyivStrike, sourceId: S.airForcePost, weaponCategory: 'cruise_missile', weaponModel: 'Iskander-K', launched: 4, intercepted: 2, lostToEw: null, ...rowWindow('2025-07-03T23:00:00Z', '2025-07-04T03:00:00Z') },
    { id: 'mun_kyiv_uaf_kinzhal', eventId: E.kyivStrike, sourceId: S.airForcePost, weaponCategory: 'aeroballistic_missile', weaponModel: 'Kh-47M2 Kinzhal', launched: 1, intercepted: 0, lostToEw: null, ...rowWindow('2025-07-03T21:20:00Z', '2025-07-03T21:30:00Z') },
  ],

  damageReports: [
    { id: 'dmg_kyiv_glance_schools', eventId: E.kyivStrike, sourceId: S.article, assetCategory: 'school', count: null, description: 'schools' },
    { id: 'dmg_kyiv_glance_apartments', eventId: E.kyivStrike, sourceId: S.article, assetCategory: 'residential_building', count: null, description: 'apartments' },
    { id: 'dmg_kyiv_glance_rail', eventId: E.kyivStrike, sourceId: S.article, assetCategory: 'rail', count: null, description: 'rail lines' },
    { id: 'dmg_kyiv_body_schools', eventId: E.kyivStrike, sourceId: S.article, assetCategory: 'school', count: null, description: 'schools' },
    { id: 'dmg_kyiv_body_apartments', eventId: E.kyivStrike, sourceId: S.article, assetCategory: 'residential_building', count: null, description: 'apartment blocks' },
    { id: 'dmg_kyiv_body_rail', eventId: E.kyivStrike, sourceId: S.article, assetCategory: 'rail', count: null, description: 'rail infrastructure' },
  ],

  relations: [
    { id: 'rel_strike_follows_call', fromEventId: E.kyivStrike, kind: 'follows', toEventId: E.putinCall },
    { id: 'rel_trump_statement_responds_to_call', fromEventId: E.trumpStatement, kind: 'responds_to', toEventId: E.putinCall },
    { id: 'rel_zelenskyy_call_concerns_pause', fromEventId: E.zelenskyyCall, kind: 'concerns', toEventId: E.aidPause },
    { id: 'rel_european_effort_responds_to_pause', fromEventId: E.europeanEffort, kind: 'responds_to', toEventId: E.aidPause },
  ],

  citations: [
    // Events
    { id: 'cit_call_lead', eventId: E.putinCall, sourceId: S.article, viaSourceId: null, quote: ARTICLE.LEAD, locator: 'opening paragraph' },
    { id: 'cit_call_wapo', eventId: E.putinCall, sourceId: S.washingtonPost, viaSourceId: S.article, quote: ARTICLE.WAPO_CALL, locator: PARAGRAPH('A Show Of Resolve And Rebuff') },
    { id: 'cit_call_kremlin_insiders', eventId: E.putinCall, sourceId: S.kremlinInsiders, viaSourceId: S.article, quote: ARTICLE.KREMLIN_INSIDERS, locator: PARAGRAPH('A Show Of Resolve And Rebuff') },
    { id: 'cit_trump_statement_body', eventId: E.trumpStatement, sourceId: S.article, viaSourceId: null, quote: ARTICLE.TRUMP_STATEMENT, locator: PARAGRAPH('A Show Of Resolve And Rebuff') },
    { id: 'cit_trump_statement_glance', eventId: E.trumpStatement, sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_NO_SIGN, locator: AT_A_GLANCE(1) },
    { id: 'cit_strike_lead', eventId: E.kyivStrike, sourceId: S.article, viaSourceId: null, quote: ARTICLE.LEAD, locator: 'opening paragraph' },
    { id: 'cit_strike_military', eventId: E.kyivStrike, sourceId: S.ukraineMilitary, viaSourceId: S.article, quote: ARTICLE.MILITARY_LAUNCHED, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },
    { id: 'cit_strike_air_force', eventId: E.kyivStrike, sourceId: S.airForcePost, viaSourceId: S.airForceDataset, quote: null, locator: `rows of missile_attacks_daily.csv whose source is ${AIR_FORCE_POST}, attack window 2025-07-03 18:00 to 2025-07-04 06:00 Kyiv time` },
    { id: 'cit_pause_glance', eventId: E.aidPause, sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_PAUSE, locator: AT_A_GLANCE(4) },
    { id: 'cit_zelenskyy_call_glance', eventId: E.zelenskyyCall, sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_ZELENSKYY_CALL, locator: AT_A_GLANCE(5) },
    { id: 'cit_zelenskyy_call_next', eventId: E.zelenskyyCall, sourceId: S.article, viaSourceId: null, quote: ARTICLE.NEXT_ZELENSKYY_CALL, locator: PARAGRAPH('What’s Next') },
    { id: 'cit_european_effort', eventId: E.europeanEffort, sourceId: S.article, viaSourceId: null, quote: ARTICLE.EUROPE_EFFORT, locator: PARAGRAPH('What’s Next') },

    // Casualty figures
    { id: 'cit_cas_glance_killed', eventId: E.kyivStrike, casualtyReportId: 'cas_kyiv_glance_killed', sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_CASUALTIES, locator: AT_A_GLANCE(3) },
    { id: 'cit_cas_glance_injured', eventId: E.kyivStrike, casualtyReportId: 'cas_kyiv_glance_injured', sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_CASUALTIES, locator: AT_A_GLANCE(3) },
    { id: 'cit_cas_body_killed', eventId: E.kyivStrike, casualtyReportId: 'cas_kyiv_body_killed', sourceId: S.article, viaSourceId: null, quote: ARTICLE.BODY_CASUALTIES, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },
    { id: 'cit_cas_body_injured', eventId: E.kyivStrike, casualtyReportId: 'cas_kyiv_body_injured', sourceId: S.article, viaSourceId: null, quote: ARTICLE.BODY_CASUALTIES, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },

    // Munition figures
    { id: 'cit_mun_glance_drones', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_glance_drones', sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_LAUNCHED, locator: AT_A_GLANCE(2) },
    { id: 'cit_mun_glance_missiles', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_glance_missiles', sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_LAUNCHED, locator: AT_A_GLANCE(2) },
    { id: 'cit_mun_military_drones', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_military_drones', sourceId: S.ukraineMilitary, viaSourceId: S.article, quote: ARTICLE.MILITARY_LAUNCHED, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },
    { id: 'cit_mun_military_missiles', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_military_missiles', sourceId: S.ukraineMilitary, viaSourceId: S.article, quote: ARTICLE.MILITARY_LAUNCHED, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },
    { id: 'cit_mun_time_intercepted', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_time_intercepted', sourceId: S.time, viaSourceId: S.article, quote: ARTICLE.TIME_INTERCEPTED, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },
    { id: 'cit_mun_uaf_shahed', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_uaf_shahed', sourceId: S.airForcePost, viaSourceId: S.airForceDataset, quote: null, locator: airForceRow('2025-07-03 18:00', '2025-07-04 06:00', 'Shahed-136/131', 'launched 539, destroyed 268, not_reach_goal 208') },
    { id: 'cit_mun_uaf_iskander_m', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_uaf_iskander_m', sourceId: S.airForcePost, viaSourceId: S.airForceDataset, quote: null, locator: airForceRow('2025-07-04 02:00', '2025-07-04 06:00', 'Iskander-M/KN-23', 'launched 6, destroyed 0') },
    { id: 'cit_mun_uaf_iskander_k', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_uaf_iskander_k', sourceId: S.airForcePost, viaSourceId: S.airForceDataset, quote: null, locator: airForceRow('2025-07-04 02:00', '2025-07-04 06:00', 'Iskander-K', 'launched 4, destroyed 2') },
    { id: 'cit_mun_uaf_kinzhal', eventId: E.kyivStrike, munitionReportId: 'mun_kyiv_uaf_kinzhal', sourceId: S.airForcePost, viaSourceId: S.airForceDataset, quote: null, locator: airForceRow('2025-07-04 00:20', '2025-07-04 00:30', 'X-47 Kinzhal', 'launched 1, destroyed 0') },

    // Damage
    { id: 'cit_dmg_glance_schools', eventId: E.kyivStrike, damageReportId: 'dmg_kyiv_glance_schools', sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_CASUALTIES, locator: AT_A_GLANCE(3) },
    { id: 'cit_dmg_glance_apartments', eventId: E.kyivStrike, damageReportId: 'dmg_kyiv_glance_apartments', sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_CASUALTIES, locator: AT_A_GLANCE(3) },
    { id: 'cit_dmg_glance_rail', eventId: E.kyivStrike, damageReportId: 'dmg_kyiv_glance_rail', sourceId: S.article, viaSourceId: null, quote: ARTICLE.GLANCE_CASUALTIES, locator: AT_A_GLANCE(3) },
    { id: 'cit_dmg_body_schools', eventId: E.kyivStrike, damageReportId: 'dmg_kyiv_body_schools', sourceId: S.article, viaSourceId: null, quote: ARTICLE.BODY_CASUALTIES, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },
    { id: 'cit_dmg_body_apartments', eventId: E.kyivStrike, damageReportId: 'dmg_kyiv_body_apartments', sourceId: S.article, viaSourceId: null, quote: ARTICLE.BODY_CASUALTIES, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },
    { id: 'cit_dmg_body_rail', eventId: E.kyivStrike, damageReportId: 'dmg_kyiv_body_rail', sourceId: S.article, viaSourceId: null, quote: ARTICLE.BODY_CASUALTIES, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },

    // Relations
    { id: 'cit_rel_strike_follows_call', eventId: E.kyivStrike, relationId: 'rel_strike_follows_call', sourceId: S.ukraineMilitary, viaSourceId: S.article, quote: ARTICLE.MILITARY_LAUNCHED, locator: PARAGRAPH('Kyiv Under Fire Amid Aid Pause') },
    { id: 'cit_rel_trump_statement', eventId: E.trumpStatement, relationId: 'rel_trump_statement_responds_to_call', sourceId: S.article, viaSourceId: null, quote: ARTICLE.TRUMP_STATEMENT, locator: PARAGRAPH('A Show Of Resolve And Rebuff') },
    { id: 'cit_rel_zelenskyy_call', eventId: E.zelenskyyCall, relationId: 'rel_zelenskyy_call_concerns_pause', sourceId: S.article, viaSourceId: null, quote: ARTICLE.NEXT_ZELENSKYY_CALL, locator: PARAGRAPH('What’s Next') },
    { id: 'cit_rel_european_effort', eventId: E.europeanEffort, relationId: 'rel_european_effort_responds_to_pause', sourceId: S.article, viaSourceId: null, quote: ARTICLE.EUROPE_EFFORT, locator: PARAGRAPH('What’s Next') },
  ],
};
