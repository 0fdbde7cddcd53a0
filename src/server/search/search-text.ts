/**
 * What the full-text index holds for a product or a cooperative. The write
 * path stores these in search_name / search_body; SQLite triggers copy them
 * into the FTS5 tables (migrations/0001_search_index.sql) in the same statement.
 * Names go in their own column so name matches can rank above description matches.
 */
import { foldVietnamese } from './fold';

export interface SearchText {
  searchName: string;
  searchBody: string;
}

function join(parts: readonly (string | null | undefined)[]): string {
  return foldVietnamese(parts.filter((part) => part && part.trim()).join(' '));
}

export function productSearchText(
  product: {
    nameVi: string;
    nameEn?: string | null;
    descriptionVi?: string | null;
    descriptionEn?: string | null;
    commune?: string | null;
    originFormerly?: string | null;
  },
  context: { provinceName?: string; cooperativeName?: string } = {},
): SearchText {
  return {
    searchName: join([product.nameVi, product.nameEn]),
    searchBody: join([
      product.descriptionVi,
      product.descriptionEn,
      product.commune,
      product.originFormerly,
      context.provinceName,
      context.cooperativeName,
    ]),
  };
}

export function cooperativeSearchText(
  cooperative: {
    name: string;
    descriptionVi?: string | null;
    descriptionEn?: string | null;
    commune?: string | null;
    address?: string | null;
  },
  context: { provinceName?: string } = {},
): SearchText {
  return {
    searchName: join([cooperative.name]),
    searchBody: join([
      cooperative.descriptionVi,
      cooperative.descriptionEn,
      cooperative.commune,
      cooperative.address,
      context.provinceName,
    ]),
  };
}
