// Example bodies for the OpenAPI document (/docs shows them), trimmed from what the seed dataset
// serves. test/openapi.test.ts parses every example with its zod schema, so they cannot drift
// out of shape.

export const articleRefExample = {
  id: 'src_source_article',
  kind: 'news_report',
  publisher: 'Unidentified publisher',
  title: 'Untitled article beginning “Trump came away from his July 3 call with Vladimir Putin deeply frustrated…”',
  url: null,
} as const;

export const timeRefExample = { id: 'src_time', kind: 'news_report', publisher: 'TIME', title: null, url: null } as const;

export const airForceRefExample = {
  id: 'src_uaf_post_2025_07_04',
  kind: 'social_media_post',
  publisher: 'Ukrainian Air Force (Povitriani Syly ZSU)',
  title: 'Air Force report on the attack of the night of 3–4 July 2025',
  url: 'https://www.facebook.com/kpszsu/posts/pfbid0TJ48t6JpFUVLpYucUKi7hBAQmYqSptxNoiUJaA5VR7jiu2Em2ALSbSRTazrYH5wel',
} as const;

const timeSource = {
  ...timeRefExample,
  reference: null,
  published_at: null,
  notes: 'Reporting on the strike of 3–4 July 2025, known to sitrep only as cited by the source article.',
  created_at: '2025-07-05T09:00:00.000Z',
  updated_at: '2025-07-05T09:00:00.000Z',
};

export const sourceListExample = {
  data: [timeSource],
  next_cursor: 'eyJ2IjoxLCJrIjpbInNyY190aW1lIl0sInEiOiJUMVBOb1l3cnFnd0RWTHRmIn0',
};

export const sourceDetailExample = {
  ...timeSource,
  facts: [
    {
      citation_id: 'cit_mun_time_intercepted',
      role: 'claimant',
      fact_type: 'munition_report',
      fact_id: 'mun_kyiv_time_intercepted',
      event: {
        id: 'evt_2025_07_04_kyiv_strike',
        title: 'Russian drone and missile strike on Kyiv, night of 3–4 July 2025',
        start_at: '2025-07-03T15:00:00Z',
      },
      quote: 'Ukraine intercepted 478 of the airborne threats, according to TIME, mitigating what officials warned could have been far more devastating.',
      locator: 'section “Kyiv Under Fire Amid Aid Pause”, paragraph 1',
    },
  ],
  facts_total: 1,
  facts_next: null,
};
