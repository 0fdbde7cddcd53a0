/**
 * Real Vietnamese product types, the ingredients of every generated product.
 * In names and descriptions, {p} is the producing place ("Lục Ngạn").
 */
import type { CertificationKind, OcopGroup } from '../../../products/vocabulary';
import type { CooperativeSector } from '../../../cooperatives/vocabulary';

/** Decides which provenance steps a batch goes through (see ../provenance.ts). */
export type ProcessKind =
  | 'orchard'
  | 'annual'
  | 'livestock'
  | 'aquatic'
  | 'food'
  | 'forest'
  | 'craft'
  | 'plant'
  | 'service';

export interface Variant {
  vi: string;
  en: string;
  unitVi: string;
  unitEn: string;
  /** Whole VND; null when the price is quoted on request. */
  price: number | null;
  minOrder: number;
  /** Overrides the type's shelf life (dried fruit keeps longer than fresh). */
  shelfDays?: number;
}

export interface ProductType {
  key: string;
  group: OcopGroup;
  sector: CooperativeSector;
  process: ProcessKind;
  /** The word cooperatives put in their names: "HTX Chè …", "HTX Nước mắm …". */
  stem: string;
  descVi: string;
  descEn: string;
  variants: readonly Variant[];
  season?: readonly [vi: string, en: string];
  /** Days from production to best-before; absent for goods that do not spoil. */
  shelfDays?: number;
  /** Extra days between processing and packing (fish sauce ferments for a year). */
  processDays?: readonly [number, number];
  /** Certifications such a producer plausibly holds. */
  certs: readonly CertificationKind[];
  /** Places whose name for this product is a registered geographic indication. */
  gi?: readonly string[];
  /** Places whose name for this product is a registered collective or certification trademark. */
  trademark?: readonly string[];
  /** Province codes where the scale generator may place such producers. */
  provinces: readonly string[];
}

function v(vi: string, en: string, unitVi: string, unitEn: string, price: number | null, minOrder = 1, shelfDays?: number): Variant {
  return shelfDays === undefined ? { vi, en, unitVi, unitEn, price, minOrder } : { vi, en, unitVi, unitEn, price, minOrder, shelfDays };
}

const ALL_PROVINCES = [
  '01', '46', '31', '48', '79', '92', '12', '11', '14', '20', '22', '38', '40', '42', '04', '08', '15',
  '19', '25', '24', '33', '37', '44', '51', '52', '56', '68', '66', '75', '80', '86', '82', '96', '91',
] as const;

export const PRODUCT_TYPES: readonly ProductType[] = [
  // ── Thực phẩm ────────────────────────────────────────────────────────────
  { key: 'vai_thieu', group: 'thuc_pham', sector: 'trong_trot', process: 'orchard', stem: 'Vải thiều',
    descVi: 'Vải thiều trồng tại {p}, cùi dày, hạt nhỏ, vị ngọt đậm; thu hái khi quả chín đều và sơ chế ngay trong ngày.',
    descEn: 'Lychee grown in {p}: thick flesh, a small seed and deep sweetness; picked when evenly ripe and packed the same day.',
    variants: [
      v('Vải thiều {p} tươi', 'Fresh {p} lychee', 'kg', 'kg', 55000, 5),
      v('Vải thiều {p} sấy khô', 'Dried {p} lychee', 'hộp 500 g', '500 g box', 150000, 1, 365),
      v('Vải thiều {p} thùng 10 kg', '{p} lychee, 10 kg carton', 'thùng 10 kg', '10 kg carton', 520000, 10),
    ],
    season: ['Tháng 5 – tháng 7', 'May – July'], shelfDays: 12,
    certs: ['vietgap', 'globalgap'], gi: ['Lục Ngạn', 'Thanh Hà'], provinces: ['24', '31'],
  },
  { key: 'nhan_long', group: 'thuc_pham', sector: 'trong_trot', process: 'orchard', stem: 'Nhãn lồng',
    descVi: 'Nhãn lồng {p} quả to, cùi dày giòn, ráo nước, hương thơm đặc trưng của vùng đất bãi ven sông Hồng.',
    descEn: '{p} longan: large fruit with thick, crisp, dry flesh and the fragrance of the Red River alluvial land.',
    variants: [
      v('Nhãn lồng {p}', '{p} longan', 'kg', 'kg', 60000, 2),
      v('Long nhãn {p} sấy', 'Dried {p} longan', 'hộp 300 g', '300 g box', 160000, 1, 365),
      v('Nhãn lồng {p} hộp quà 2 kg', '{p} longan gift box, 2 kg', 'hộp 2 kg', '2 kg gift box', 180000),
    ],
    season: ['Tháng 7 – tháng 8', 'July – August'], shelfDays: 10,
    certs: ['vietgap'], gi: ['Hưng Yên'], provinces: ['33'],
  },
  { key: 'buoi', group: 'thuc_pham', sector: 'trong_trot', process: 'orchard', stem: 'Bưởi',
    descVi: 'Bưởi {p} múi mọng, tép ráo, vị ngọt thanh; vườn canh tác theo quy trình an toàn, quả được tuyển chọn theo cỡ.',
    descEn: '{p} pomelo with juicy, firm segments and a clean sweetness; grown under a safe-farming protocol and graded by size.',
    variants: [
      v('Bưởi {p}', '{p} pomelo', 'kg', 'kg', 45000, 5),
      v('Bưởi {p} loại 1', '{p} pomelo, grade 1', 'quả 1,2–1,5 kg', 'fruit, 1.2–1.5 kg', 70000),
      v('Bưởi {p} hộp quà 2 quả', '{p} pomelo gift box', 'hộp 2 quả', 'box of 2', 160000),
    ],
    season: ['Tháng 8 – tháng 12', 'August – December'], shelfDays: 30,
    certs: ['vietgap', 'globalgap', 'organic'], gi: ['Năm Roi Bình Minh', 'Phúc Trạch', 'Đoan Hùng'],
    trademark: ['da xanh Bến Tre', 'Tân Triều'], provinces: ['86', '42', '25', '75', '82', '92'],
  },
  { key: 'cam', group: 'thuc_pham', sector: 'trong_trot', process: 'orchard', stem: 'Cam',
    descVi: 'Cam {p} vỏ mỏng, nhiều nước, vị ngọt đậm pha chút chua nhẹ; thu hoạch khi quả chín cây.',
    descEn: '{p} oranges: thin-skinned and juicy, sweet with a light tang; harvested ripe on the tree.',
    variants: [
      v('Cam {p}', '{p} oranges', 'kg', 'kg', 50000, 5),
      v('Cam {p} thùng 10 kg', '{p} oranges, 10 kg carton', 'thùng 10 kg', '10 kg carton', 450000, 5),
      v('Nước cam {p} ép lạnh', 'Cold-pressed {p} orange juice', 'chai 330 ml', '330 ml bottle', 35000, 12, 7),
    ],
    season: ['Tháng 10 – tháng 2', 'October – February'], shelfDays: 30,
    certs: ['vietgap'], gi: ['Vinh', 'sành Hàm Yên'], provinces: ['40', '08', '42', '14'],
  },
  { key: 'xoai', group: 'thuc_pham', sector: 'trong_trot', process: 'orchard', stem: 'Xoài',
    descVi: 'Xoài cát {p} thịt vàng mịn, không xơ, ngọt sắc và thơm; được bao trái từ khi còn nhỏ.',
    descEn: '{p} mango with smooth, fibreless golden flesh, intensely sweet and fragrant; bagged on the tree from early on.',
    variants: [
      v('Xoài cát {p}', '{p} mango', 'kg', 'kg', 80000, 2),
      v('Xoài cát {p} hộp quà 3 kg', '{p} mango gift box, 3 kg', 'hộp 3 kg', '3 kg gift box', 280000),
      v('Xoài cát {p} sấy dẻo', 'Soft-dried {p} mango', 'túi 250 g', '250 g pack', 85000, 1, 270),
    ],
    season: ['Tháng 3 – tháng 6', 'March – June'], shelfDays: 10,
    certs: ['vietgap', 'globalgap'], gi: ['Hòa Lộc'], provinces: ['82', '86', '56'],
  },
  { key: 'thanh_long', group: 'thuc_pham', sector: 'trong_trot', process: 'orchard', stem: 'Thanh long',
    descVi: 'Thanh long {p} trồng trên đất cát pha, quả đều, vỏ đỏ tươi, ruột ngọt mát.',
    descEn: '{p} dragon fruit grown on sandy soil: even fruit, bright red skin and cool, sweet flesh.',
    variants: [
      v('Thanh long ruột đỏ {p}', '{p} red-flesh dragon fruit', 'kg', 'kg', 45000, 5),
      v('Thanh long ruột trắng {p}', '{p} white-flesh dragon fruit', 'kg', 'kg', 28000, 10),
      v('Thanh long {p} sấy dẻo', 'Soft-dried {p} dragon fruit', 'túi 200 g', '200 g pack', 65000, 1, 270),
    ],
    season: ['Quanh năm, chính vụ tháng 5 – tháng 8', 'Year-round, main season May – August'], shelfDays: 20,
    certs: ['vietgap', 'globalgap'], gi: ['Bình Thuận'], provinces: ['68', '80'],
  },
  { key: 'khom', group: 'thuc_pham', sector: 'trong_trot', process: 'orchard', stem: 'Khóm',
    descVi: 'Khóm {p} trồng trên đất phèn, mắt cạn, thịt vàng, vị ngọt thanh, ít xơ.',
    descEn: '{p} pineapple from acid-sulphate soils: shallow eyes, golden flesh, a clean sweetness and little fibre.',
    variants: [
      v('Khóm {p}', '{p} pineapple', 'quả', 'fruit', 18000, 10),
      v('Mứt khóm {p}', '{p} pineapple jam', 'hộp 300 g', '300 g jar', 60000, 1, 365),
      v('Khóm {p} sấy dẻo', 'Soft-dried {p} pineapple', 'túi 250 g', '250 g pack', 70000, 1, 270),
    ],
    season: ['Quanh năm', 'Year-round'], shelfDays: 14,
    certs: ['vietgap'], gi: ['Cầu Đúc'], provinces: ['92', '91', '96'],
  },
  { key: 'gao_st25', group: 'thuc_pham', sector: 'trong_trot', process: 'annual', stem: 'Lúa gạo',
    descVi: 'Gạo ST25 canh tác theo mô hình lúa – tôm tại {p}: hạt dài, dẻo, thơm lá dứa, cơm để nguội vẫn mềm.',
    descEn: 'ST25 rice from rice–shrimp fields in {p}: long grains, soft and pandan-scented, staying tender when cool.',
    variants: [
      v('Gạo ST25 {p}', '{p} ST25 rice', 'túi 5 kg', '5 kg bag', 175000, 2),
      v('Gạo ST25 {p} túi 2 kg', '{p} ST25 rice, 2 kg', 'túi 2 kg', '2 kg bag', 75000, 5),
      v('Gạo ST25 hữu cơ {p}', 'Organic {p} ST25 rice', 'túi 5 kg', '5 kg bag', 250000, 2),
    ],
    season: ['Thu hoạch tháng 11 – tháng 1', 'Harvest November – January'], shelfDays: 365,
    certs: ['vietgap', 'organic', 'globalgap'], trademark: ['Sóc Trăng', 'Mỹ Xuyên'], provinces: ['92', '96', '86', '91', '82'],
  },
  { key: 'gao_nam', group: 'thuc_pham', sector: 'trong_trot', process: 'annual', stem: 'Nông nghiệp',
    descVi: 'Gạo {p} từ cánh đồng lớn liên kết tiêu thụ, xay xát trong ngày, hạt trong và thơm tự nhiên.',
    descEn: 'Rice from a contract-farmed large field in {p}, milled the same day: clear grains with a natural fragrance.',
    variants: [
      v('Gạo nàng thơm {p}', '{p} Nang Thom rice', 'túi 5 kg', '5 kg bag', 120000, 2),
      v('Gạo thơm lài {p}', '{p} jasmine rice', 'túi 5 kg', '5 kg bag', 105000, 2),
      v('Gạo lứt {p}', '{p} brown rice', 'túi 2 kg', '2 kg bag', 60000, 2),
    ],
    shelfDays: 365, certs: ['vietgap', 'organic'], gi: ['Chợ Đào'],
    provinces: ['80', '82', '86', '91', '92', '96', '75', '79'],
  },
  { key: 'gao_bac', group: 'thuc_pham', sector: 'trong_trot', process: 'annual', stem: 'Nông nghiệp',
    descVi: 'Gạo {p} trồng trên ruộng bậc thang và cánh đồng phù sa, một vụ mỗi năm, hạt dẻo và thơm.',
    descEn: '{p} rice from terraced and alluvial fields, one crop a year: soft, fragrant grains.',
    variants: [
      v('Gạo tám thơm {p}', '{p} Tam Thom rice', 'túi 5 kg', '5 kg bag', 115000, 2),
      v('Gạo nếp cái hoa vàng {p}', '{p} yellow-flower glutinous rice', 'túi 2 kg', '2 kg bag', 70000, 2),
      v('Gạo Bắc hương {p}', '{p} Bac Huong rice', 'túi 5 kg', '5 kg bag', 125000, 2),
    ],
    season: ['Vụ mùa tháng 9 – tháng 10', 'Main crop September – October'], shelfDays: 365,
    certs: ['vietgap', 'organic'], trademark: ['Điện Biên', 'Đông Hưng'],
    provinces: ['11', '12', '14', '33', '37', '38', '01', '31', '24', '22', '19', '25', '40', '42', '04', '20'],
  },
  { key: 'mien_dong', group: 'thuc_pham', sector: 'che_bien', process: 'annual', stem: 'Miến dong',
    descVi: 'Miến dong {p} làm từ 100% tinh bột củ dong riềng trồng tại địa phương, không chất tẩy trắng, sợi dai và trong.',
    descEn: '{p} glass noodles of pure local arrowroot starch, no bleach: chewy, translucent strands.',
    variants: [
      v('Miến dong {p}', '{p} arrowroot noodles', 'gói 500 g', '500 g pack', 55000, 2),
      v('Miến dong {p} túi 1 kg', '{p} arrowroot noodles, 1 kg', 'túi 1 kg', '1 kg bag', 100000, 1),
      v('Miến dong {p} hộp quà', '{p} arrowroot noodle gift box', 'hộp 3 gói', 'box of 3 packs', 170000),
    ],
    shelfDays: 365, certs: ['haccp', 'vietgap'], trademark: ['Bình Liêu', 'Na Rì'],
    provinces: ['22', '19', '04', '01', '08', '20'],
  },
  { key: 'mi_gao', group: 'thuc_pham', sector: 'che_bien', process: 'food', stem: 'Chế biến nông sản',
    descVi: 'Mỳ gạo {p} tráng, phơi theo cách truyền thống từ gạo Bao thai, sợi mảnh, dai, không hóa chất.',
    descEn: '{p} rice noodles made the traditional way from Bao Thai rice, sun-dried: thin, springy, chemical-free.',
    variants: [
      v('Mỳ gạo {p}', '{p} rice noodles', 'gói 500 g', '500 g pack', 35000, 5),
      v('Mỳ gạo lứt {p}', '{p} brown rice noodles', 'gói 500 g', '500 g pack', 45000, 5),
    ],
    shelfDays: 270, certs: ['haccp'], trademark: ['Chũ'], provinces: ['24', '31', '33'],
  },
  { key: 'nuoc_mam', group: 'thuc_pham', sector: 'che_bien', process: 'aquatic', stem: 'Nước mắm',
    descVi: 'Nước mắm {p} ủ chượp từ cá cơm tươi và muối hạt trong thùng gỗ 12 tháng, không chất bảo quản, màu cánh gián, hậu vị ngọt.',
    descEn: '{p} fish sauce: fresh anchovies and sea salt fermented twelve months in wooden vats, no preservatives, amber with a sweet finish.',
    variants: [
      v('Nước mắm {p} 40 độ đạm', '{p} fish sauce, 40°N', 'chai 500 ml', '500 ml bottle', 95000, 2),
      v('Nước mắm {p} 30 độ đạm', '{p} fish sauce, 30°N', 'chai 750 ml', '750 ml bottle', 75000, 2),
      v('Nước mắm cốt {p} hộp quà', '{p} first-press fish sauce gift box', 'hộp 2 chai 500 ml', 'box of two 500 ml bottles', 250000),
    ],
    shelfDays: 730, processDays: [300, 420], certs: ['haccp', 'iso22000'], gi: ['Phú Quốc', 'Phan Thiết'],
    provinces: ['91', '68', '31', '48', '44', '38', '22', '56', '96', '52'],
  },
  { key: 'kho_ca', group: 'thuc_pham', sector: 'thuy_san', process: 'aquatic', stem: 'Thủy sản',
    descVi: 'Khô cá {p} làm từ cá đồng, cá biển đánh bắt trong ngày, ướp muối vừa, phơi nắng tự nhiên, không phẩm màu.',
    descEn: 'Dried fish from {p}, caught the same day, lightly salted and sun-dried, with no colouring.',
    variants: [
      v('Khô cá lóc {p}', '{p} dried snakehead fish', 'gói 500 g', '500 g pack', 220000),
      v('Khô cá sặc rằn {p}', '{p} dried snakeskin gourami', 'gói 500 g', '500 g pack', 160000),
      v('Khô cá dứa một nắng {p}', '{p} one-sun dried catfish', 'kg', 'kg', 380000),
    ],
    shelfDays: 180, certs: ['haccp', 'vietgap'], provinces: ['91', '96', '82', '92', '86', '79'],
  },
  { key: 'tom_kho', group: 'thuc_pham', sector: 'thuy_san', process: 'aquatic', stem: 'Thủy sản',
    descVi: 'Tôm khô {p} từ tôm đất nuôi quảng canh dưới tán rừng ngập mặn, luộc, phơi và bóc vỏ thủ công.',
    descEn: 'Dried shrimp from {p}: extensively farmed under mangroves, boiled, sun-dried and shelled by hand.',
    variants: [
      v('Tôm khô {p}', '{p} dried shrimp', 'hộp 500 g', '500 g box', 650000),
      v('Tôm khô {p} loại đặc biệt', '{p} dried shrimp, premium', 'hộp 250 g', '250 g box', 420000),
    ],
    shelfDays: 270, certs: ['haccp', 'organic'], trademark: ['Rạch Gốc'], provinces: ['96', '92', '86', '31', '22'],
  },
  { key: 'cha_muc', group: 'thuc_pham', sector: 'thuy_san', process: 'aquatic', stem: 'Chế biến hải sản',
    descVi: 'Chả mực {p} giã tay từ mực tươi đánh bắt ven bờ, giòn dai, ngọt tự nhiên; cấp đông ngay sau khi đóng gói.',
    descEn: '{p} squid cakes pounded by hand from fresh inshore squid: springy and naturally sweet, frozen right after packing.',
    variants: [
      v('Chả mực {p}', '{p} squid cakes', 'kg', 'kg', 380000),
      v('Chả mực {p} hộp 500 g', '{p} squid cakes, 500 g', 'hộp 500 g', '500 g box', 200000),
    ],
    shelfDays: 90, certs: ['haccp', 'iso22000'], trademark: ['Hạ Long'], provinces: ['22', '38', '31', '40'],
  },
  { key: 'yen_sao', group: 'thuc_pham', sector: 'chan_nuoi', process: 'livestock', stem: 'Yến sào',
    descVi: 'Tổ yến {p} khai thác từ nhà yến của thành viên, làm sạch lông thủ công, sấy lạnh để giữ dưỡng chất.',
    descEn: 'Swiftlet nests from members’ bird houses in {p}, cleaned by hand and cold-dried to keep their nutrients.',
    variants: [
      v('Yến sào tinh chế {p}', '{p} cleaned bird’s nest', 'hộp 50 g', '50 g box', 2200000),
      v('Nước yến sào {p}', '{p} bird’s nest drink', 'hộp 6 lọ 70 ml', '6 × 70 ml jars', 190000, 2, 365),
      v('Yến chưng đường phèn {p}', '{p} bird’s nest with rock sugar', 'hộp 6 lọ', '6-jar box', 240000, 2, 180),
    ],
    shelfDays: 730, certs: ['haccp', 'iso22000'], trademark: ['Khánh Hòa'], provinces: ['56', '52', '79', '91', '48'],
  },
  { key: 'mat_ong', group: 'thuc_pham', sector: 'chan_nuoi', process: 'livestock', stem: 'Nuôi ong',
    descVi: 'Mật ong {p} từ đàn ong nội nuôi dưới tán rừng, quay mật khi mật đã già, độ ẩm dưới 20%.',
    descEn: '{p} honey from native bees kept under the forest canopy, extracted only when mature, below 20% moisture.',
    variants: [
      v('Mật ong rừng {p}', '{p} wild-flower honey', 'chai 500 ml', '500 ml bottle', 280000),
      v('Mật ong hoa nhãn {p}', '{p} longan-flower honey', 'chai 500 ml', '500 ml bottle', 180000, 2),
      v('Mật ong {p} nguyên sáp', '{p} honeycomb', 'hộp 400 g', '400 g box', 250000),
    ],
    shelfDays: 730, certs: ['vietgap', 'organic'], trademark: ['U Minh'],
    provinces: ['24', '33', '66', '96', '15', '11', '12', '14', '20', '04', '25', '52', '68', '75', '22', '42'],
  },
  { key: 'mat_ong_bac_ha', group: 'thuc_pham', sector: 'chan_nuoi', process: 'livestock', stem: 'Mật ong bạc hà',
    descVi: 'Mật ong bạc hà {p} lấy từ hoa bạc hà dại nở trên cao nguyên đá vào mùa thu đông, vị ngọt dịu, hậu mát.',
    descEn: '{p} mint-flower honey from wild mint that blooms on the karst plateau in autumn and winter: mild, with a cool finish.',
    variants: [
      v('Mật ong bạc hà {p}', '{p} mint-flower honey', 'chai 500 ml', '500 ml bottle', 450000),
      v('Mật ong bạc hà {p} hũ nhỏ', '{p} mint-flower honey, small jar', 'hũ 250 g', '250 g jar', 250000),
    ],
    season: ['Tháng 10 – tháng 12', 'October – December'], shelfDays: 730,
    certs: ['organic'], gi: ['Mèo Vạc'], provinces: ['08'],
  },
  { key: 'hat_dieu', group: 'thuc_pham', sector: 'che_bien', process: 'orchard', stem: 'Điều',
    descVi: 'Hạt điều {p} chọn hạt to, rang củi hoặc rang muối, giòn bùi, không chất bảo quản.',
    descEn: '{p} cashews, large nuts roasted over wood or with salt: crunchy and rich, no preservatives.',
    variants: [
      v('Hạt điều rang muối {p}', '{p} salt-roasted cashews', 'hũ 500 g', '500 g jar', 190000, 1, 270),
      v('Hạt điều {p} còn vỏ lụa', '{p} cashews with skin', 'túi 1 kg', '1 kg bag', 320000, 1, 270),
      v('Nhân điều {p} loại W320', '{p} cashew kernels, W320', 'thùng 22,68 kg', '22.68 kg carton', null, 10, 365),
    ],
    season: ['Tháng 2 – tháng 5', 'February – May'], certs: ['haccp', 'organic'],
    provinces: ['75', '80', '68', '52', '79'],
  },
  { key: 'tieu', group: 'thuc_pham', sector: 'trong_trot', process: 'orchard', stem: 'Hồ tiêu',
    descVi: 'Hồ tiêu {p} hái chín chùm, phơi nắng, hạt chắc, cay nồng và thơm.',
    descEn: '{p} pepper picked in ripe clusters and sun-dried: dense corns, pungent and aromatic.',
    variants: [
      v('Hồ tiêu đen {p}', '{p} black pepper', 'túi 250 g', '250 g pack', 65000, 2, 730),
      v('Tiêu sọ {p}', '{p} white pepper', 'hũ 200 g', '200 g jar', 90000, 2, 730),
      v('Hồ tiêu đen {p} xuất khẩu', '{p} black pepper, export grade', 'kg', 'kg', 140000, 50, 730),
    ],
    season: ['Tháng 1 – tháng 4', 'January – April'], certs: ['vietgap', 'globalgap', 'organic'],
    gi: ['Chư Sê', 'Phú Quốc', 'Vĩnh Linh'], provinces: ['52', '66', '68', '91', '44', '75'],
  },
  { key: 'banh_trang', group: 'thuc_pham', sector: 'che_bien', process: 'food', stem: 'Bánh tráng',
    descVi: 'Bánh tráng {p} tráng tay, nướng trên lửa than rồi phơi sương đêm, mềm dẻo, không cần nhúng nước.',
    descEn: '{p} rice paper, hand-made, grilled over charcoal and softened in the night dew: supple, no soaking needed.',
    variants: [
      v('Bánh tráng phơi sương {p}', '{p} dew-softened rice paper', 'gói 500 g', '500 g pack', 45000, 5),
      v('Bánh tráng {p} túi 1 kg', '{p} rice paper, 1 kg', 'túi 1 kg', '1 kg bag', 85000, 2),
    ],
    shelfDays: 60, certs: ['haccp'], trademark: ['Trảng Bàng'], provinces: ['80', '86', '52', '51'],
  },
  { key: 'banh_dau_xanh', group: 'thuc_pham', sector: 'che_bien', process: 'food', stem: 'Chế biến thực phẩm',
    descVi: 'Bánh đậu xanh {p} từ đậu xanh lòng vàng, đường kính và mỡ lợn theo công thức gia truyền, mịn và tan trong miệng.',
    descEn: '{p} mung-bean cakes to a family recipe of golden mung beans, sugar and lard: fine and melting.',
    variants: [
      v('Bánh đậu xanh {p}', '{p} mung-bean cakes', 'hộp 240 g', '240 g box', 45000, 5),
      v('Bánh đậu xanh {p} hộp quà', '{p} mung-bean cake gift box', 'hộp 500 g', '500 g gift box', 95000, 2),
    ],
    shelfDays: 180, certs: ['haccp'], trademark: ['Hải Dương'], provinces: ['31', '33'],
  },
  { key: 'com', group: 'thuc_pham', sector: 'che_bien', process: 'food', stem: 'Cốm',
    descVi: 'Cốm {p} làm từ lúa nếp non, rang và giã tay theo nghề truyền thống, gói trong lá sen.',
    descEn: 'Green rice flakes from {p}, young glutinous rice roasted and pounded by hand, wrapped in lotus leaves.',
    variants: [
      v('Cốm {p}', '{p} green rice flakes', 'gói 500 g', '500 g pack', 160000),
      v('Bánh cốm {p}', '{p} green rice cakes', 'hộp 10 chiếc', 'box of 10', 90000, 2),
    ],
    season: ['Tháng 8 – tháng 10', 'August – October'], shelfDays: 5,
    certs: ['haccp'], trademark: ['làng Vòng'], provinces: ['01'],
  },
  { key: 'keo_dua', group: 'thuc_pham', sector: 'che_bien', process: 'food', stem: 'Kẹo dừa',
    descVi: 'Kẹo dừa {p} nấu từ nước cốt dừa tươi và mạch nha, dẻo thơm, không phẩm màu.',
    descEn: '{p} coconut candy cooked from fresh coconut cream and malt: chewy and fragrant, no colouring.',
    variants: [
      v('Kẹo dừa {p}', '{p} coconut candy', 'gói 400 g', '400 g pack', 50000, 5),
      v('Kẹo dừa sầu riêng {p}', '{p} durian coconut candy', 'hộp 500 g', '500 g box', 65000, 5),
    ],
    shelfDays: 270, certs: ['haccp', 'iso22000'], trademark: ['Bến Tre'], provinces: ['86'],
  },
  { key: 'thot_not', group: 'thuc_pham', sector: 'che_bien', process: 'food', stem: 'Thốt nốt',
    descVi: 'Đường thốt nốt {p} nấu từ nước hoa thốt nốt của đồng bào Khmer, vị ngọt thanh, thơm mùi khói.',
    descEn: 'Palm sugar from {p}, cooked by Khmer families from sugar-palm sap: a mellow sweetness with a smoky note.',
    variants: [
      v('Đường thốt nốt {p}', '{p} palm sugar', 'hũ 500 g', '500 g jar', 70000, 2),
      v('Đường thốt nốt {p} dạng bột', '{p} powdered palm sugar', 'túi 500 g', '500 g bag', 80000, 2),
    ],
    shelfDays: 365, certs: ['haccp'], trademark: ['Tri Tôn'], provinces: ['91', '80'],
  },
  { key: 'toi', group: 'thuc_pham', sector: 'trong_trot', process: 'annual', stem: 'Tỏi',
    descVi: 'Tỏi {p} trồng trên cát và đất đỏ núi lửa, tép nhỏ, vị cay nồng, thơm lâu.',
    descEn: '{p} garlic grown in sand over volcanic soil: small cloves, pungent, with a lasting aroma.',
    variants: [
      v('Tỏi cô đơn {p}', '{p} single-clove garlic', 'hũ 500 g', '500 g jar', 250000),
      v('Tỏi {p}', '{p} garlic', 'kg', 'kg', 90000, 2),
      v('Tỏi đen {p}', '{p} black garlic', 'hộp 250 g', '250 g box', 220000),
    ],
    season: ['Tháng 2 – tháng 4', 'February – April'], shelfDays: 180,
    certs: ['vietgap'], trademark: ['Lý Sơn'], provinces: ['51', '56', '37'],
  },
  { key: 'hat_de', group: 'thuc_pham', sector: 'lam_nghiep', process: 'orchard', stem: 'Nông lâm nghiệp',
    descVi: 'Hạt dẻ {p} từ cây dẻ trồng trên đất đá vôi, hạt nhỏ, bùi và thơm khi rang.',
    descEn: '{p} chestnuts from trees on limestone soil: small nuts, rich and fragrant when roasted.',
    variants: [
      v('Hạt dẻ {p}', '{p} chestnuts', 'kg', 'kg', 120000, 2),
      v('Hạt dẻ {p} rang sẵn', 'Roasted {p} chestnuts', 'túi 500 g', '500 g pack', 80000, 1, 60),
    ],
    season: ['Tháng 8 – tháng 10', 'August – October'], shelfDays: 90,
    certs: ['vietgap'], gi: ['Trùng Khánh'], provinces: ['04', '20'],
  },
  { key: 'hoi', group: 'thuc_pham', sector: 'lam_nghiep', process: 'forest', stem: 'Nông lâm sản',
    descVi: 'Hoa hồi {p} thu hái từ rừng hồi của đồng bào Tày, Nùng, phơi khô tự nhiên, tinh dầu cao.',
    descEn: '{p} star anise gathered in the Tay and Nung people’s anise forests, naturally dried, rich in oil.',
    variants: [
      v('Hoa hồi khô {p}', '{p} dried star anise', 'túi 500 g', '500 g bag', 150000, 2, 730),
      v('Tinh dầu hồi {p}', '{p} star anise oil', 'chai 50 ml', '50 ml bottle', 180000, 1, 1095),
    ],
    season: ['Tháng 8 – tháng 10', 'August – October'], certs: ['organic'], gi: ['Văn Quan'],
    provinces: ['20', '04', '15'],
  },
  // ── Đồ uống ──────────────────────────────────────────────────────────────
  { key: 'che', group: 'do_uong', sector: 'trong_trot', process: 'orchard', stem: 'Chè',
    descVi: 'Chè {p} hái một tôm hai lá, sao trên chảo gang, cánh nhỏ xoăn, nước xanh trong, vị chát dịu, hậu ngọt.',
    descEn: '{p} tea of one bud and two leaves, pan-fired in cast iron: small curled leaves, a clear green liquor, gentle astringency and a sweet finish.',
    variants: [
      v('Chè {p} đặc biệt', '{p} special green tea', 'hộp 200 g', '200 g box', 180000, 1, 540),
      v('Chè búp {p}', '{p} bud tea', 'túi 500 g', '500 g bag', 250000, 1, 540),
      v('Chè móc câu {p}', '{p} hook-leaf tea', 'hộp 100 g', '100 g box', 120000, 2, 540),
    ],
    season: ['Tháng 3 – tháng 10', 'March – October'], certs: ['vietgap', 'organic'],
    gi: ['Tân Cương', 'La Bằng'], provinces: ['19', '25', '12', '15', '42', '40'],
  },
  { key: 'che_shan', group: 'do_uong', sector: 'trong_trot', process: 'orchard', stem: 'Chè shan tuyết',
    descVi: 'Chè shan tuyết {p} hái từ những cây chè cổ thụ trên núi cao quanh năm mây phủ, búp phủ lông trắng như tuyết.',
    descEn: '{p} Shan Tuyet tea from ancient trees on cloud-covered mountains, the buds covered in snow-white down.',
    variants: [
      v('Chè shan tuyết {p}', '{p} Shan Tuyet green tea', 'hộp 100 g', '100 g box', 250000, 1, 540),
      v('Hồng trà shan tuyết {p}', '{p} Shan Tuyet black tea', 'hộp 100 g', '100 g box', 280000, 1, 720),
      v('Bạch trà shan tuyết {p}', '{p} Shan Tuyet white tea', 'hộp 50 g', '50 g box', 450000, 1, 720),
    ],
    season: ['Tháng 3 – tháng 11', 'March – November'], certs: ['organic', 'vietgap'],
    gi: ['Mộc Châu'], trademark: ['Suối Giàng', 'Hoàng Su Phì'], provinces: ['08', '15', '14', '12', '11'],
  },
  { key: 'ca_phe', group: 'do_uong', sector: 'trong_trot', process: 'orchard', stem: 'Cà phê',
    descVi: 'Cà phê robusta {p} hái chín trên 90%, phơi trên giàn, rang mộc không tẩm hương liệu, đậm và hậu vị sô-cô-la.',
    descEn: '{p} robusta picked over 90% ripe, dried on raised beds and roasted plain with no flavouring: bold, with a chocolate finish.',
    variants: [
      v('Cà phê robusta {p} rang xay', '{p} ground robusta coffee', 'túi 500 g', '500 g bag', 150000, 1, 365),
      v('Cà phê hạt {p} rang mộc', '{p} whole-bean roasted coffee', 'túi 1 kg', '1 kg bag', 260000, 1, 365),
      v('Cà phê nhân xanh robusta {p}', '{p} green robusta beans', 'kg', 'kg', 125000, 100, 720),
    ],
    season: ['Thu hoạch tháng 10 – tháng 12', 'Harvest October – December'],
    certs: ['globalgap', 'vietgap', 'organic'], gi: ['Buôn Ma Thuột'], provinces: ['66', '68', '52', '51'],
  },
  { key: 'ca_phe_arabica', group: 'do_uong', sector: 'trong_trot', process: 'orchard', stem: 'Cà phê',
    descVi: 'Cà phê arabica {p} trồng ở độ cao trên 1.400 m, sơ chế ướt hoặc mật ong, chua thanh, hương hoa quả.',
    descEn: '{p} arabica grown above 1,400 m, washed or honey-processed: bright acidity and fruity aromas.',
    variants: [
      v('Cà phê arabica {p} rang xay', '{p} ground arabica coffee', 'túi 250 g', '250 g bag', 190000, 1, 365),
      v('Cà phê arabica {p} phin giấy', '{p} arabica drip bags', 'hộp 10 gói', 'box of 10 drip bags', 120000, 1, 365),
      v('Cà phê arabica {p} chế biến mật ong', '{p} honey-process arabica', 'túi 500 g', '500 g bag', 320000, 1, 365),
    ],
    season: ['Thu hoạch tháng 10 – tháng 1', 'Harvest October – January'],
    certs: ['organic', 'vietgap'], trademark: ['Cầu Đất', 'Sơn La'], provinces: ['68', '14', '44', '15'],
  },
  { key: 'ruou', group: 'do_uong', sector: 'che_bien', process: 'food', stem: 'Rượu truyền thống',
    descVi: 'Rượu {p} nấu từ gạo, ngô địa phương với men lá gia truyền, chưng cất thủ công và hạ thổ trong chum sành.',
    descEn: '{p} spirit distilled by hand from local rice or maize with a family leaf-yeast, then aged underground in stoneware jars.',
    variants: [
      v('Rượu {p}', '{p} rice spirit', 'chai 500 ml', '500 ml bottle', 150000, 2),
      v('Rượu {p} hũ sành', '{p} rice spirit, stoneware jar', 'hũ 2 lít', '2 litre jar', 550000),
    ],
    certs: ['haccp'], trademark: ['Bàu Đá', 'Làng Vân'], provinces: ['52', '24', '08', '04', '11', '12'],
  },
  { key: 'ca_cao', group: 'do_uong', sector: 'che_bien', process: 'orchard', stem: 'Ca cao',
    descVi: 'Ca cao {p} trồng xen dưới vườn dừa, lên men 6 ngày, phơi nắng, xay mịn, không pha đường.',
    descEn: '{p} cacao intercropped under coconut palms, fermented six days, sun-dried and finely ground, unsweetened.',
    variants: [
      v('Bột ca cao nguyên chất {p}', '{p} pure cocoa powder', 'hộp 250 g', '250 g box', 160000, 1, 540),
      v('Sô-cô-la đen 70% {p}', '{p} 70% dark chocolate', 'thanh 50 g', '50 g bar', 55000, 5, 365),
    ],
    certs: ['organic', 'haccp'], provinces: ['86', '82', '75', '66'],
  },
  // ── Dược liệu ────────────────────────────────────────────────────────────
  { key: 'sam_ngoc_linh', group: 'duoc_lieu', sector: 'trong_trot', process: 'annual', stem: 'Dược liệu',
    descVi: 'Sâm {p} trồng dưới tán rừng nguyên sinh ở độ cao trên 1.800 m, mỗi củ có mã truy xuất và chứng nhận tuổi.',
    descEn: '{p} ginseng grown under primary forest above 1,800 m; every root carries a trace code and an age certificate.',
    variants: [
      v('Sâm {p} tươi', 'Fresh {p} ginseng', 'củ 30–40 g', 'root, 30–40 g', null, 1, 30),
      v('Rượu sâm {p}', '{p} ginseng wine', 'chai 500 ml', '500 ml bottle', 1800000),
      v('Trà túi lọc lá sâm {p}', '{p} ginseng-leaf tea bags', 'hộp 20 gói', 'box of 20 bags', 450000),
      v('Cao sâm {p}', '{p} ginseng extract', 'hộp 100 g', '100 g box', 2500000),
    ],
    shelfDays: 730, certs: ['organic'], gi: ['Ngọc Linh'], provinces: ['51', '48'],
  },
  { key: 'que', group: 'duoc_lieu', sector: 'lam_nghiep', process: 'forest', stem: 'Quế',
    descVi: 'Quế {p} bóc từ cây trên 10 năm tuổi, vỏ dày, hàm lượng tinh dầu cao, chưng cất bằng hơi nước.',
    descEn: '{p} cinnamon peeled from trees over ten years old: thick bark, rich in oil, steam-distilled.',
    variants: [
      v('Tinh dầu quế {p}', '{p} cinnamon oil', 'chai 10 ml', '10 ml bottle', 65000, 5),
      v('Tinh dầu quế {p} chai 50 ml', '{p} cinnamon oil, 50 ml', 'chai 50 ml', '50 ml bottle', 250000),
      v('Quế thanh {p}', '{p} cinnamon sticks', 'túi 500 g', '500 g bag', 90000, 2),
    ],
    shelfDays: 1095, certs: ['organic'], gi: ['Văn Yên', 'Trà Bồng'], provinces: ['15', '51', '38', '40', '08'],
  },
  { key: 'tram', group: 'duoc_lieu', sector: 'lam_nghiep', process: 'forest', stem: 'Tinh dầu',
    descVi: 'Tinh dầu tràm {p} chưng cất từ lá tràm gió mọc tự nhiên, giữ ấm, xua côn trùng, dùng được cho trẻ nhỏ.',
    descEn: '{p} cajeput oil distilled from wild cajeput leaves: warming, keeps insects away, mild enough for children.',
    variants: [
      v('Tinh dầu tràm {p}', '{p} cajeput oil', 'chai 50 ml', '50 ml bottle', 60000, 5),
      v('Tinh dầu tràm {p} chai 100 ml', '{p} cajeput oil, 100 ml', 'chai 100 ml', '100 ml bottle', 110000, 2),
      v('Dầu tràm {p} cho bé', '{p} cajeput oil for babies', 'chai 30 ml', '30 ml bottle', 45000, 5),
    ],
    shelfDays: 1095, certs: ['organic'], trademark: ['Huế'], provinces: ['46', '44', '40', '96'],
  },
  { key: 'ba_kich', group: 'duoc_lieu', sector: 'lam_nghiep', process: 'annual', stem: 'Dược liệu',
    descVi: 'Ba kích tím {p} trồng trên đất đồi từ 3 năm trở lên, củ to, lõi tím, rút lõi và sấy khô.',
    descEn: '{p} purple morinda roots grown three years or more on hill land: large roots, cored and dried.',
    variants: [
      v('Ba kích tím {p} sấy khô', 'Dried {p} purple morinda', 'túi 500 g', '500 g bag', 350000, 1, 730),
      v('Rượu ba kích {p}', '{p} morinda wine', 'chai 500 ml', '500 ml bottle', 280000, 1, 1095),
    ],
    certs: ['organic'], trademark: ['Ba Chẽ'], provinces: ['22', '25', '15'],
  },
  { key: 'nghe', group: 'duoc_lieu', sector: 'che_bien', process: 'annual', stem: 'Dược liệu',
    descVi: 'Tinh bột nghệ {p} từ nghệ vàng trồng trên đất đồi, tách dầu, sấy lạnh, mịn và thơm.',
    descEn: '{p} turmeric starch from hill-grown yellow turmeric, de-oiled and cold-dried: fine and fragrant.',
    variants: [
      v('Tinh bột nghệ {p}', '{p} turmeric starch', 'hũ 500 g', '500 g jar', 280000, 1, 730),
      v('Viên nghệ mật ong {p}', '{p} turmeric-honey pills', 'hũ 300 g', '300 g jar', 150000, 1, 365),
    ],
    season: ['Thu hoạch tháng 12 – tháng 2', 'Harvest December – February'], certs: ['haccp', 'organic'],
    provinces: ['40', '42', '38', '33', '24'],
  },
  { key: 'tra_thao_duoc', group: 'duoc_lieu', sector: 'trong_trot', process: 'annual', stem: 'Dược liệu',
    descVi: 'Trà thảo dược {p} từ cây thuốc trồng và thu hái theo GACP-WHO, sấy lạnh, đóng túi lọc.',
    descEn: '{p} herbal tea from medicinal plants grown and gathered to WHO GACP, cold-dried and bagged.',
    variants: [
      v('Trà đinh lăng {p}', '{p} polyscias tea', 'hộp 150 g', '150 g box', 90000, 2, 540),
      v('Trà giảo cổ lam {p}', '{p} jiaogulan tea', 'hộp 200 g', '200 g box', 120000, 2, 540),
      v('Trà atiso {p} túi lọc', '{p} artichoke tea bags', 'hộp 100 gói', 'box of 100 bags', 120000, 1, 540),
    ],
    certs: ['organic', 'haccp'], provinces: ['37', '01', '25', '20', '04', '11', '68', '14'],
  },
  // ── Thủ công mỹ nghệ ─────────────────────────────────────────────────────
  { key: 'may_tre_dan', group: 'thu_cong_my_nghe', sector: 'thu_cong', process: 'craft', stem: 'Mây tre đan',
    descVi: 'Mây tre đan {p} do nghệ nhân làng nghề đan hoàn toàn bằng tay, nguyên liệu xử lý chống mốc tự nhiên.',
    descEn: 'Rattan and bamboo ware from {p}, woven entirely by craft-village artisans from naturally mould-proofed cane.',
    variants: [
      v('Giỏ mây đan {p}', '{p} woven rattan basket', 'chiếc', 'piece', 250000, 2),
      v('Bộ khay tre đan {p}', '{p} bamboo tray set', 'bộ 3 chiếc', 'set of 3', 320000),
      v('Đèn tre đan thủ công {p}', '{p} hand-woven bamboo lamp', 'chiếc', 'piece', 450000),
      v('Hộp tre đan {p} hàng xuất khẩu', '{p} woven bamboo boxes, export', 'chiếc', 'piece', null, 200),
    ],
    certs: [], provinces: ['01', '37', '33', '40', '38', '46', '86', '91', '75', '24'],
  },
  { key: 'gom', group: 'thu_cong_my_nghe', sector: 'thu_cong', process: 'craft', stem: 'Gốm',
    descVi: 'Gốm {p} tạo hình trên bàn xoay, vẽ tay, nung ở nhiệt độ cao; mỗi sản phẩm mang dấu ấn riêng của nghệ nhân.',
    descEn: '{p} ceramics thrown on the wheel, hand-painted and high-fired; each piece bears its maker’s hand.',
    variants: [
      v('Bình gốm {p} men lam', '{p} blue-glaze vase', 'chiếc', 'piece', 450000),
      v('Bộ ấm chén gốm {p}', '{p} ceramic tea set', 'bộ', 'set', 650000),
      v('Lọ hoa gốm {p} men rạn', '{p} crackle-glaze flower pot', 'chiếc', 'piece', 380000),
    ],
    certs: [], trademark: ['Bát Tràng', 'Bàu Trúc', 'Phù Lãng'], provinces: ['01', '56', '24', '48', '79', '75', '66'],
  },
  { key: 'tho_cam', group: 'thu_cong_my_nghe', sector: 'thu_cong', process: 'craft', stem: 'Dệt thổ cẩm',
    descVi: 'Thổ cẩm {p} dệt trên khung cửi truyền thống, nhuộm chàm và màu từ cây rừng, hoa văn riêng của từng bản.',
    descEn: '{p} brocade woven on traditional looms and dyed with indigo and forest plants, in each village’s own patterns.',
    variants: [
      v('Khăn thổ cẩm {p}', '{p} brocade scarf', 'chiếc', 'piece', 180000),
      v('Túi thổ cẩm {p}', '{p} brocade bag', 'chiếc', 'piece', 320000),
      v('Vải thổ cẩm {p} dệt tay', '{p} hand-woven brocade cloth', 'mét', 'metre', 280000, 2),
    ],
    certs: [], provinces: ['15', '25', '56', '40', '08', '14', '11', '12', '04', '66', '52', '20'],
  },
  { key: 'lua', group: 'thu_cong_my_nghe', sector: 'thu_cong', process: 'craft', stem: 'Dệt lụa',
    descVi: 'Lụa tơ tằm {p} dệt từ tơ tằm nuôi tại địa phương, mặt lụa mềm, bóng nhẹ, thoáng mát.',
    descEn: '{p} silk woven from locally raised silkworms: soft, softly lustrous and breathable.',
    variants: [
      v('Khăn lụa tơ tằm {p}', '{p} silk scarf', 'chiếc', 'piece', 450000),
      v('Lụa tơ tằm {p}', '{p} silk cloth', 'mét', 'metre', 320000, 2),
      v('Áo dài lụa {p} may đo', '{p} silk ao dai, made to measure', 'bộ', 'set', 2200000),
    ],
    certs: [], trademark: ['Vạn Phúc', 'Nha Xá'], provinces: ['01', '37', '48', '68'],
  },
  { key: 'chieu_coi', group: 'thu_cong_my_nghe', sector: 'thu_cong', process: 'craft', stem: 'Cói',
    descVi: 'Sản phẩm cói {p} từ cây cói trồng ven biển, phơi khô, nhuộm màu tự nhiên và dệt, đan thủ công.',
    descEn: 'Sedge goods from {p}: coastal sedge dried, naturally dyed and woven by hand.',
    variants: [
      v('Chiếu cói {p}', '{p} sedge mat', 'chiếc', 'piece', 300000),
      v('Túi cói {p}', '{p} sedge bag', 'chiếc', 'piece', 150000, 2),
      v('Thảm cói {p}', '{p} sedge rug', 'chiếc', 'piece', 420000),
    ],
    certs: [], trademark: ['Kim Sơn', 'Nga Sơn'], provinces: ['37', '38', '33', '31'],
  },
  { key: 'son_mai', group: 'thu_cong_my_nghe', sector: 'thu_cong', process: 'craft', stem: 'Sơn mài',
    descVi: 'Sơn mài {p} làm theo kỹ thuật truyền thống với sơn ta, vỏ trứng, vàng bạc quỳ, qua hàng chục lớp mài.',
    descEn: '{p} lacquerware in the traditional technique with natural lacquer, eggshell and gold and silver leaf, polished through dozens of coats.',
    variants: [
      v('Tranh sơn mài {p}', '{p} lacquer painting', 'bức 40 × 60 cm', '40 × 60 cm panel', 2500000),
      v('Khay sơn mài {p}', '{p} lacquer tray', 'chiếc', 'piece', 450000),
      v('Bình sơn mài {p}', '{p} lacquer vase', 'chiếc', 'piece', 950000),
    ],
    certs: [], provinces: ['79', '01'],
  },
  { key: 'non_la', group: 'thu_cong_my_nghe', sector: 'thu_cong', process: 'craft', stem: 'Nón lá',
    descVi: 'Nón lá {p} chằm tay từ lá nón non phơi sương, vành tre chuốt mảnh, khâu chỉ cước đều mũi.',
    descEn: '{p} conical hats stitched by hand from dew-bleached young palm leaves over fine bamboo rims.',
    variants: [
      v('Nón lá {p}', '{p} conical hat', 'chiếc', 'piece', 120000, 2),
      v('Nón bài thơ {p}', '{p} poem conical hat', 'chiếc', 'piece', 180000),
    ],
    certs: [], trademark: ['Huế'], provinces: ['46', '44', '42', '38', '40'],
  },
  // ── Sinh vật cảnh ────────────────────────────────────────────────────────
  { key: 'hoa_lan', group: 'sinh_vat_canh', sector: 'trong_trot', process: 'plant', stem: 'Hoa lan',
    descVi: 'Lan {p} nhân giống cấy mô, chăm sóc trong nhà lưới, cành to, hoa bền từ 2 đến 3 tháng.',
    descEn: '{p} orchids propagated by tissue culture and raised under net houses: strong spikes, blooms lasting two to three months.',
    variants: [
      v('Lan hồ điệp {p} chậu 3 cành', '{p} moth orchid, 3 spikes', 'chậu', 'pot', 650000),
      v('Lan hồ điệp {p} chậu 5 cành', '{p} moth orchid, 5 spikes', 'chậu', 'pot', 1100000),
      v('Lan đai châu {p}', '{p} foxtail orchid', 'chậu', 'pot', 350000),
    ],
    season: ['Tết Nguyên đán (tháng 12 – tháng 2)', 'Lunar New Year (December – February)'],
    certs: ['vietgap'], provinces: ['68', '01', '79', '31', '75'],
  },
  { key: 'cay_canh', group: 'sinh_vat_canh', sector: 'trong_trot', process: 'plant', stem: 'Sinh vật cảnh',
    descVi: 'Cây cảnh {p} được nghệ nhân tạo dáng nhiều năm, chăm sóc theo kỹ thuật làng nghề, giao kèm hướng dẫn chăm sóc.',
    descEn: 'Ornamental trees from {p}, shaped by artisans over years in the craft village’s way, delivered with care instructions.',
    variants: [
      v('Bonsai mai vàng {p}', '{p} yellow apricot bonsai', 'chậu', 'pot', 1500000),
      v('Cây cảnh bonsai {p} dáng trực', '{p} formal-upright bonsai', 'chậu', 'pot', 2500000),
      v('Cây cảnh mini {p}', '{p} mini bonsai', 'chậu', 'pot', 250000, 2),
    ],
    certs: [], provinces: ['82', '37', '80', '79', '86'],
  },
  { key: 'hoa_tet', group: 'sinh_vat_canh', sector: 'trong_trot', process: 'plant', stem: 'Hoa cây cảnh',
    descVi: 'Hoa, cây cảnh Tết {p} được chăm sóc để nở đúng dịp, giao tận nơi kèm chậu và hướng dẫn.',
    descEn: 'Tet flowers and ornamental trees from {p}, timed to bloom for the holiday, delivered potted with instructions.',
    variants: [
      v('Đào cảnh {p}', '{p} peach blossom tree', 'cây', 'tree', 1200000),
      v('Quất cảnh {p}', '{p} kumquat tree', 'chậu', 'pot', 800000),
      v('Hoa cúc mâm xôi {p}', '{p} button chrysanthemum', 'chậu', 'pot', 180000, 2),
    ],
    season: ['Tết Nguyên đán (tháng 12 – tháng 2)', 'Lunar New Year (December – February)'],
    certs: [], provinces: ['01', '82', '33', '31', '68'],
  },
  // ── Dịch vụ du lịch cộng đồng ────────────────────────────────────────────
  { key: 'du_lich', group: 'du_lich_cong_dong', sector: 'du_lich', process: 'service', stem: 'Du lịch cộng đồng',
    descVi: 'Du lịch cộng đồng tại {p}: nghỉ tại nhà dân, cùng làm nông, nấu món địa phương và nghe kể chuyện làng; hướng dẫn viên là người bản địa.',
    descEn: 'Community tourism in {p}: stay with local families, work the fields, cook local dishes and hear the village’s stories, with local guides.',
    variants: [
      v('Tour trải nghiệm một ngày tại {p}', 'One-day experience tour in {p}', 'khách', 'guest', 450000, 2),
      v('Homestay {p} 2 ngày 1 đêm', '{p} homestay, 2 days 1 night', 'khách', 'guest', 1200000, 2),
      v('Tour đoàn {p} theo yêu cầu', 'Tailor-made group tour in {p}', 'đoàn', 'group', null, 1),
    ],
    certs: [], provinces: ALL_PROVINCES,
  },
];

const BY_KEY = new Map(PRODUCT_TYPES.map((t) => [t.key, t]));

export function productType(key: string): ProductType {
  const type = BY_KEY.get(key);
  if (!type) throw new Error(`unknown product type ${key}`);
  return type;
}
