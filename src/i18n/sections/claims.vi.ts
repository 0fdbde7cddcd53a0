/** Claims (OCOP ratings, certificates) and their verification by the trade department. */
export const claimsVi = {
  states: {
    pending: 'Chờ Sở Công Thương xác minh',
    needs_evidence: 'Cần bổ sung bằng chứng',
    verified: 'Đã xác minh',
    rejected: 'Bị từ chối',
    revoked: 'Đã thu hồi',
  },
  /** Said to the cooperative beside a claim that is not public (yet). */
  notPublic: 'Chưa hiển thị công khai.',
  reason: 'Lý do: {reason}',
  kinds: {
    ocop_rating: 'Xếp hạng OCOP',
    certificate: 'Chứng nhận',
  },
} as const;
