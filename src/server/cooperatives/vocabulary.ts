/** Legal forms under the Law on Cooperatives 2023 (Luật Hợp tác xã số 17/2023/QH15). */
export const COOPERATIVE_KINDS = ['to_hop_tac', 'hop_tac_xa', 'lien_hiep_htx'] as const;
export type CooperativeKind = (typeof COOPERATIVE_KINDS)[number];

/** Annual classification by the provincial authority (tốt / khá / trung bình / yếu). */
export const COOPERATIVE_CLASSIFICATIONS = ['tot', 'kha', 'trung_binh', 'yeu'] as const;
export type CooperativeClassification = (typeof COOPERATIVE_CLASSIFICATIONS)[number];

export const COOPERATIVE_SECTORS = [
  'trong_trot',
  'chan_nuoi',
  'thuy_san',
  'lam_nghiep',
  'che_bien',
  'thu_cong',
  'du_lich',
  'dich_vu',
] as const;
export type CooperativeSector = (typeof COOPERATIVE_SECTORS)[number];

export const COOPERATIVE_STATUSES = ['active', 'suspended', 'dissolved'] as const;
export type CooperativeStatus = (typeof COOPERATIVE_STATUSES)[number];

/** How a cooperative takes part in a value chain (liên kết chuỗi giá trị). */
export const VALUE_CHAIN_ROLES = ['buyer', 'supplier', 'processor', 'distributor', 'exporter'] as const;
export type ValueChainRole = (typeof VALUE_CHAIN_ROLES)[number];
