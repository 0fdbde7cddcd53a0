/** The signed-in person's data, as a JSON download (functions/pages/privacy/privacy-pages.ts). */
import type { APIRoute } from 'astro';
import { memberDataResponse } from '../../../../../functions/pages/privacy/privacy-pages';

export const GET: APIRoute = ({ locals }) => memberDataResponse(locals.services, locals.user, 'en');
