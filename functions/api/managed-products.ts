/**
 * A cooperative's own products over JSON, for its own software or a
 * spreadsheet script that keeps its listings in sync: every product of the
 * member's cooperative, drafts included, under /managed-products (the public
 * reads stay under /products); create a draft, save its fields (in place, or
 * as a change for review while it is published, exactly as the dashboard's
 * form saves), and its photos one at a time as multipart uploads. Sending a
 * product to review is POST /products/{slug}/submit (./dashboard.ts).
 * Bodies are parsed by the domain's schemas, so fields and messages are the
 * form's.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { IMAGE_SIZES, MAX_IMAGE_MEGABYTES, MAX_PRODUCT_IMAGES } from '../../src/server/media/limits';
import { MAX_ALT_LENGTH } from '../../src/server/media/image-list';
import { imageSources, type StoredImage } from '../../src/server/media/stored-image';
import { discardAddedImages, type MediaStore } from '../../src/server/media/uploads';
import {
  listManagedProducts,
  type ManagedProduct,
  readManagedProduct,
  saveManagedProduct,
} from '../../src/server/products/managed-products';
import { productInputSchema } from '../../src/server/products/product-input';
import {
  addProductPhoto,
  arrangeProductPhotos,
  PHOTO_FILE_FIELD,
  photoArrangementSchema,
  removeProductPhoto,
} from '../../src/server/products/product-photos';
import { createProduct } from '../../src/server/products/product-writes';
import { OCOP_GROUPS, PRODUCT_STATUSES } from '../../src/server/products/vocabulary';
import { REVISION_STATUSES } from '../../src/server/moderation/vocabulary';
import { API_UPLOAD_LIMIT_BYTES } from '../body-limit';
import { type ApiEnv, createRouter } from './context';
import { errorResponse } from './errors';
import { jsonBody } from './json-body';
import { domainBody, signedIn } from './openapi';
import { errorSchemaResponses, instant, jsonContent } from './schemas';
import { membersOnly } from './session';

const tags = ['Managing products'];

const errorDescriptions: Record<number, string> = {
  400: 'The body does not parse (JSON or multipart)',
  401: 'Not signed in',
  403: 'Not a cooperative member (officers and admins moderate, they do not edit), or a cross-origin request',
  404: "No product of the member's cooperative has this slug (another cooperative's product answers the same), or it has no such photo",
  409: 'The product waits for review (`fields.status`), or its photos cannot change now: it is published (a change for review carries no photos) or waits for review, or they changed meanwhile (`fields.images`)',
  413: `The body is over its limit (a photo upload: ${Math.floor(API_UPLOAD_LIMIT_BYTES / 1024 / 1024)} MB with its fields)`,
  415: 'Not the content type the operation takes (application/json; multipart/form-data for a photo upload)',
  422: 'Invalid fields, each named with a message in the language asked (`?lang=vi|en` or Accept-Language)',
};
const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);

const slug = z
  .string()
  .min(1)
  .max(200)
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'mat-ong-hoa-nhan-hung-yen' });
const photoId = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'id', in: 'path' }, example: 'k3v7q2m5x4c6b7n2p3r4s5t6u7w2y3z4' });

const productExample = {
  nameVi: 'Mật ong hoa nhãn Hưng Yên',
  nameEn: 'Hung Yen longan blossom honey',
  descriptionVi: 'Mật ong nguyên chất từ vườn nhãn ven sông Hồng, thu hoạch tháng 3–4.',
  descriptionEn: 'Raw honey from longan orchards along the Red River, harvested in March and April.',
  ocopGroup: 'thuc_pham',
  provinceCode: '33',
  commune: 'Xã Hồng Nam',
  gtin: '8934567000017',
  sku: 'MOHN-500',
  priceVnd: 180000,
  unitVi: 'chai 500 ml',
  unitEn: '500 ml bottle',
  minOrder: 10,
  seasonVi: 'Tháng 3 – tháng 5',
  seasonEn: 'March to May',
};

const ProductInput = productInputSchema.meta({
  id: 'ProductInput',
  description:
    'Every field of the product, as the dashboard form has them: a PUT replaces them all (absent optional fields become empty). Status, slug, trace code and owner are never part of it.',
});

const ProductFieldsSchema = z
  .object({
    nameVi: z.string(),
    nameEn: z.string(),
    descriptionVi: z.string(),
    descriptionEn: z.string(),
    ocopGroup: z.string().openapi({ enum: [...OCOP_GROUPS] }),
    provinceCode: z.string(),
    commune: z.string().nullable(),
    originFormerly: z.string().nullable(),
    gtin: z.string().nullable().openapi({ description: 'Stored as 14 digits, left-padded.' }),
    sku: z
      .string()
      .nullable()
      .openapi({ description: 'The cooperative’s own product code, unique within the cooperative; never public.' }),
    priceVnd: z.number().int().nullable(),
    unitVi: z.string(),
    unitEn: z.string(),
    minOrder: z.number().int(),
    seasonVi: z.string().nullable(),
    seasonEn: z.string().nullable(),
  })
  .openapi('ProductFields', {
    description: 'A product’s fields as stored; sent back as they are, they are a valid ProductInput.',
  });

const PhotoSchema = z
  .object({
    id: z.string(),
    altVi: z.string(),
    altEn: z.string(),
    url: z.string().openapi({ example: '/media/k3v7q2m5x4c6b7n2p3r4s5t6u7w2y3z4/1600.webp' }),
    srcset: z.string().openapi({ description: 'Every variant with its width, for an <img srcset>.' }),
    width: z.number().int().openapi({ description: 'Width of `url` in pixels.' }),
    height: z.number().int(),
  })
  .openapi('ProductPhoto');

const PhotoListSchema = z.object({ photos: z.array(PhotoSchema) }).openapi('ProductPhotoList');

const ManagedProductSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    traceCode: z.string(),
    status: z.enum(PRODUCT_STATUSES).openapi({
      description:
        'draft → submitted (waiting for review) → published | rejected (see rejectionReason) → unpublished. Drafts, rejected and unpublished products are changed in place; a published one through a change for review (`revision`).',
    }),
    rejectionReason: z.string().nullable(),
    publishedAt: instant.nullable(),
    updatedAt: instant,
    input: ProductFieldsSchema,
    photos: z.array(PhotoSchema),
    revision: z
      .object({
        status: z.enum(REVISION_STATUSES).openapi({ description: 'pending (waiting for an officer) or rejected.' }),
        version: z.number().int(),
        rejectionReason: z.string().nullable(),
        updatedAt: instant,
        input: ProductFieldsSchema,
        changedFields: z.array(z.string()),
      })
      .nullable()
      .openapi({ description: 'A published product’s change waiting for review or sent back; null when none.' }),
  })
  .openapi('ManagedProduct');

const ManagedProductRowSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    status: z.enum(PRODUCT_STATUSES),
    rejectionReason: z.string().nullable(),
    updatedAt: instant,
    revisionStatus: z.enum(REVISION_STATUSES).nullable(),
  })
  .openapi('ManagedProductRow');

const SAVE_OUTCOMES = ['saved', 'proposed', 'unchanged'] as const;
const SavedProductSchema = z
  .object({
    outcome: z.enum(SAVE_OUTCOMES).openapi({
      description:
        '`saved` in place; `proposed`: the product is published, the change waits for review (`product.revision`); `unchanged`: equal to the published version (a waiting change is withdrawn).',
    }),
    product: ManagedProductSchema,
  })
  .openapi('SavedProduct');

const photoOf = (image: StoredImage) => {
  const sources = imageSources(image, IMAGE_SIZES, 1600);
  return { id: image.id, altVi: image.altVi, altEn: image.altEn, url: sources.src, ...sources };
};
const photosOf = (images: readonly StoredImage[]) => PhotoListSchema.encode({ photos: images.map(photoOf) });
const withPhotos = (product: ManagedProduct) => ({ ...product, photos: product.photos.map(photoOf) });
const productOf = (product: ManagedProduct) => ManagedProductSchema.encode(withPhotos(product));

/** Photo uploads are multipart/form-data only: 415 for anything else, 400 for a body that does not parse. */
const photoUpload = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'multipart/form-data') return errorResponse(c, 415, 'unsupported_photo_type');
    try {
      // Hono keeps the parsed form, so the handler's read costs nothing more.
      await c.req.formData();
    } catch {
      return errorResponse(c, 400, 'invalid_form');
    }
    return next();
  });

/** The upload's text fields as the verb parses them: blank is absent, a position a number when it is one. */
function uploadFields(form: FormData) {
  const fields: Record<string, unknown> = {};
  let file: File | null = null;
  for (const [name, value] of form.entries()) {
    if (name === PHOTO_FILE_FIELD) {
      if (typeof value !== 'string' && !file) file = value;
      continue;
    }
    if (typeof value !== 'string' || name in fields || value.trim() === '') continue;
    fields[name] = name === 'position' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  }
  return { file, fields };
}

/** Runs a write that may store uploads; when it fails, what it stored is deleted again (nothing shows it). */
async function withMediaStore<T>(c: Context<ApiEnv>, work: (store: MediaStore) => Promise<T>): Promise<T> {
  const store: MediaStore = { ...c.get('services').media, added: [] };
  try {
    return await work(store);
  } catch (error) {
    await discardAddedImages(c.get('db'), store);
    throw error;
  }
}

const listRoute = createRoute({
  method: 'get',
  path: '/managed-products',
  middleware: [membersOnly],
  operationId: 'listManagedProducts',
  tags,
  security: signedIn,
  summary: "Every product of the member's cooperative, drafts included",
  description: 'By name, with each one’s status and whether a change to it waits for review.',
  responses: {
    200: jsonContent('The products', z.object({ items: z.array(ManagedProductRowSchema) })),
    ...errors(401, 403),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/managed-products/{slug}',
  middleware: [membersOnly],
  operationId: 'getManagedProduct',
  tags,
  security: signedIn,
  summary: 'One of the cooperative’s products in any status, with its photos and waiting change',
  request: { params: z.object({ slug }) },
  responses: { 200: jsonContent('The product', ManagedProductSchema), ...errors(401, 403, 404) },
});

const createProductRoute = createRoute({
  method: 'post',
  path: '/managed-products',
  middleware: [membersOnly, jsonBody()],
  operationId: 'createProduct',
  tags,
  security: signedIn,
  summary: 'Create a draft product',
  description:
    'A draft of the member’s cooperative, not public. Add photos, then send it to review with POST /products/{slug}/submit. Its slug comes from `nameVi`.',
  request: { body: domainBody(ProductInput, { example: productExample }) },
  responses: { 201: jsonContent('Created as a draft', ManagedProductSchema), ...errors(401, 403, 415, 422) },
});

const updateProductRoute = createRoute({
  method: 'put',
  path: '/managed-products/{slug}',
  middleware: [membersOnly, jsonBody()],
  operationId: 'updateProduct',
  tags,
  security: signedIn,
  summary: 'Save a product’s fields',
  description:
    'Replaces every field. A draft, rejected or unpublished product is changed in place; a published one keeps what the public sees and the edit becomes its change for review (`outcome: proposed`), replacing any earlier one. A product waiting for review is not changed (409). Photos are not part of it: see /managed-products/{slug}/photos.',
  request: { params: z.object({ slug }), body: domainBody(ProductInput, { example: productExample }) },
  responses: { 200: jsonContent('Saved', SavedProductSchema), ...errors(401, 403, 404, 409, 415, 422) },
});

const photoIssues =
  'Refused files are named under `fields.photo`: not a JPEG, PNG or WebP by its content (whatever its name or declared type), ' +
  `over ${MAX_IMAGE_MEGABYTES} MB, unreadable, too many pixels, or a product that already has ${MAX_PRODUCT_IMAGES} photos.`;

/**
 * The upload as the document describes it. A plain schema object, not zod: the route must not validate the
 * form itself (the domain verb does, with the form's messages, and zod would read the file as a wrong string).
 */
const photoUploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: [PHOTO_FILE_FIELD],
        properties: {
          [PHOTO_FILE_FIELD]: { type: 'string', format: 'binary', description: 'One image file.' },
          altVi: {
            type: 'string',
            maxLength: MAX_ALT_LENGTH,
            description: 'What the photo shows, for people who cannot see it (Vietnamese).',
          },
          altEn: { type: 'string', maxLength: MAX_ALT_LENGTH, description: 'The same in English.' },
          position: {
            type: 'string',
            description: `1 (first, the one cards show) to ${MAX_PRODUCT_IMAGES}; absent: after the others.`,
          },
        },
      },
      example: {
        [PHOTO_FILE_FIELD]: '(the JPEG file)',
        altVi: 'Chai mật ong 500 ml trên bàn gỗ',
        altEn: 'A 500 ml bottle of honey on a wooden table',
        position: '1',
      },
      encoding: { [PHOTO_FILE_FIELD]: { contentType: 'image/jpeg, image/png, image/webp' } },
    },
  },
} as unknown as ReturnType<typeof domainBody>;

const addPhotoRoute = createRoute({
  method: 'post',
  path: '/managed-products/{slug}/photos',
  middleware: [membersOnly, photoUpload()],
  operationId: 'addProductPhoto',
  tags,
  security: signedIn,
  summary: 'Upload a photo of a product',
  description: `While the product is a draft, rejected or unpublished. The photo is re-encoded (WebP, three sizes) and nothing of the uploaded file but its pixels is kept (no EXIF or GPS position). ${photoIssues} Nothing is stored when the answer is not 201.`,
  request: {
    params: z.object({ slug }),
    body: photoUploadBody,
  },
  responses: {
    201: jsonContent('The product’s photos, in order', PhotoListSchema),
    ...errors(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const PhotoArrangement = photoArrangementSchema.meta({
  id: 'ProductPhotoArrangement',
  description: 'Each of the product’s photos exactly once, in the new order, with its text alternatives.',
});

const arrangePhotosRoute = createRoute({
  method: 'put',
  path: '/managed-products/{slug}/photos',
  middleware: [membersOnly, jsonBody()],
  operationId: 'arrangeProductPhotos',
  tags,
  security: signedIn,
  summary: 'Reorder a product’s photos and set their text alternatives',
  description:
    'The first photo is the one cards show. The list must name every photo the product has, once (422 otherwise): remove one with DELETE.',
  request: {
    params: z.object({ slug }),
    body: domainBody(PhotoArrangement, {
      example: {
        photos: [
          { id: 'k3v7q2m5x4c6b7n2p3r4s5t6u7w2y3z4', altVi: 'Chai mật ong 500 ml', altEn: 'A 500 ml bottle of honey' },
          {
            id: 'a2b3c4d5e6f7g2h3i4j5k6l7m2n3o4p5',
            altVi: 'Tổ ong trong vườn nhãn',
            altEn: 'A hive in a longan orchard',
          },
        ],
      },
    }),
  },
  responses: {
    200: jsonContent('The product’s photos, in order', PhotoListSchema),
    ...errors(401, 403, 404, 409, 415, 422),
  },
});

const removePhotoRoute = createRoute({
  method: 'delete',
  path: '/managed-products/{slug}/photos/{id}',
  middleware: [membersOnly],
  operationId: 'removeProductPhoto',
  tags,
  security: signedIn,
  summary: 'Remove a photo from a product',
  description: 'While the product is a draft, rejected or unpublished.',
  request: { params: z.object({ slug, id: photoId }) },
  responses: {
    200: jsonContent('The product’s photos left, in order', PhotoListSchema),
    ...errors(401, 403, 404, 409),
  },
});

export const managedProducts = createRouter()
  .openapi(listRoute, async (c) => {
    const items = await listManagedProducts(c.get('db'), c.get('user'));
    c.header('Cache-Control', 'no-store');
    return c.json(z.object({ items: z.array(ManagedProductRowSchema) }).encode({ items }), 200);
  })
  .openapi(readRoute, async (c) => {
    const product = await readManagedProduct(c.get('db'), c.get('user'), c.req.valid('param').slug);
    c.header('Cache-Control', 'no-store');
    return c.json(productOf(product), 200);
  })
  .openapi(createProductRoute, async (c) => {
    const db = c.get('db');
    const created = await createProduct(db, c.get('user'), await c.req.json());
    c.header('Cache-Control', 'no-store');
    return c.json(productOf(await readManagedProduct(db, c.get('user'), created.slug)), 201);
  })
  .openapi(updateProductRoute, async (c) => {
    const db = c.get('db');
    const { slug } = c.req.valid('param');
    const outcome = await saveManagedProduct(db, c.get('user'), slug, await c.req.json());
    c.header('Cache-Control', 'no-store');
    const product = withPhotos(await readManagedProduct(db, c.get('user'), slug));
    return c.json(SavedProductSchema.encode({ outcome, product }), 200);
  })
  .openapi(addPhotoRoute, async (c) => {
    const upload = uploadFields(await c.req.formData());
    const photos = await withMediaStore(c, (store) =>
      addProductPhoto(c.get('db'), c.get('user'), c.req.valid('param').slug, store, upload),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(photosOf(photos), 201);
  })
  .openapi(arrangePhotosRoute, async (c) => {
    const photos = await arrangeProductPhotos(
      c.get('db'),
      c.get('user'),
      c.req.valid('param').slug,
      await c.req.json(),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(photosOf(photos), 200);
  })
  .openapi(removePhotoRoute, async (c) => {
    const params = c.req.valid('param');
    const photos = await removeProductPhoto(c.get('db'), c.get('user'), params.slug, params.id);
    c.header('Cache-Control', 'no-store');
    return c.json(photosOf(photos), 200);
  });
