/**
 * Fictional cooperatives in real places, and the place vocabulary the scale
 * generator combines. Every commune is a unit of its province since 1 July
 * 2025 (src/server/provinces/communes.ts; tests/unit/seed.test.ts checks).
 */
import type { CooperativeKind, CooperativeSector } from '../../../cooperatives/vocabulary';

export interface CooperativeSeed {
  kind: CooperativeKind;
  name: string;
  provinceCode: string;
  commune: string;
  /** The place name its products carry ("Vải thiều Lục Ngạn"). */
  place: string;
  /** English form of `place` when dropping diacritics is not enough. */
  placeEn?: string;
  /** Historic origin under the pre-2025 map, e.g. "Lục Ngạn, Bắc Giang". */
  originFormerly?: string;
  /** Keys of ./products.ts PRODUCT_TYPES. */
  types: readonly string[];
}

function c(
  kind: CooperativeKind,
  name: string,
  provinceCode: string,
  commune: string,
  place: string,
  types: readonly string[],
  originFormerly?: string,
  placeEn?: string,
): CooperativeSeed {
  return {
    kind,
    name,
    provinceCode,
    commune,
    place,
    types,
    ...(originFormerly === undefined ? {} : { originFormerly }),
    ...(placeEn === undefined ? {} : { placeEn }),
  };
}

const H = 'hop_tac_xa';
const T = 'to_hop_tac';
const L = 'lien_hiep_htx';

export const DEMO_COOPERATIVES: readonly CooperativeSeed[] = [
  // Hà Nội
  c(H, 'Hợp tác xã Gốm sứ Bát Tràng', '01', 'xã Bát Tràng', 'Bát Tràng', ['gom']),
  c(T, 'Tổ hợp tác Mây tre đan Phú Vinh', '01', 'xã Phú Nghĩa', 'Phú Vinh', ['may_tre_dan']),
  c(H, 'HTX Dệt lụa Vạn Phúc', '01', 'phường Hà Đông', 'Vạn Phúc', ['lua']),
  c(H, 'Hợp tác xã Nông nghiệp Đồng Tâm', '01', 'xã Mỹ Đức', 'Mỹ Đức', ['gao_bac', 'tra_thao_duoc']),
  c(H, 'HTX Hoa lan Mê Linh', '01', 'xã Mê Linh', 'Mê Linh', ['hoa_lan', 'hoa_tet']),
  c(H, 'HTX Du lịch cộng đồng Đường Lâm', '01', 'phường Sơn Tây', 'Đường Lâm', ['du_lich']),
  c(T, 'Tổ hợp tác Cốm làng Vòng', '01', 'phường Cầu Giấy', 'làng Vòng', ['com'], undefined, 'Vong Village'),
  // Hải Phòng
  c(H, 'HTX Vải thiều Thanh Hà', '31', 'xã Thanh Hà', 'Thanh Hà', ['vai_thieu'], 'Thanh Hà, Hải Dương'),
  c(H, 'HTX Nước mắm Cát Hải', '31', 'đặc khu Cát Hải', 'Cát Hải', ['nuoc_mam', 'cha_muc']),
  c(H, 'HTX Bánh đậu xanh Hải Dương', '31', 'phường Hải Dương', 'Hải Dương', ['banh_dau_xanh'], 'Hải Dương'),
  // Quảng Ninh
  c(H, 'HTX Miến dong Bình Liêu', '22', 'xã Bình Liêu', 'Bình Liêu', ['mien_dong', 'du_lich']),
  c(H, 'HTX Chả mực Hạ Long', '22', 'phường Hồng Gai', 'Hạ Long', ['cha_muc']),
  c(H, 'HTX Dược liệu Ba Chẽ', '22', 'xã Ba Chẽ', 'Ba Chẽ', ['ba_kich', 'mat_ong']),
  // Bắc Ninh
  c(
    L,
    'Liên hiệp HTX Vải thiều Lục Ngạn',
    '24',
    'xã Lục Ngạn',
    'Lục Ngạn',
    ['vai_thieu', 'mat_ong'],
    'Lục Ngạn, Bắc Giang',
  ),
  c(H, 'HTX Mỳ Chũ Nam Dương', '24', 'phường Chũ', 'Chũ', ['mi_gao'], 'Lục Ngạn, Bắc Giang'),
  // Hưng Yên
  c(H, 'HTX Nhãn lồng Hồng Nam', '33', 'phường Hồng Châu', 'Hưng Yên', ['nhan_long', 'mat_ong']),
  c(
    H,
    'Hợp tác xã Nông nghiệp Đông Hưng',
    '33',
    'xã Đông Hưng',
    'Đông Hưng',
    ['gao_bac', 'nghe'],
    'Đông Hưng, Thái Bình',
  ),
  // Ninh Bình
  c(H, 'HTX Cói Kim Sơn', '37', 'xã Kim Sơn', 'Kim Sơn', ['chieu_coi', 'may_tre_dan']),
  c(H, 'HTX Lụa Nha Xá', '37', 'phường Duy Tiên', 'Nha Xá', ['lua'], 'Duy Tiên, Hà Nam'),
  c(H, 'HTX Sinh vật cảnh Vị Khê', '37', 'xã Nam Trực', 'Vị Khê', ['cay_canh'], 'Nam Trực, Nam Định'),
  c(H, 'HTX Dịch vụ Du lịch Tràng An', '37', 'phường Tây Hoa Lư', 'Tràng An', ['du_lich']),
  // Thanh Hóa, Nghệ An, Hà Tĩnh
  c(H, 'HTX Chiếu cói Nga Sơn', '38', 'xã Nga Sơn', 'Nga Sơn', ['chieu_coi']),
  c(H, 'HTX Chế biến Hải sản Sầm Sơn', '38', 'phường Sầm Sơn', 'Sầm Sơn', ['nuoc_mam', 'cha_muc']),
  c(H, 'HTX Cam Vinh Quỳ Hợp', '40', 'xã Quỳ Hợp', 'Vinh', ['cam', 'nghe']),
  c(T, 'Tổ hợp tác Dệt thổ cẩm Quế Phong', '40', 'xã Quế Phong', 'Quế Phong', ['tho_cam']),
  c(H, 'HTX Bưởi Phúc Trạch', '42', 'xã Hương Khê', 'Phúc Trạch', ['buoi']),
  // Quảng Trị, Huế
  c(H, 'HTX Hồ tiêu Vĩnh Linh', '44', 'xã Vĩnh Linh', 'Vĩnh Linh', ['tieu']),
  c(H, 'HTX Du lịch cộng đồng Phong Nha', '44', 'xã Phong Nha', 'Phong Nha', ['du_lich'], 'Bố Trạch, Quảng Bình'),
  c(H, 'HTX Nón lá Phú Cam', '46', 'phường Thuận Hóa', 'Huế', ['non_la']),
  c(H, 'HTX Tinh dầu tràm Lộc Trì', '46', 'xã Phú Lộc', 'Huế', ['tram']),
  // Đà Nẵng, Quảng Ngãi
  c(H, 'HTX Nước mắm Nam Ô', '48', 'phường Hải Vân', 'Nam Ô', ['nuoc_mam']),
  c(H, 'HTX Sâm Ngọc Linh Tu Mơ Rông', '51', 'xã Tu Mơ Rông', 'Ngọc Linh', ['sam_ngoc_linh'], 'Tu Mơ Rông, Kon Tum'),
  c(H, 'HTX Quế Trà Bồng', '51', 'xã Trà Bồng', 'Trà Bồng', ['que']),
  c(H, 'HTX Tỏi Lý Sơn', '51', 'đặc khu Lý Sơn', 'Lý Sơn', ['toi', 'du_lich']),
  // Gia Lai, Khánh Hòa
  c(H, 'HTX Nông nghiệp Chư Sê', '52', 'xã Chư Sê', 'Chư Sê', ['tieu', 'ca_phe']),
  c(H, 'HTX Rượu Bàu Đá', '52', 'phường An Nhơn', 'Bàu Đá', ['ruou'], 'An Nhơn, Bình Định'),
  c(H, 'HTX Yến sào Cam Lâm', '56', 'xã Cam Lâm', 'Khánh Hòa', ['yen_sao', 'xoai']),
  c(H, 'HTX Gốm Bàu Trúc', '56', 'xã Phước Hậu', 'Bàu Trúc', ['gom'], 'Ninh Phước, Ninh Thuận'),
  c(T, 'Tổ hợp tác Dệt thổ cẩm Mỹ Nghiệp', '56', 'xã Ninh Phước', 'Mỹ Nghiệp', ['tho_cam'], 'Ninh Phước, Ninh Thuận'),
  // Lâm Đồng, Đắk Lắk
  c(H, 'HTX Hoa lan Đà Lạt', '68', 'phường Lâm Viên - Đà Lạt', 'Đà Lạt', ['hoa_lan', 'hoa_tet']),
  c(H, 'HTX Cà phê Cầu Đất', '68', 'phường Xuân Trường - Đà Lạt', 'Cầu Đất', ['ca_phe_arabica']),
  c(H, 'HTX Thanh long Hàm Thuận', '68', 'xã Hàm Thuận', 'Bình Thuận', ['thanh_long'], 'Hàm Thuận Bắc, Bình Thuận'),
  c(H, 'HTX Nước mắm Phan Thiết', '68', 'phường Phú Thủy', 'Phan Thiết', ['nuoc_mam'], 'Phan Thiết, Bình Thuận'),
  c(L, 'Liên hiệp HTX Thương mại Đắk Lắk', '66', 'phường Buôn Ma Thuột', 'Buôn Ma Thuột', [
    'ca_phe',
    'tieu',
    'mat_ong',
  ]),
  c(H, 'HTX Du lịch cộng đồng Buôn Đôn', '66', 'xã Buôn Đôn', 'Buôn Đôn', ['du_lich', 'tho_cam']),
  // Đồng Nai, Thành phố Hồ Chí Minh, Tây Ninh
  c(H, 'HTX Điều Bù Đăng', '75', 'xã Bù Đăng', 'Bù Đăng', ['hat_dieu', 'mat_ong'], 'Bù Đăng, Bình Phước'),
  c(
    H,
    'HTX Sơn mài Tương Bình Hiệp',
    '79',
    'phường Thủ Dầu Một',
    'Tương Bình Hiệp',
    ['son_mai'],
    'Thủ Dầu Một, Bình Dương',
  ),
  c(H, 'HTX Nông nghiệp Củ Chi', '79', 'xã Củ Chi', 'Củ Chi', ['hoa_lan', 'cay_canh']),
  c(H, 'HTX Bánh tráng Trảng Bàng', '80', 'phường Trảng Bàng', 'Trảng Bàng', ['banh_trang']),
  c(H, 'HTX Nông nghiệp Cần Đước', '80', 'xã Cần Đước', 'Chợ Đào', ['gao_nam', 'thanh_long'], 'Cần Đước, Long An'),
  // Vĩnh Long, Đồng Tháp
  c(H, 'HTX Bưởi Năm Roi Mỹ Hòa', '86', 'phường Bình Minh', 'Năm Roi Bình Minh', ['buoi']),
  c(
    H,
    'HTX Bưởi da xanh Mỏ Cày',
    '86',
    'xã Mỏ Cày',
    'da xanh Bến Tre',
    ['buoi', 'ca_cao'],
    'Mỏ Cày, Bến Tre',
    'Ben Tre green-skin',
  ),
  c(H, 'HTX Kẹo dừa Mỏ Cày Nam', '86', 'xã Mỏ Cày', 'Bến Tre', ['keo_dua'], 'Mỏ Cày Nam, Bến Tre'),
  c(H, 'HTX Hoa kiểng Sa Đéc', '82', 'phường Sa Đéc', 'Sa Đéc', ['cay_canh', 'hoa_tet', 'du_lich']),
  c(H, 'HTX Xoài cát Hòa Lộc', '82', 'xã Cái Bè', 'Hòa Lộc', ['xoai', 'du_lich'], 'Cái Bè, Tiền Giang'),
  // Cần Thơ, Cà Mau, An Giang
  c(
    H,
    'HTX Nông nghiệp Mỹ Xuyên',
    '92',
    'phường Mỹ Xuyên',
    'Sóc Trăng',
    ['gao_st25', 'tom_kho'],
    'Mỹ Xuyên, Sóc Trăng',
  ),
  c(H, 'HTX Du lịch Cồn Sơn', '92', 'phường Bình Thủy', 'Cồn Sơn', ['du_lich']),
  c(H, 'HTX Khóm Cầu Đúc', '92', 'xã Hỏa Lựu', 'Cầu Đúc', ['khom'], 'Vị Thanh, Hậu Giang'),
  c(H, 'HTX Thủy sản Năm Căn', '96', 'xã Năm Căn', 'Năm Căn', ['kho_ca', 'tom_kho']),
  c(H, 'HTX Nuôi ong U Minh', '96', 'xã U Minh', 'U Minh', ['mat_ong', 'tram']),
  c(H, 'HTX Nước mắm Phú Quốc', '91', 'đặc khu Phú Quốc', 'Phú Quốc', ['nuoc_mam', 'tieu'], 'Phú Quốc, Kiên Giang'),
  c(T, 'Tổ hợp tác Thốt nốt Tri Tôn', '91', 'xã Tri Tôn', 'Tri Tôn', ['thot_not']),
  // Trung du và miền núi phía Bắc
  c(H, 'HTX Mật ong bạc hà Mèo Vạc', '08', 'xã Mèo Vạc', 'Mèo Vạc', ['mat_ong_bac_ha', 'du_lich'], 'Mèo Vạc, Hà Giang'),
  c(
    H,
    'HTX Chè shan tuyết Hoàng Su Phì',
    '08',
    'xã Hoàng Su Phì',
    'Hoàng Su Phì',
    ['che_shan'],
    'Hoàng Su Phì, Hà Giang',
  ),
  c(H, 'HTX Cam sành Hàm Yên', '08', 'xã Hàm Yên', 'sành Hàm Yên', ['cam'], undefined, 'Ham Yen king'),
  c(H, 'HTX Quế Văn Yên', '15', 'xã Đông Cuông', 'Văn Yên', ['que'], 'Văn Yên, Yên Bái'),
  c(H, 'HTX Du lịch cộng đồng Tả Van', '15', 'xã Tả Van', 'Tả Van', ['du_lich', 'tho_cam']),
  c(H, 'HTX Chè Tân Cương', '19', 'phường Quyết Thắng', 'Tân Cương', ['che', 'du_lich']),
  c(H, 'HTX Miến dong Na Rì', '19', 'xã Na Rì', 'Na Rì', ['mien_dong'], 'Na Rì, Bắc Kạn'),
  c(H, 'HTX Bưởi Đoan Hùng', '25', 'xã Đoan Hùng', 'Đoan Hùng', ['buoi', 'che']),
  c(H, 'HTX Du lịch cộng đồng bản Lác', '25', 'xã Mai Châu', 'Mai Châu', ['du_lich', 'tho_cam'], 'Mai Châu, Hòa Bình'),
  c(H, 'HTX Chè shan tuyết Mộc Châu', '14', 'phường Mộc Châu', 'Mộc Châu', ['che_shan', 'du_lich']),
  c(H, 'HTX Hồi Văn Quan', '20', 'xã Văn Quan', 'Văn Quan', ['hoi', 'tra_thao_duoc']),
  c(H, 'HTX Hạt dẻ Trùng Khánh', '04', 'xã Trùng Khánh', 'Trùng Khánh', ['hat_de', 'mien_dong']),
  c(H, 'HTX Gạo Điện Biên', '11', 'xã Thanh Nưa', 'Điện Biên', ['gao_bac', 'ruou']),
  c(H, 'HTX Chè Tam Đường', '12', 'xã Bình Lư', 'Tam Đường', ['che', 'du_lich']),
];

/** Place names per province for the scale generator: "HTX Chè Đại Từ", "Gạo ST25 Mỹ Xuyên". */
export const LOCALITIES: Readonly<Record<string, readonly string[]>> = {
  '01': ['Đông Anh', 'Gia Lâm', 'Sóc Sơn', 'Thạch Thất', 'Chương Mỹ', 'Phú Xuyên'],
  '46': ['Phong Điền', 'Hương Trà', 'Phú Vang', 'A Lưới', 'Phú Lộc'],
  '31': ['Thủy Nguyên', 'An Lão', 'Tiên Lãng', 'Kinh Môn', 'Thanh Hà', 'Chí Linh'],
  '48': ['Hòa Vang', 'Điện Bàn', 'Duy Xuyên', 'Tiên Phước', 'Trà My'],
  '79': ['Củ Chi', 'Cần Giờ', 'Hóc Môn', 'Bến Cát', 'Long Điền', 'Dầu Tiếng'],
  '92': ['Phong Điền', 'Thới Lai', 'Cờ Đỏ', 'Mỹ Xuyên', 'Long Mỹ', 'Ngã Bảy'],
  '12': ['Tam Đường', 'Sìn Hồ', 'Phong Thổ', 'Than Uyên'],
  '11': ['Mường Ảng', 'Tuần Giáo', 'Mường Nhé', 'Điện Biên Đông'],
  '14': ['Mộc Châu', 'Mai Sơn', 'Thuận Châu', 'Yên Châu', 'Bắc Yên'],
  '20': ['Văn Quan', 'Bắc Sơn', 'Đình Lập', 'Lộc Bình', 'Hữu Lũng'],
  '22': ['Bình Liêu', 'Ba Chẽ', 'Đông Triều', 'Tiên Yên', 'Vân Đồn'],
  '38': ['Nga Sơn', 'Thọ Xuân', 'Như Thanh', 'Bá Thước', 'Quảng Xương'],
  '40': ['Quỳ Hợp', 'Nghi Lộc', 'Con Cuông', 'Diễn Châu', 'Thanh Chương'],
  '42': ['Hương Khê', 'Hương Sơn', 'Cẩm Xuyên', 'Kỳ Anh', 'Đức Thọ'],
  '04': ['Trùng Khánh', 'Nguyên Bình', 'Hòa An', 'Bảo Lạc'],
  '08': ['Hàm Yên', 'Chiêm Hóa', 'Mèo Vạc', 'Hoàng Su Phì', 'Đồng Văn'],
  '15': ['Văn Yên', 'Sa Pa', 'Bắc Hà', 'Mù Cang Chải', 'Văn Chấn'],
  '19': ['Đại Từ', 'Định Hóa', 'Phú Lương', 'Na Rì', 'Ba Bể'],
  '25': ['Đoan Hùng', 'Thanh Sơn', 'Tam Dương', 'Mai Châu', 'Cao Phong'],
  '24': ['Lục Ngạn', 'Yên Thế', 'Tiên Du', 'Thuận Thành', 'Lạng Giang'],
  '33': ['Khoái Châu', 'Tiên Lữ', 'Văn Giang', 'Đông Hưng', 'Kiến Xương'],
  '37': ['Kim Sơn', 'Gia Viễn', 'Hải Hậu', 'Lý Nhân', 'Nho Quan'],
  '44': ['Vĩnh Linh', 'Hải Lăng', 'Bố Trạch', 'Lệ Thủy', 'Cam Lộ'],
  '51': ['Trà Bồng', 'Mộ Đức', 'Ba Tơ', 'Đăk Tô', 'Ngọc Hồi'],
  '52': ['Chư Sê', 'Chư Păh', 'An Nhơn', 'Phù Cát', 'Tây Sơn'],
  '56': ['Cam Lâm', 'Diên Khánh', 'Ninh Hải', 'Ninh Phước', 'Khánh Sơn'],
  '68': ['Bảo Lộc', 'Di Linh', 'Đức Trọng', 'Đắk Mil', 'Hàm Thuận', 'Tuy Phong'],
  '66': ['Cư Kuin', 'Krông Pắc', 'Krông Bông', 'Ea Kar', 'Sơn Hòa', 'Tuy An'],
  '75': ['Bù Đăng', 'Xuân Lộc', 'Định Quán', 'Long Thành', 'Lộc Ninh'],
  '80': ['Trảng Bàng', 'Gò Dầu', 'Tân Biên', 'Cần Đước', 'Đức Hòa'],
  '86': ['Bình Minh', 'Mỏ Cày', 'Chợ Lách', 'Cầu Kè', 'Tiểu Cần', 'Long Hồ'],
  '82': ['Sa Đéc', 'Cao Lãnh', 'Cái Bè', 'Chợ Gạo', 'Tháp Mười'],
  '96': ['Năm Căn', 'U Minh', 'Đầm Dơi', 'Hồng Dân', 'Phước Long'],
  '91': ['Tri Tôn', 'Châu Đốc', 'Phú Quốc', 'Tân Hiệp', 'Chợ Mới'],
};

/** Hamlet words by region: "ấp" in the south, "bản" in the northern mountains, "thôn" elsewhere. */
export const HAMLET_WORD: Readonly<Record<string, string>> = {
  northern_midlands_mountains: 'Bản',
  red_river_delta: 'Thôn',
  north_central_coast: 'Thôn',
  central_highlands: 'Thôn',
  southeast: 'Ấp',
  mekong_delta: 'Ấp',
};
export const HAMLET_NAMES = [
  'Đông',
  'Tây',
  'Trung',
  'Thượng',
  'Hạ',
  'Tân Lập',
  'Đồng Tâm',
  'An Phú',
  'Hòa Bình',
  'Phú Mỹ',
  'Bình An',
  'Tân Hòa',
] as const;
export const STREET_NAMES = [
  'Trần Hưng Đạo',
  'Lê Lợi',
  'Nguyễn Trãi',
  'Hùng Vương',
  'Quang Trung',
  'Lý Thường Kiệt',
  'Nguyễn Huệ',
  'Hai Bà Trưng',
] as const;

export const KIND_WORDS: Readonly<Record<CooperativeKind, readonly [vi: string, en: string]>> = {
  to_hop_tac: ['Tổ hợp tác', 'cooperative group'],
  hop_tac_xa: ['Hợp tác xã', 'cooperative'],
  lien_hiep_htx: ['Liên hiệp HTX', 'union of cooperatives'],
};

export const SECTOR_SENTENCES: Readonly<Record<CooperativeSector, readonly [vi: string, en: string]>> = {
  trong_trot: [
    'Hợp tác xã tổ chức sản xuất theo quy trình chung, cung ứng vật tư đầu vào và bao tiêu sản phẩm cho thành viên.',
    'It runs a shared growing protocol, supplies inputs and buys the members’ harvest.',
  ],
  chan_nuoi: [
    'Các hộ thành viên chăn nuôi theo quy trình an toàn sinh học, có sổ ghi chép và kiểm soát dịch bệnh chung.',
    'Member households raise their stock under a shared biosecurity protocol with common records and disease control.',
  ],
  thuy_san: [
    'Thành viên khai thác, nuôi trồng và chế biến thủy sản, hợp tác xã lo đầu ra và kiểm soát chất lượng.',
    'Members catch, farm and process fish and seafood; the cooperative handles sales and quality control.',
  ],
  lam_nghiep: [
    'Hợp tác xã quản lý vùng nguyên liệu rừng trồng, thu mua và sơ chế lâm sản ngoài gỗ cho thành viên.',
    'It manages planted-forest sourcing areas and buys and processes members’ non-timber forest products.',
  ],
  che_bien: [
    'Hợp tác xã có xưởng chế biến đạt điều kiện an toàn thực phẩm, liên kết với hộ thành viên cung cấp nguyên liệu.',
    'It runs a food-safety-certified processing workshop supplied by member households.',
  ],
  thu_cong: [
    'Nghệ nhân và thợ làng nghề cùng giữ kỹ thuật truyền thống, hợp tác xã nhận đơn hàng và đào tạo thợ trẻ.',
    'Artisans keep the village’s traditional techniques alive; the cooperative takes orders and trains young makers.',
  ],
  du_lich: [
    'Các hộ thành viên đón khách lưu trú tại nhà, hợp tác xã điều phối lịch, hướng dẫn viên và dịch vụ chung.',
    'Member families host guests in their homes; the cooperative coordinates bookings, guides and shared services.',
  ],
  dich_vu: [
    'Hợp tác xã cung cấp dịch vụ thủy lợi, làm đất, vật tư và tiêu thụ sản phẩm cho thành viên.',
    'It provides irrigation, land preparation, inputs and marketing services to members.',
  ],
};

/** Fictional partners for value-chain links and shipping steps. */
export const PARTNERS = [
  'Công ty CP Xuất nhập khẩu Nông sản Việt Xanh',
  'Công ty TNHH Thực phẩm Sạch Hà Thành',
  'Công ty CP Chuỗi cung ứng Nông sản Sài Gòn Xanh',
  'Công ty TNHH Thương mại Đặc sản Ba Miền',
  'Công ty CP Phân phối Hàng Việt Phương Nam',
  'Công ty TNHH Logistics Nông sản Đông Dương',
  'Công ty CP Vật tư Nông nghiệp Đồng Xanh',
  'Công ty TNHH Chế biến Nông sản Miền Trung',
  'Công ty CP Thương mại Điện tử Chợ Quê',
  'Hệ thống cửa hàng Nông sản An Tâm',
  'Công ty TNHH Xuất khẩu Gia vị Việt',
  'Công ty CP Du lịch Xanh Việt',
] as const;

export const INSPECTION_BODIES = [
  'Trung tâm Kiểm nghiệm Chất lượng Nông lâm thủy sản vùng {region}',
  'Phòng thử nghiệm Chất lượng Nông sản {province}',
  'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng {province}',
] as const;

export const CERTIFICATION_BODIES = [
  'Trung tâm Chứng nhận Phù hợp Nông nghiệp Việt',
  'Công ty CP Chứng nhận và Giám định Nông sản Phương Nam',
  'Trung tâm Kiểm định và Chứng nhận Chất lượng Miền Bắc',
  'Công ty TNHH Chứng nhận Quốc tế Á Châu',
] as const;
