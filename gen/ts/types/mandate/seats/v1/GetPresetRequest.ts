// Original file: mandate/seats/v1/seats_service.proto


/**
 * Request of GetPreset.
 */
export interface GetPresetRequest {
  /**
   * Name of the preset, `presets/{preset}`.
   */
  'name'?: (string);
}

/**
 * Request of GetPreset.
 */
export interface GetPresetRequest__Output {
  /**
   * Name of the preset, `presets/{preset}`.
   */
  'name': (string);
}
