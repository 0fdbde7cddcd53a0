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

/**
 * What a lab report of a batch tested for: the analyses a buyer or an
 * inspector asks about first (residues of plant protection products,
 * microbiological safety, heavy metals), then other quality criteria.
 */
export const LAB_TEST_KINDS = [
  'pesticide_residues',
  'microbiology',
  'heavy_metals',
  'mycotoxins',
  'nutrition',
  'other',
] as const;
export type LabTestKind = (typeof LAB_TEST_KINDS)[number];

/** A lab report's overall finding: every tested criterion within the limits, or not. */
export const LAB_RESULTS = ['pass', 'fail'] as const;
export type LabResult = (typeof LAB_RESULTS)[number];
