/**
 * The id of a form field's control, from its name: what FormField, SelectField, TextAreaField and FileField give their
 * input unless told otherwise, and what the error summary links to (ErrorSummary.astro), so the two cannot drift.
 */
export const fieldId = (name: string): string => `field-${name}`;

/** A photo row's fields in the dashboard (PhotoFields.astro), named by the image's id. */
export const photoFieldId = (imageId: string, field: 'altVi' | 'altEn' | 'position' | 'remove'): string =>
  `photo-${imageId}-${field}`;
