// Original file: mandate/seats/v1/chamber_composition.proto

import type { PartySeats as _mandate_seats_v1_PartySeats, PartySeats__Output as _mandate_seats_v1_PartySeats__Output } from '../../../mandate/seats/v1/PartySeats';
import type { TierComposition as _mandate_seats_v1_TierComposition, TierComposition__Output as _mandate_seats_v1_TierComposition__Output } from '../../../mandate/seats/v1/TierComposition';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * The seats of a whole chamber from the live count: every tier composed from
 * the totals of one results version, seats by party per tier and in total,
 * and the seats still undecided. The seats service computes it on every
 * request from the chamber the election defines and stores nothing.
 */
export interface ChamberComposition {
  /**
   * The chamber, `elections/{election}/chambers/{chamber}`.
   */
  'chamber'?: (string);
  /**
   * Human-readable title of the chamber.
   */
  'displayName'?: (string);
  /**
   * Seats of the chamber as defined.
   */
  'seats'?: (number);
  /**
   * Seats composed: `seats` plus any overhang of a compensatory tier.
   */
  'totalSeats'?: (number);
  /**
   * Seats by party over all tiers, most seats first (then by name); a
   * reserved tier appears as one party named after who fills it.
   */
  'parties'?: (_mandate_seats_v1_PartySeats)[];
  /**
   * Each tier, in the chamber's order.
   */
  'tiers'?: (_mandate_seats_v1_TierComposition)[];
  /**
   * Seats not yet given to a party: tiers without votes counted yet,
   * single-member districts without a winner (no votes, a tie, or a runoff
   * still to come) and seats left undecided by a tie rule.
   */
  'undecidedSeats'?: (number);
  /**
   * The results version every tier's totals were read at; pass it as
   * since_version to resume a watch.
   */
  'resultsVersion'?: (number | string | Long);
  /**
   * Whether the seats are a projection: some tier's count is partial and
   * not certified, so seats may still move.
   */
  'projection'?: (boolean);
  /**
   * What the composition stands on, in words.
   */
  'note'?: (string);
  /**
   * When the composition was computed.
   */
  'generateTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * The seats of a whole chamber from the live count: every tier composed from
 * the totals of one results version, seats by party per tier and in total,
 * and the seats still undecided. The seats service computes it on every
 * request from the chamber the election defines and stores nothing.
 */
export interface ChamberComposition__Output {
  /**
   * The chamber, `elections/{election}/chambers/{chamber}`.
   */
  'chamber': (string);
  /**
   * Human-readable title of the chamber.
   */
  'displayName': (string);
  /**
   * Seats of the chamber as defined.
   */
  'seats': (number);
  /**
   * Seats composed: `seats` plus any overhang of a compensatory tier.
   */
  'totalSeats': (number);
  /**
   * Seats by party over all tiers, most seats first (then by name); a
   * reserved tier appears as one party named after who fills it.
   */
  'parties': (_mandate_seats_v1_PartySeats__Output)[];
  /**
   * Each tier, in the chamber's order.
   */
  'tiers': (_mandate_seats_v1_TierComposition__Output)[];
  /**
   * Seats not yet given to a party: tiers without votes counted yet,
   * single-member districts without a winner (no votes, a tie, or a runoff
   * still to come) and seats left undecided by a tie rule.
   */
  'undecidedSeats': (number);
  /**
   * The results version every tier's totals were read at; pass it as
   * since_version to resume a watch.
   */
  'resultsVersion': (string);
  /**
   * Whether the seats are a projection: some tier's count is partial and
   * not certified, so seats may still move.
   */
  'projection': (boolean);
  /**
   * What the composition stands on, in words.
   */
  'note': (string);
  /**
   * When the composition was computed.
   */
  'generateTime': (_google_protobuf_Timestamp__Output | null);
}
