// One named zod schema per controlled vocabulary (src/domain/vocabulary.ts), used by every body,
// answer and query parameter that takes one, so the OpenAPI document has one component per
// vocabulary and SDK generators one type, instead of a copy of the enum at each use.
import { z } from 'zod';
import {
  ACTOR_KINDS,
  ACTOR_ROLES,
  ASSET_CATEGORIES,
  CASUALTY_CATEGORIES,
  CASUALTY_GROUPS,
  CHANGE_ACTIONS,
  CITATION_ROLES,
  EVENT_KINDS,
  EVENT_STATUSES,
  FACT_TYPES,
  GEO_PRECISIONS,
  KEY_ROLES,
  PLACE_ROLES,
  RELATION_DIRECTIONS,
  RELATION_KINDS,
  RESOURCE_TYPES,
  SOURCE_KINDS,
  TIME_PRECISIONS,
  WEAPON_CATEGORIES,
} from '../domain/vocabulary.js';
import { BUCKETS, CALENDAR_BUCKETS } from './buckets.js';

export const eventKindSchema = z.enum(EVENT_KINDS).meta({ id: 'EventKind', description: 'What kind of event it is.' });

export const eventStatusSchema = z
  .enum(EVENT_STATUSES)
  .meta({ id: 'EventStatus', description: 'Whether the event `occurred`, is `ongoing` or `scheduled`, or was `cancelled`.' });

export const timePrecisionSchema = z.enum(TIME_PRECISIONS).meta({
  id: 'TimePrecision',
  description: 'How exactly a time is known; with `day` or `month` the time is the start of that local day or month.',
});

export const geoPrecisionSchema = z.enum(GEO_PRECISIONS).meta({
  id: 'GeoPrecision',
  description: 'What coordinates locate: an exact `point`, or the centroid of a `settlement`, of a first-level unit (`admin1`) or of a `country`.',
});

export const placeRoleSchema = z.enum(PLACE_ROLES).meta({
  id: 'PlaceRole',
  description: '`target`: aimed at; `affected`: reported hit or affected (debris, air defence at work); `launch_site`: where weapons were launched from.',
});

export const actorKindSchema = z.enum(ACTOR_KINDS).meta({ id: 'ActorKind', description: 'What kind of actor: a person, a state, a body or force of one, an organisation or a coalition.' });

export const actorRoleSchema = z.enum(ACTOR_ROLES).meta({ id: 'ActorRole', description: 'The part an actor plays in an event.' });

export const sourceKindSchema = z.enum(SOURCE_KINDS).meta({ id: 'SourceKind', description: 'What kind of source it is.' });

export const casualtyCategorySchema = z.enum(CASUALTY_CATEGORIES).meta({ id: 'CasualtyCategory', description: 'Killed, injured or missing.' });

export const casualtyGroupSchema = z.enum(CASUALTY_GROUPS).meta({ id: 'CasualtyGroup', description: 'Civilians, military, or people the source does not place in either.' });

export const weaponCategorySchema = z.enum(WEAPON_CATEGORIES).meta({
  id: 'WeaponCategory',
  description: '`missile`: a missile of unstated type; `unspecified`: all weapons of the attack together.',
});

export const assetCategorySchema = z.enum(ASSET_CATEGORIES).meta({ id: 'AssetCategory', description: 'What kind of property was damaged.' });

export const relationKindSchema = z.enum(RELATION_KINDS).meta({ id: 'RelationKind', description: 'Read as "<from event> <kind> <to event>": the strike `follows` the call.' });

export const relationDirectionSchema = z.enum(RELATION_DIRECTIONS).meta({
  id: 'RelationDirection',
  description: '`outgoing`: this event <kind> the other; `incoming`: the other <kind> this event.',
});

export const factTypeSchema = z.enum(FACT_TYPES).meta({ id: 'FactType', description: 'What a citation backs: the event itself, one of its reports, or a relation.' });

export const citationRoleSchema = z.enum(CITATION_ROLES).meta({ id: 'CitationRole', description: '`claimant`: the source said it; `via`: the claim was read in it.' });

export const keyRoleSchema = z.enum(KEY_ROLES).meta({ id: 'KeyRole', description: '`editor` writes records; `admin` also manages keys.' });

export const resourceTypeSchema = z.enum(RESOURCE_TYPES).meta({ id: 'ResourceType', description: 'A type of record the write API changes.' });

export const changeActionSchema = z.enum(CHANGE_ACTIONS).meta({ id: 'ChangeAction', description: 'What a change did to the record.' });

export const bucketSchema = z.enum(BUCKETS).meta({
  id: 'Bucket',
  description: 'A calendar unit in the reader\'s time zone (`week`: ISO week, Monday first); `all`: one bucket for the whole range.',
});

export const calendarBucketSchema = z.enum(CALENDAR_BUCKETS).meta({
  id: 'CalendarBucket',
  description: 'A calendar unit in the reader\'s time zone (`week`: ISO week, Monday first).',
});
