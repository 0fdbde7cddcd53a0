/**
 * Page controllers of the dashboard's product pages, shared by the
 * Vietnamese and English routes.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../i18n';
import { requireRole } from '../../server/accounts/guards';
import { cooperativeName, type DashboardProductRow, listCooperativeProducts } from '../../server/dashboard/products';
import { noStore } from '../accounts/form-handling';
import { gated } from './gate';

export interface ProductListData {
  cooperativeName: string;
  products: DashboardProductRow[];
  notice: string | null;
}

export async function handleProductList(page: AstroGlobal, locale: Locale): Promise<ProductListData | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const member = requireRole(user, 'member');
    const cooperativeId = member.cooperativeId ?? '';
    const [name, products] = await Promise.all([cooperativeName(db, cooperativeId), listCooperativeProducts(db, cooperativeId)]);
    return { cooperativeName: name, products };
  });
  if (gate instanceof Response) return gate;
  const submitted = page.url.searchParams.get('done') === 'submitted';
  return { ...gate.data, notice: submitted ? dictionary(locale).dashboard.productForm.submitted : null };
}

