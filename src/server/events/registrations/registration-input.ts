/** What a cooperative sends to register for an event, and its limits (the form and the API documentation show them). */
import { z } from 'zod';

export const MAX_BOOTHS_PER_REGISTRATION = 20;
export const MAX_PRODUCTS_SHOWN = 12;
export const REGISTRATION_NOTE_MAX_LENGTH = 1000;

/** What a cooperative sends: the form's fields or the API's JSON body. */
export const registrationInputSchema = z
  .object({
    booths: z.coerce.number().int().min(1).max(MAX_BOOTHS_PER_REGISTRATION),
    /** Slugs of the cooperative's own published products. */
    products: z.array(z.string().min(1).max(200)).max(MAX_PRODUCTS_SHOWN).default([]),
    note: z.string().trim().max(REGISTRATION_NOTE_MAX_LENGTH).default(''),
  })
  .strict();
export type RegistrationInput = z.input<typeof registrationInputSchema>;
