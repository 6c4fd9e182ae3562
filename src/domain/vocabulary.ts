// Controlled vocabularies shared by the database schema, the zod schemas and the OpenAPI document.
// Extending one is a code change here (and a README line); no migration is needed because the
// columns are plain text checked by zod on the way in.

export const EVENT_KINDS = [
  'diplomatic_contact',
  'statement',
  'aerial_attack',
  'ground_attack',
  'shelling',
  'military_aid_decision',
  'diplomatic_initiative',
  'sanction',
  'other',
] as const;

export const EVENT_STATUSES = ['occurred', 'scheduled', 'ongoing', 'cancelled'] as const;

export const TIME_PRECISIONS = ['minute', 'hour', 'day', 'month'] as const;

// How exactly latitude/longitude locate the event (coarser = centroid of the named area).
export const GEO_PRECISIONS = ['point', 'settlement', 'admin1', 'country'] as const;

export const ACTOR_KINDS = [
  'person',
  'state',
  'government_body',
  'armed_force',
  'organisation',
  'coalition',
] as const;

export const ACTOR_ROLES = [
  'initiator',
  'target',
  'participant',
  'speaker',
  'subject',
  'recipient',
  'defender',
] as const;

export const SOURCE_KINDS = [
  'news_report',
  'official_statement',
  'social_media_post',
  'dataset',
  'unnamed_sources',
] as const;

export const CASUALTY_CATEGORIES = ['killed', 'injured', 'missing'] as const;
export const CASUALTY_GROUPS = ['civilian', 'military', 'unknown'] as const;

// `missile` is a missile of unstated type; `unspecified` covers every weapon in the attack
// (e.g. "478 of the airborne threats").
export const WEAPON_CATEGORIES = [
  'drone',
  'cruise_missile',
  'ballistic_missile',
  'aeroballistic_missile',
  'surface_to_air_missile',
  'guided_bomb',
  'missile',
  'unspecified',
] as const;

export const ASSET_CATEGORIES = [
  'school',
  'residential_building',
  'rail',
  'energy',
  'medical',
  'industrial',
  'commercial',
  'government',
  'transport',
  'other',
] as const;

// What a place was in an event: aimed at, reported affected (hit, debris, air defence at work), or
// where weapons were launched from. Launch sites are kept apart from where weapons arrived.
export const PLACE_ROLES = ['target', 'affected', 'launch_site'] as const;

// Read as "<from event> <kind> <to event>": the strike `follows` the call.
export const RELATION_KINDS = ['follows', 'responds_to', 'concerns', 'part_of'] as const;

// A relation seen from one of its events: `outgoing` when this event is the from-event.
export const RELATION_DIRECTIONS = ['outgoing', 'incoming'] as const;

// What a citation backs: the event itself, one of its reports, or a relation.
export const FACT_TYPES = ['event', 'casualty_report', 'munition_report', 'damage_report', 'relation'] as const;

// How a source stands in a citation: it made the claim, or the claim was read in it.
export const CITATION_ROLES = ['claimant', 'via'] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type TimePrecision = (typeof TIME_PRECISIONS)[number];
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ActorRole = (typeof ACTOR_ROLES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type CasualtyCategory = (typeof CASUALTY_CATEGORIES)[number];
export type CasualtyGroup = (typeof CASUALTY_GROUPS)[number];
export type WeaponCategory = (typeof WEAPON_CATEGORIES)[number];
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];
export type RelationKind = (typeof RELATION_KINDS)[number];
export type PlaceRole = (typeof PLACE_ROLES)[number];
export type RelationDirection = (typeof RELATION_DIRECTIONS)[number];
export type FactType = (typeof FACT_TYPES)[number];
export type CitationRole = (typeof CITATION_ROLES)[number];

// What an API key may do: editors write records, admins also manage keys.
export const KEY_ROLES = ['editor', 'admin'] as const;

// The record types the write API changes, as revisions and the change feed name them.
export const RESOURCE_TYPES = [
  'event',
  'source',
  'actor',
  'casualty_report',
  'munition_report',
  'damage_report',
  'citation',
  'relation',
] as const;

export const CHANGE_ACTIONS = ['created', 'updated', 'deleted'] as const;

export type KeyRole = (typeof KEY_ROLES)[number];
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
