export const PROVENANCE_STEP_KINDS = [
  'planted',
  'raised',
  'harvested',
  'processed',
  'packaged',
  'inspected',
  'certified',
  'shipped',
] as const;
export type ProvenanceStepKind = (typeof PROVENANCE_STEP_KINDS)[number];

export const PROVENANCE_ACTOR_KINDS = ['cooperative', 'partner', 'inspection_body'] as const;
export type ProvenanceActorKind = (typeof PROVENANCE_ACTOR_KINDS)[number];
