// Example body for the OpenAPI document (/docs shows it): the Kyiv strike's day in Kyiv time, as
// the seed dataset serves it. test/openapi.test.ts parses it with its zod schema.
import { kyivStrikeExample } from '../events/events.examples.js';

export const timelineExample = {
  bucket: 'day',
  tz: 'Europe/Kyiv',
  data: [
    {
      label: '2025-07-03',
      start: '2025-07-03T00:00:00+03:00',
      end: '2025-07-04T00:00:00+03:00',
      events: [
        {
          id: kyivStrikeExample.id,
          kind: kyivStrikeExample.kind,
          status: kyivStrikeExample.status,
          title: kyivStrikeExample.title,
          start_at: kyivStrikeExample.start_at,
          start_precision: kyivStrikeExample.start_precision,
          start_local: kyivStrikeExample.start_local,
          end_at: kyivStrikeExample.end_at,
          location: kyivStrikeExample.location,
          headline: {
            casualties: [
              { category: 'killed', low: 1, best: 1, high: 1, source_ids: ['src_source_article'], as_reported: ['one fatality'] },
              { category: 'injured', low: 23, best: 23, high: null, source_ids: ['src_source_article'], as_reported: ['over 23 injuries'] },
            ],
            munitions: { source_id: 'src_uaf_post_2025_07_04', launched: 550, intercepted: 270, lost_to_ew: 208 },
          },
          relations: [
            {
              id: 'rel_strike_follows_call',
              kind: 'follows',
              direction: 'outgoing',
              event: {
                id: 'evt_2025_07_03_trump_putin_call',
                kind: 'diplomatic_contact',
                status: 'occurred',
                title: 'Trump–Putin phone call',
                start_at: '2025-07-03T04:00:00Z',
              },
            },
          ],
        },
      ],
    },
  ],
  next_cursor: null,
};
