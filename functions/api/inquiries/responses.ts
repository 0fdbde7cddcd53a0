/** What the inquiry routes share in their documentation: the tag and the errors in their own words. */
import { z } from '@hono/zod-openapi';
import { errorSchemaResponses } from '../schemas';

/** A product as a conversation names it. */
export const ProductNameSchema = z
  .object({ slug: z.string(), nameVi: z.string(), nameEn: z.string() })
  .openapi('InquiryProductName');

/** Every product a conversation is about: its one product, or those a request to several cooperatives named. */
export const conversationProducts = z.array(ProductNameSchema).openapi({
  description:
    'Every product the conversation is about: the one of `product`, or the products a request to several cooperatives named ' +
    '(then `product` is null); empty for an inquiry to the cooperative as a whole.',
});

/** An inquiry is a few kilobytes of text; anything much larger is not one. */
export const INQUIRY_BODY_LIMIT_BYTES = 32 * 1024;

export const tags = ['Inquiries'];

const errorDescriptions: Record<number, string> = {
  400: 'Malformed JSON or query',
  401: 'Not signed in',
  403: 'Not allowed: another cooperative’s inquiry, a role without access, or a cross-origin request',
  404: 'Unknown product or cooperative (fields say which), or no inquiry with this reference (and contact)',
  413: `Body larger than ${INQUIRY_BODY_LIMIT_BYTES} bytes`,
  415: 'Content-Type is not application/json',
  422: 'Invalid fields (per-field messages in `fields`)',
  429: 'Too many inquiries from this address or to this cooperative; see Retry-After',
};

export const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);
