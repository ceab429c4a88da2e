// Original file: mandate/seats/v1/seats_service.proto

import type { Preset as _mandate_seats_v1_Preset, Preset__Output as _mandate_seats_v1_Preset__Output } from '../../../mandate/seats/v1/Preset';

/**
 * Response of ListPresets.
 */
export interface ListPresetsResponse {
  /**
   * The presets, ordered by name.
   */
  'presets'?: (_mandate_seats_v1_Preset)[];
  /**
   * Token for the next page; empty on the last.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListPresets.
 */
export interface ListPresetsResponse__Output {
  /**
   * The presets, ordered by name.
   */
  'presets': (_mandate_seats_v1_Preset__Output)[];
  /**
   * Token for the next page; empty on the last.
   */
  'nextPageToken': (string);
}
