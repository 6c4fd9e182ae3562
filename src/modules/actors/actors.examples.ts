// Example bodies for the OpenAPI document (/docs shows them), trimmed from what the seed dataset
// serves. test/openapi.test.ts parses every example with its zod schema.

const trump = {
  id: 'act_donald_trump',
  name: 'Donald Trump',
  kind: 'person',
  country: 'US',
  description: 'President of the United States.',
  created_at: '2025-07-05T09:00:00.000Z',
  updated_at: '2025-07-05T09:00:00.000Z',
};

export const actorListExample = {
  data: [trump],
  next_cursor: 'eyJ2IjoxLCJrIjpbIkRvbmFsZCBUcnVtcCIsImFjdF9kb25hbGRfdHJ1bXAiXSwicSI6IlQxUE5vWXdycWd3RFZMdGYifQ',
};

export const actorDetailExample = {
  ...trump,
  roles: [
    { role: 'participant', event_count: 2 },
    { role: 'speaker', event_count: 1 },
  ],
};
