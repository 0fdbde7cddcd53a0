import type {
  batches,
  certifications,
  cooperatives,
  eventRegistrationProducts,
  eventRegistrations,
  events,
  labReports,
  ocopRatings,
  products,
  provenanceSteps,
  valueChainLinks,
} from '../schema';
import type { ProvinceRow } from '../../provinces/reference';

export type { ProvinceRow };

export type CooperativeRow = typeof cooperatives.$inferInsert;
export type ValueChainLinkRow = typeof valueChainLinks.$inferInsert;
export type ProductRow = typeof products.$inferInsert;
export type OcopRatingRow = typeof ocopRatings.$inferInsert;
export type CertificationRow = typeof certifications.$inferInsert;
export type BatchRow = typeof batches.$inferInsert;
export type ProvenanceStepRow = typeof provenanceSteps.$inferInsert;
export type LabReportRow = typeof labReports.$inferInsert;
export type EventRow = typeof events.$inferInsert;
export type EventRegistrationRow = typeof eventRegistrations.$inferInsert;
export type EventRegistrationProductRow = typeof eventRegistrationProducts.$inferInsert;

export interface DemoDataset {
  provinces: ProvinceRow[];
  cooperatives: CooperativeRow[];
  valueChainLinks: ValueChainLinkRow[];
  products: ProductRow[];
  ocopRatings: OcopRatingRow[];
  certifications: CertificationRow[];
  batches: BatchRow[];
  provenanceSteps: ProvenanceStepRow[];
  labReports: LabReportRow[];
  events: EventRow[];
  eventRegistrations: EventRegistrationRow[];
  eventRegistrationProducts: EventRegistrationProductRow[];
  /** The product type (content/products.ts key) of each product, by id: what its demo picture shows. */
  productTypes: Map<string, string>;
}
