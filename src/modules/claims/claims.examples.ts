// Examples for the OpenAPI document, taken from the seed dataset's Kyiv strike (the event detail's
// own examples), so /docs shows real claims with their sources and quotes.
import { eventDetailExample } from '../events/events.examples.js';

const NEXT = 'eyJ2IjoxLCJrIjpbIm11bl9reWl2X3VhZl9zaGFoZWQiXSwicSI6IlVyVUVXNWRSSV9sTHpLTmEifQ';

export const casualtyReportListExample = { data: eventDetailExample.casualty_reports, next_cursor: NEXT };
export const munitionReportListExample = { data: eventDetailExample.munition_reports, next_cursor: NEXT };
export const damageReportListExample = { data: eventDetailExample.damage_reports, next_cursor: null };

const [timeReport] = eventDetailExample.munition_reports;

export const citationListExample = {
  data: [{ ...timeReport!.citations[0]!, event_id: timeReport!.event_id, fact_type: 'munition_report', fact_id: timeReport!.id }],
  next_cursor: null,
};
