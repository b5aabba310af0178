/** Organization settings with their defaults (domain.md and the issues). */
export interface OrganizationSettings {
  /** health: on_track if p ≥ expected − atRisk; at_risk if p ≥ expected − offTrack */
  healthThresholds: { atRisk: number; offTrack: number };
  /** quality gate on submit */
  qualityGate: 'off' | 'warn' | 'block';
  /** adjustments to approved plans wait for the approver */
  adjustmentsNeedApproval: boolean;
  /** check-in reminders: weekday (1 = Monday … 7 = Sunday) in the organization's timezone */
  checkInWeekday: number;
  quality: {
    minKeyResultsPerObjective: number;
    maxKeyResultsPerObjective: number;
    maxObjectivesPerPlan: number;
    stretchThreshold: number;
  };
}

export const DEFAULT_SETTINGS: OrganizationSettings = {
  healthThresholds: { atRisk: 0.1, offTrack: 0.25 },
  qualityGate: 'warn',
  adjustmentsNeedApproval: false,
  checkInWeekday: 5,
  quality: {
    minKeyResultsPerObjective: 2,
    maxKeyResultsPerObjective: 5,
    maxObjectivesPerPlan: 5,
    stretchThreshold: 0.1,
  },
};

/** Settings stored as JSON text, merged over the defaults (unknown keys dropped). */
export function parseSettings(json: string | null | undefined): OrganizationSettings {
  let stored: Partial<OrganizationSettings>;
  try {
    stored = (json ? JSON.parse(json) : {}) as Partial<OrganizationSettings>;
  } catch {
    stored = {};
  }
  return {
    healthThresholds: { ...DEFAULT_SETTINGS.healthThresholds, ...stored.healthThresholds },
    qualityGate: stored.qualityGate ?? DEFAULT_SETTINGS.qualityGate,
    adjustmentsNeedApproval:
      stored.adjustmentsNeedApproval ?? DEFAULT_SETTINGS.adjustmentsNeedApproval,
    checkInWeekday: stored.checkInWeekday ?? DEFAULT_SETTINGS.checkInWeekday,
    quality: { ...DEFAULT_SETTINGS.quality, ...stored.quality },
  };
}
