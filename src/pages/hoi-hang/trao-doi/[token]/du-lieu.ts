/** The buyer's data of one inquiry, as a JSON download (functions/pages/privacy/privacy-pages.ts). */
import type { APIRoute } from 'astro';
import { buyerDataResponse } from '../../../../../functions/pages/privacy/privacy-pages';

export const GET: APIRoute = ({ params, locals }) => buyerDataResponse(locals.services, params.token ?? '');
