// Unit tests of the editorial rules in src/domain/figures.ts: which claim counts per event,
// category and group; how a claim of unknown group combines with civilian and military claims;
// whose munition figures count; and how rates are kept honest. Pure functions, so no database:
// each test builds exactly the claims it asserts on.
import { describe, expect, test } from 'vitest';
import {
  addMunitionClaim,
  chosenMunitionSource,
  emptyMunitionTotals,
  eventCasualties,
  eventCasualtiesBySource,
  eventHeadline,
  munitionRates,
  type CasualtyClaim,
  type CasualtyFigure,
  type MunitionClaim,
} from '../src/domain/figures.js';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}_${String(++sequence).padStart(4, '0')}`;

function casualty(overrides: Partial<CasualtyClaim> = {}): CasualtyClaim {
  return {
    id: nextId('cas'),
    eventId: 'evt_1',
    sourceId: 'src_a',
    category: 'killed',
    group: 'civilian',
    low: 1,
    best: 1,
    high: 1,
    ...overrides,
  };
}

function munition(overrides: Partial<MunitionClaim> = {}): MunitionClaim {
  return {
    id: nextId('mun'),
    eventId: 'evt_1',
    sourceId: 'src_a',
    weaponCategory: 'drone',
    weaponModel: 'Shahed-136/131',
    launched: 10,
    intercepted: 8,
    lostToEw: 1,
    ...overrides,
  };
}

/** The figure of one category and group, or undefined when the rules give none. */
function figureOf(figures: CasualtyFigure[], category: CasualtyClaim['category'], group: CasualtyClaim['group']) {
  return figures.find((f) => f.category === category && f.group === group);
}

function totalsOf(claims: MunitionClaim[]) {
  const totals = emptyMunitionTotals();
  for (const claim of claims) addMunitionClaim(totals, claim);
  return totals;
}

describe('eventCasualties: the most conservative claim per category and group', () => {
  test('when two sources give different civilian deaths, then the claim with the lowest best estimate counts', () => {
    const higher = casualty({ sourceId: 'src_a', low: 4, best: 7, high: 9 });
    const lower = casualty({ sourceId: 'src_b', low: 5, best: 5, high: 12 });

    const figures = eventCasualties([higher, lower]);

    expect(figures).toEqual([{ category: 'killed', group: 'civilian', low: 5, best: 5, high: 12, sourceIds: ['src_b'], asReported: [] }]);
  });

  test('when the best estimates tie, then the claim with the lowest low counts', () => {
    const narrow = casualty({ sourceId: 'src_a', low: 6, best: 6, high: 6 });
    const wide = casualty({ sourceId: 'src_b', low: 2, best: 6, high: 10 });

    const figures = eventCasualties([narrow, wide]);

    expect(figures).toEqual([{ category: 'killed', group: 'civilian', low: 2, best: 6, high: 10, sourceIds: ['src_b'], asReported: [] }]);
  });

  test('when best and low tie, then the claim with the lowest id counts, whatever the order the claims arrive in', () => {
    const first = casualty({ id: 'cas_a', sourceId: 'src_z', low: 3, best: 3, high: null });
    const second = casualty({ id: 'cas_b', sourceId: 'src_y', low: 3, best: 3, high: 3 });

    const forwards = eventCasualties([first, second]);
    const backwards = eventCasualties([second, first]);

    expect(forwards).toEqual([{ category: 'killed', group: 'civilian', low: 3, best: 3, high: null, sourceIds: ['src_z'], asReported: [] }]);
    expect(backwards).toEqual(forwards);
  });

  test('when claims differ in category or group, then each category and group is chosen on its own', () => {
    const claims = [
      casualty({ category: 'killed', group: 'civilian', low: 2, best: 2, high: 2, sourceId: 'src_a' }),
      casualty({ category: 'killed', group: 'civilian', low: 3, best: 3, high: 3, sourceId: 'src_b' }),
      casualty({ category: 'killed', group: 'military', low: 9, best: 9, high: 9, sourceId: 'src_b' }),
      casualty({ category: 'injured', group: 'civilian', low: 1, best: 1, high: 1, sourceId: 'src_b' }),
      casualty({ category: 'injured', group: 'civilian', low: 4, best: 4, high: 4, sourceId: 'src_a' }),
    ];

    const figures = eventCasualties(claims);

    expect(figures).toHaveLength(3);
    expect(figureOf(figures, 'killed', 'civilian')).toMatchObject({ best: 2, sourceIds: ['src_a'] });
    expect(figureOf(figures, 'killed', 'military')).toMatchObject({ best: 9, sourceIds: ['src_b'] });
    expect(figureOf(figures, 'injured', 'civilian')).toMatchObject({ best: 1, sourceIds: ['src_b'] });
  });

  test('when there are no claims, then there are no figures', () => {
    expect(eventCasualties([])).toEqual([]);
  });
});

describe('eventCasualties: claims of unknown group', () => {
  test('when "one person killed" and "one civilian killed" are claimed, then they make one death and no unknown figure', () => {
    const unknown = casualty({ group: 'unknown', low: 1, best: 1, high: 1, sourceId: 'src_a' });
    const civilian = casualty({ group: 'civilian', low: 1, best: 1, high: 1, sourceId: 'src_b' });

    const figures = eventCasualties([unknown, civilian]);

    expect(figures).toEqual([{ category: 'killed', group: 'civilian', low: 1, best: 1, high: 1, sourceIds: ['src_b'], asReported: [] }]);
  });

  test('when 10 people and 3 civilians are claimed killed, then civilian 3 and unknown 7 count', () => {
    const unknown = casualty({ group: 'unknown', low: 10, best: 10, high: 10, sourceId: 'src_a' });
    const civilian = casualty({ group: 'civilian', low: 3, best: 3, high: 3, sourceId: 'src_b' });

    const figures = eventCasualties([unknown, civilian]);

    expect(figures).toEqual([
      { category: 'killed', group: 'civilian', low: 3, best: 3, high: 3, sourceIds: ['src_b'], asReported: [] },
      { category: 'killed', group: 'unknown', low: 7, best: 7, high: 7, sourceIds: ['src_a'], asReported: [] },
    ]);
  });

  test('when civilian and military claims exist, then the unknown claim counts only beyond their sum', () => {
    const unknown = casualty({ group: 'unknown', low: 8, best: 10, high: 15 });
    const civilian = casualty({ group: 'civilian', low: 3, best: 3, high: 4 });
    const military = casualty({ group: 'military', low: 1, best: 2, high: 3 });

    const figures = eventCasualties([unknown, civilian, military]);

    expect(figureOf(figures, 'killed', 'unknown')).toMatchObject({ low: 4, best: 5, high: 8 });
  });

  test('when the civilian and military claims exceed the unknown one, then no unknown figure is given (nothing negative)', () => {
    const unknown = casualty({ group: 'unknown', low: 2, best: 2, high: 2 });
    const civilian = casualty({ group: 'civilian', low: 2, best: 2, high: 2 });
    const military = casualty({ group: 'military', low: 1, best: 1, high: 1 });

    const figures = eventCasualties([unknown, civilian, military]);

    expect(figureOf(figures, 'killed', 'unknown')).toBeUndefined();
    expect(figures.map((f) => f.group)).toEqual(['civilian', 'military']);
  });

  test('when only unknown-group claims exist, then the most conservative of them counts as unknown', () => {
    const claims = [
      casualty({ group: 'unknown', low: 4, best: 4, high: 4, sourceId: 'src_a' }),
      casualty({ group: 'unknown', low: 3, best: 3, high: null, sourceId: 'src_b' }),
    ];

    const figures = eventCasualties(claims);

    expect(figures).toEqual([{ category: 'killed', group: 'unknown', low: 3, best: 3, high: null, sourceIds: ['src_b'], asReported: [] }]);
  });

  test('when an unknown claim of zero is the only claim, then it is still given (a reported zero is a figure)', () => {
    const figures = eventCasualties([casualty({ group: 'unknown', low: 0, best: 0, high: 0 })]);

    expect(figures).toEqual([{ category: 'killed', group: 'unknown', low: 0, best: 0, high: 0, sourceIds: ['src_a'], asReported: [] }]);
  });

  test('when the unknown claim is of another category, then it is not absorbed by the civilian claim', () => {
    const unknownInjured = casualty({ category: 'injured', group: 'unknown', low: 5, best: 5, high: 5 });
    const civilianKilled = casualty({ category: 'killed', group: 'civilian', low: 5, best: 5, high: 5 });

    const figures = eventCasualties([unknownInjured, civilianKilled]);

    expect(figureOf(figures, 'injured', 'unknown')).toMatchObject({ low: 5, best: 5, high: 5 });
    expect(figureOf(figures, 'killed', 'civilian')).toMatchObject({ low: 5, best: 5, high: 5 });
  });

  test('when an open-ended unknown claim is covered by the civilian claim ("at least 23" vs "over 23"), then it adds nothing', () => {
    const unknown = casualty({ category: 'injured', group: 'unknown', low: 23, best: 23, high: null });
    const civilian = casualty({ category: 'injured', group: 'civilian', low: 24, best: 24, high: null });

    const figures = eventCasualties([unknown, civilian]);

    expect(figures).toEqual([{ category: 'injured', group: 'civilian', low: 24, best: 24, high: null, sourceIds: ['src_a'], asReported: [] }]);
  });
});

describe('eventCasualties: open-ended and partial claims', () => {
  test('when the chosen claim is open-ended, then the figure keeps high null', () => {
    const figures = eventCasualties([casualty({ low: 5, best: 5, high: null })]);

    expect(figures[0]).toMatchObject({ low: 5, best: 5, high: null });
  });

  test('when an open-ended unknown claim exceeds the known groups, then its excess is open-ended too', () => {
    const unknown = casualty({ group: 'unknown', low: 10, best: 12, high: null });
    const civilian = casualty({ group: 'civilian', low: 4, best: 4, high: 4 });

    const figures = eventCasualties([unknown, civilian]);

    expect(figureOf(figures, 'killed', 'unknown')).toMatchObject({ low: 6, best: 8, high: null });
  });

  test('when a claim gives no best estimate, then its low stands in for it', () => {
    const figures = eventCasualties([casualty({ low: 7, best: null, high: 20 })]);

    expect(figures[0]).toMatchObject({ low: 7, best: 7, high: 20 });
  });

  test('when a claim gives no low, then its best estimate stands in for it', () => {
    const figures = eventCasualties([casualty({ low: null, best: 9, high: null })]);

    expect(figures[0]).toMatchObject({ low: 9, best: 9, high: null });
  });

  test('when a claim with only low is compared, then its low is its best estimate for choosing', () => {
    const lowOnly = casualty({ sourceId: 'src_a', low: 3, best: null, high: null });
    const full = casualty({ sourceId: 'src_b', low: 4, best: 4, high: 4 });

    const figures = eventCasualties([full, lowOnly]);

    expect(figures).toEqual([{ category: 'killed', group: 'civilian', low: 3, best: 3, high: null, sourceIds: ['src_a'], asReported: [] }]);
  });

  test('when a claim gives neither low nor best, then it is ignored, not read as zero', () => {
    const highOnly = casualty({ sourceId: 'src_a', low: null, best: null, high: 2 });
    const full = casualty({ sourceId: 'src_b', low: 6, best: 6, high: 6 });

    const withOther = eventCasualties([highOnly, full]);
    const alone = eventCasualties([casualty({ low: null, best: null, high: 5 })]);

    expect(withOther).toEqual([{ category: 'killed', group: 'civilian', low: 6, best: 6, high: 6, sourceIds: ['src_b'], asReported: [] }]);
    expect(alone).toEqual([]);
  });
});

describe('eventCasualtiesBySource: each source on its own', () => {
  test('when two sources report one event, then each gets the figures of its own claims under the same rule', () => {
    const claims = [
      casualty({ sourceId: 'src_a', group: 'unknown', low: 10, best: 10, high: 10 }),
      casualty({ sourceId: 'src_a', group: 'civilian', low: 3, best: 3, high: 3 }),
      casualty({ sourceId: 'src_b', group: 'civilian', low: 2, best: 2, high: 2 }),
      casualty({ sourceId: 'src_b', group: 'civilian', low: 5, best: 5, high: 5 }),
    ];

    const bySource = eventCasualtiesBySource(claims);

    expect([...bySource.keys()].sort()).toEqual(['src_a', 'src_b']);
    expect(bySource.get('src_a')).toEqual([
      { category: 'killed', group: 'civilian', low: 3, best: 3, high: 3, sourceIds: ['src_a'], asReported: [] },
      { category: 'killed', group: 'unknown', low: 7, best: 7, high: 7, sourceIds: ['src_a'], asReported: [] },
    ]);
    expect(bySource.get('src_b')).toEqual([{ category: 'killed', group: 'civilian', low: 2, best: 2, high: 2, sourceIds: ['src_b'], asReported: [] }]);
  });
});

describe('chosenMunitionSource: whose munition figures count', () => {
  test('when one source names more weapon models, then it counts even though another reports more launched', () => {
    const claims = [
      munition({ sourceId: 'src_detailed', weaponModel: 'Shahed-136/131', launched: 100 }),
      munition({ sourceId: 'src_detailed', weaponCategory: 'cruise_missile', weaponModel: 'Kh-101', launched: 5 }),
      munition({ sourceId: 'src_bulk', weaponModel: null, launched: 500 }),
    ];

    expect(chosenMunitionSource(claims)).toBe('src_detailed');
  });

  test('when sources name as many models, then the one reporting the most launched counts', () => {
    const claims = [
      munition({ sourceId: 'src_a', weaponModel: null, launched: 539 }),
      munition({ sourceId: 'src_a', weaponCategory: 'missile', weaponModel: null, launched: 11 }),
      munition({ sourceId: 'src_b', weaponModel: null, launched: 560 }),
    ];

    expect(chosenMunitionSource(claims)).toBe('src_b');
  });

  test('when a source splits its launches over several claims, then the sum of its claims is compared', () => {
    const claims = [
      munition({ sourceId: 'src_b', weaponModel: null, launched: 545 }),
      munition({ sourceId: 'src_a', weaponModel: null, launched: 539 }),
      munition({ sourceId: 'src_a', weaponCategory: 'missile', weaponModel: null, launched: 11 }),
    ];

    expect(chosenMunitionSource(claims)).toBe('src_a');
  });

  test('when models and launched tie, then the lowest source id counts, whatever the order of the claims', () => {
    const claims = [munition({ sourceId: 'src_m', launched: 40 }), munition({ sourceId: 'src_c', launched: 40 }), munition({ sourceId: 'src_x', launched: 40 })];

    expect(chosenMunitionSource(claims)).toBe('src_c');
    expect(chosenMunitionSource([...claims].reverse())).toBe('src_c');
  });

  test('when a source repeats one model, then it names one model; a null model names none', () => {
    const repeated = [
      munition({ sourceId: 'src_a', weaponModel: 'Shahed-136/131', launched: 10 }),
      munition({ sourceId: 'src_a', weaponModel: 'Shahed-136/131', launched: 10 }),
      munition({ sourceId: 'src_a', weaponModel: null, launched: 10 }),
    ];
    const twoModels = [
      munition({ sourceId: 'src_b', weaponModel: 'Shahed-136/131', launched: 1 }),
      munition({ sourceId: 'src_b', weaponCategory: 'ballistic_missile', weaponModel: 'Iskander-M/KN-23', launched: 1 }),
    ];

    expect(chosenMunitionSource([...repeated, ...twoModels])).toBe('src_b');
  });

  test('when a source gives no launched figure, then it counts as zero launched in the tie-break', () => {
    const claims = [
      munition({ sourceId: 'src_a', weaponModel: null, launched: null, intercepted: 478 }),
      munition({ sourceId: 'src_b', weaponModel: null, launched: 1, intercepted: null }),
    ];

    expect(chosenMunitionSource(claims)).toBe('src_b');
  });

  test('when there are no claims, then no source is chosen', () => {
    expect(chosenMunitionSource([])).toBeNull();
  });
});

describe('munitionRates: over claims giving both figures only', () => {
  test('when some claims give launched alone or intercepted alone, then they count in the totals but not in the rates', () => {
    const claims = [
      munition({ launched: 100, intercepted: 50, lostToEw: 20 }),
      munition({ launched: 40, intercepted: null, lostToEw: null }),
      munition({ launched: null, intercepted: 30, lostToEw: 5 }),
    ];

    const totals = totalsOf(claims);
    const rates = munitionRates(totals);

    expect(totals).toMatchObject({ launched: 140, intercepted: 80, lostToEw: 25 });
    expect(rates).toEqual({ interceptionRate: 0.5, neutralisationRate: 0.7 });
  });

  test('when a claim gives launched and intercepted but no lost_to_ew, then it counts in both rates with nothing lost to EW', () => {
    // The Air Force's figures for the night of 3–4 July 2025.
    const claims = [
      munition({ weaponModel: 'Shahed-136/131', launched: 539, intercepted: 268, lostToEw: 208 }),
      munition({ weaponCategory: 'ballistic_missile', weaponModel: 'Iskander-M/KN-23', launched: 6, intercepted: 0, lostToEw: null }),
      munition({ weaponCategory: 'cruise_missile', weaponModel: 'Iskander-K', launched: 4, intercepted: 2, lostToEw: null }),
      munition({ weaponCategory: 'aeroballistic_missile', weaponModel: 'Kh-47M2 Kinzhal', launched: 1, intercepted: 0, lostToEw: null }),
    ];

    const totals = totalsOf(claims);

    expect(totals).toMatchObject({ launched: 550, intercepted: 270, lostToEw: 208 });
    expect(munitionRates(totals)).toEqual({ interceptionRate: 0.4909, neutralisationRate: 0.8691 });
  });

  test('when no claim gives both launched and intercepted, then both rates are null', () => {
    const totals = totalsOf([munition({ launched: 539, intercepted: null, lostToEw: null }), munition({ launched: null, intercepted: 478, lostToEw: null })]);

    expect(munitionRates(totals)).toEqual({ interceptionRate: null, neutralisationRate: null });
  });

  test('when the claims giving both figures launched nothing, then the rates are null rather than a division by zero', () => {
    const totals = totalsOf([munition({ launched: 0, intercepted: 0, lostToEw: 0 })]);

    expect(munitionRates(totals)).toEqual({ interceptionRate: null, neutralisationRate: null });
  });

  test('when every claim leaves a figure out, then that total stays null; one given figure makes it a number', () => {
    const allNull = totalsOf([munition({ lostToEw: null }), munition({ lostToEw: null })]);
    const oneGiven = totalsOf([munition({ lostToEw: null }), munition({ lostToEw: 0 })]);

    expect(allNull.lostToEw).toBeNull();
    expect(oneGiven.lostToEw).toBe(0);
    expect(totalsOf([]).launched).toBeNull();
  });
});

describe('eventHeadline: one event in one line', () => {
  test('when the Kyiv night is reported by summary and body, then one killed and 23 injured (open-ended, as both sentences state it) are the headline, with the counted claims’ words', () => {
    const casualties = [
      casualty({ id: 'cas_glance_killed', sourceId: 'src_article', category: 'killed', group: 'unknown', low: 1, best: 1, high: 1, asReported: 'killed one person' }),
      casualty({ id: 'cas_glance_injured', sourceId: 'src_article', category: 'injured', group: 'unknown', low: 23, best: 23, high: null, asReported: 'injured at least 23' }),
      casualty({ id: 'cas_body_killed', sourceId: 'src_article', category: 'killed', group: 'civilian', low: 1, best: 1, high: 1, asReported: 'one fatality' }),
      casualty({ id: 'cas_body_injured', sourceId: 'src_article', category: 'injured', group: 'civilian', low: 23, best: 23, high: null, asReported: 'over 23 injuries' }),
    ];

    const headline = eventHeadline(casualties, []);

    expect(headline.casualties).toHaveLength(2);
    expect(headline.casualties).toEqual(
      expect.arrayContaining([
        { category: 'killed', low: 1, best: 1, high: 1, sourceIds: ['src_article'], asReported: ['one fatality'] },
        { category: 'injured', low: 23, best: 23, high: null, sourceIds: ['src_article'], asReported: ['over 23 injuries'] },
      ]),
    );
    expect(headline.munitions).toBeNull();
  });

  test('when several groups are counted, then the headline sums them per category and names every source behind the sum', () => {
    const casualties = [
      casualty({ sourceId: 'src_a', group: 'unknown', low: 10, best: 12, high: 15 }),
      casualty({ sourceId: 'src_b', group: 'civilian', low: 3, best: 3, high: 3 }),
      casualty({ sourceId: 'src_c', group: 'military', low: 2, best: 2, high: null }),
    ];

    const headline = eventHeadline(casualties, []);

    expect(headline.casualties).toHaveLength(1);
    expect(headline.casualties[0]).toMatchObject({ category: 'killed', low: 10, best: 12, high: null });
    expect([...headline.casualties[0]!.sourceIds].sort()).toEqual(['src_a', 'src_b', 'src_c']);
  });

  test('when several sources give munition figures, then only the chosen source\'s claims are summed', () => {
    const munitions = [
      munition({ sourceId: 'src_article', weaponModel: null, launched: 539, intercepted: null, lostToEw: null }),
      munition({ sourceId: 'src_article', weaponCategory: 'missile', weaponModel: null, launched: 11, intercepted: null, lostToEw: null }),
      munition({ sourceId: 'src_time', weaponCategory: 'unspecified', weaponModel: null, launched: null, intercepted: 478, lostToEw: null }),
      munition({ sourceId: 'src_uaf', weaponModel: 'Shahed-136/131', launched: 539, intercepted: 268, lostToEw: 208 }),
      munition({ sourceId: 'src_uaf', weaponCategory: 'cruise_missile', weaponModel: 'Iskander-K', launched: 4, intercepted: 2, lostToEw: null }),
    ];

    const headline = eventHeadline([], munitions);

    expect(headline.munitions).toEqual({ sourceId: 'src_uaf', launched: 543, intercepted: 270, lostToEw: 208 });
    expect(headline.casualties).toEqual([]);
  });

  test('when an event has no claims, then its headline is empty', () => {
    expect(eventHeadline([], [])).toEqual({ casualties: [], munitions: null });
  });
});
