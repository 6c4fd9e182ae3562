// /v1/casualty-reports, /v1/munition-reports, /v1/damage-reports, /v1/citations, /v1/relations:
// GET one record, and the editors' POST, PATCH and DELETE, each one revision in the history of
// the event it belongs to.
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { invalidParameter } from '../../lib/problem.js';
import { registerRecordRoutes, requireRecord, type WriteTx } from '../records/record-routes.js';
import { camelFields, snakeRecord, type RecordStore } from '../records/records.writes.js';
import { sourceStore } from '../sources/sources.repository.js';
import { casualtyReportStore, citationStore, damageReportStore, munitionReportStore, relationStore } from '../events/events.facts.repository.js';
import { eventStore } from '../events/events.write.repository.js';
import {
  casualtyReportBodies,
  casualtyReportRecordSchema,
  citationBodies,
  citationRecordSchema,
  damageReportBodies,
  damageReportRecordSchema,
  munitionReportBodies,
  munitionReportRecordSchema,
  relationBodies,
  relationRecordSchema,
} from './claims.write.schemas.js';

type Bodies = { create: z.ZodObject<z.ZodRawShape>; patch: z.ZodObject<z.ZodRawShape> };

/** Routes of a record stored flat: the row is the body in camelCase, checked by `check` after every write. */
function flatRecord<Row extends { id: string }>(
  app: Parameters<FastifyPluginAsync>[0],
  options: {
    store: RecordStore<Row>;
    path: string;
    name: string;
    idPrefix: string;
    bodies: Bodies;
    representation: z.ZodType;
    example: string;
    check: (tx: WriteTx, row: Row) => Promise<void> | void;
  },
) {
  // Optional create fields are nullable columns: absent means null (`reason` is the change's, not the record's).
  const nulls = Object.fromEntries(
    Object.entries(options.bodies.create.shape)
      .filter(([key, s]) => key !== 'reason' && (s as z.ZodType).safeParse(undefined).success)
      .map(([key]) => [key, null]),
  );
  const checked = async (tx: WriteTx, row: Row) => {
    await options.check(tx, row);
    return row;
  };
  registerRecordRoutes(app, {
    store: options.store,
    path: options.path,
    tag: 'events',
    name: options.name,
    idPrefix: options.idPrefix,
    bodies: options.bodies,
    representation: options.representation,
    render: (_db, row) => snakeRecord(row),
    fromCreate: (tx, input, id, now) => checked(tx, { ...camelFields({ ...nulls, ...input }), id, createdAt: now, updatedAt: now } as unknown as Row),
    fromPatch: (tx, current, patch, now) => checked(tx, { ...current, ...camelFields(patch), updatedAt: now }),
    withGet: { example: options.example },
  });
}

async function eventAndSource(tx: WriteTx, row: { eventId: string; sourceId: string }) {
  await requireRecord(tx, eventStore, 'event_id', row.eventId);
  await requireRecord(tx, sourceStore, 'source_id', row.sourceId);
}

type ReportStore = typeof casualtyReportStore | typeof munitionReportStore | typeof damageReportStore;

async function belongsTo(tx: WriteTx, store: ReportStore, field: string, id: string | null, eventId: string) {
  if (id === null) return;
  const row = await tx.records.get<{ id: string; eventId: string }>(store as RecordStore<{ id: string; eventId: string }>, id);
  if (!row) throw invalidParameter('body', field, `no report has the id ${JSON.stringify(id)}`);
  if (row.eventId !== eventId) throw invalidParameter('body', field, `belongs to event ${JSON.stringify(row.eventId)}, not to event_id`);
}

/** A figure's own time: each instant with its precision, an end only after a start. */
function figureTime(row: { startAt: string | null; startPrecision: string | null; endAt: string | null; endPrecision: string | null }) {
  if ((row.startAt === null) !== (row.startPrecision === null)) throw invalidParameter('body', 'start_precision', 'is given with start_at, and only with it');
  if ((row.endAt === null) !== (row.endPrecision === null)) throw invalidParameter('body', 'end_precision', 'is given with end_at, and only with it');
  if (row.endAt !== null && row.startAt === null) throw invalidParameter('body', 'end_at', 'needs start_at');
  if (row.endAt !== null && row.startAt !== null && row.endAt < row.startAt) throw invalidParameter('body', 'end_at', 'must not be before start_at');
}

export const claimWriteRoutes: FastifyPluginAsync = async (app) => {
  flatRecord(app, {
    store: casualtyReportStore,
    path: '/casualty-reports',
    name: 'CasualtyReport',
    idPrefix: 'cas',
    bodies: casualtyReportBodies,
    representation: casualtyReportRecordSchema,
    example: 'cas_kyiv_body_injured',
    check: async (tx, row) => {
      await eventAndSource(tx, row);
      if (row.low !== null && row.best !== null && row.low > row.best) throw invalidParameter('body', 'best', 'must not be lower than low');
      if (row.best !== null && row.high !== null && row.best > row.high) throw invalidParameter('body', 'high', 'must not be lower than best');
      if (row.low !== null && row.high !== null && row.low > row.high) throw invalidParameter('body', 'high', 'must not be lower than low');
    },
  });
  flatRecord(app, {
    store: munitionReportStore,
    path: '/munition-reports',
    name: 'MunitionReport',
    idPrefix: 'mun',
    bodies: munitionReportBodies,
    representation: munitionReportRecordSchema,
    example: 'mun_kyiv_military_drones',
    check: async (tx, row) => {
      await eventAndSource(tx, row);
      figureTime(row);
    },
  });
  flatRecord(app, {
    store: damageReportStore,
    path: '/damage-reports',
    name: 'DamageReport',
    idPrefix: 'dmg',
    bodies: damageReportBodies,
    representation: damageReportRecordSchema,
    example: 'dmg_kyiv_glance_apartments',
    check: eventAndSource,
  });
  flatRecord(app, {
    store: citationStore,
    path: '/citations',
    name: 'Citation',
    idPrefix: 'cit',
    bodies: citationBodies,
    representation: citationRecordSchema,
    example: 'cit_call_lead',
    check: async (tx, row) => {
      await eventAndSource(tx, row);
      await requireRecord(tx, sourceStore, 'via_source_id', row.viaSourceId);
      if (row.quote === null && row.locator === null) throw invalidParameter('body', 'quote', 'a citation needs a quote or a locator');
      const facts = (['casualtyReportId', 'munitionReportId', 'damageReportId', 'relationId'] as const).filter((key) => row[key] !== null);
      if (facts.length > 1) throw invalidParameter('body', 'relation_id', 'a citation backs one fact: set at most one of casualty_report_id, munition_report_id, damage_report_id, relation_id');
      await belongsTo(tx, casualtyReportStore, 'casualty_report_id', row.casualtyReportId, row.eventId);
      await belongsTo(tx, munitionReportStore, 'munition_report_id', row.munitionReportId, row.eventId);
      await belongsTo(tx, damageReportStore, 'damage_report_id', row.damageReportId, row.eventId);
      if (row.relationId !== null) {
        const relation = await tx.records.get(relationStore, row.relationId);
        if (!relation) throw invalidParameter('body', 'relation_id', `no relation has the id ${JSON.stringify(row.relationId)}`);
        if (relation.fromEventId !== row.eventId) throw invalidParameter('body', 'relation_id', 'a relation\'s citations belong to its from-event; set event_id to it');
      }
    },
  });
  flatRecord(app, {
    store: relationStore,
    path: '/relations',
    name: 'Relation',
    idPrefix: 'rel',
    bodies: relationBodies,
    representation: relationRecordSchema,
    example: 'rel_strike_follows_call',
    check: async (tx, row) => {
      await requireRecord(tx, eventStore, 'from_event_id', row.fromEventId);
      await requireRecord(tx, eventStore, 'to_event_id', row.toEventId);
      if (row.fromEventId === row.toEventId) throw invalidParameter('body', 'to_event_id', 'must be another event than from_event_id');
    },
  });
};
