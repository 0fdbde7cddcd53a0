/** Schemas shared by every router. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request' }),
      message: z.string().openapi({ example: 'Yêu cầu không hợp lệ.' }),
      fields: z.record(z.string(), z.string()).optional().openapi({ example: { stars: 'Giá trị không được vượt quá 5.' } }),
    }),
  })
  .openapi('Error');
