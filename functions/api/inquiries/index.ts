/**
 * Inquiries over the API, one module per audience:
 * - ./submit.ts: POST /inquiries, a buyer's inquiry (JSON only, at most
 *   32 KB, Idempotency-Key honoured, CORS only for INQUIRY_CORS_ORIGINS: ./cors.ts);
 * - ./request.ts: POST /inquiries/requests, one inquiry to the cooperatives of several products (CORS as
 *   POST /inquiries);
 * - ./status.ts: POST /inquiries/status, the buyer's view with reference and email/phone;
 * - ./thread.ts: /inquiries/thread, the buyer's thread by the private token mailed to them;
 * - ./statistics.ts: GET /inquiries/statistics, figures for trade officers;
 * - ./inbox.ts: the cooperative's inbox, replies and status actions.
 * Mail goes out after the response (./delivery.ts).
 */
import { createRouter } from '../context';
import { inbox } from './inbox';
import { statistics } from './statistics';
import { statusLookUp } from './status';
import { requestSubmit } from './request';
import { publicSubmit } from './submit';
import { thread } from './thread';

export { CROSS_ORIGIN_INQUIRY_PATHS, inquiryCors, isAllowedCrossOriginInquiry } from './cors';

// Statistics and the thread before the inbox: /inquiries/statistics would otherwise be read as a reference.
export const inquiries = createRouter()
  .route('/', publicSubmit)
  .route('/', requestSubmit)
  .route('/', statusLookUp)
  .route('/', statistics)
  .route('/', thread)
  .route('/', inbox);
