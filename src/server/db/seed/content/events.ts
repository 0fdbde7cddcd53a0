/**
 * Event templates. Placeholders: {pv} province name, {pe} its English name,
 * {pvl} "tỉnh …"/"thành phố …", {rv}/{re} region, {year}, {month}, {monthEn}.
 */
import type { EventKind } from '../../../events/vocabulary';

export interface EventTemplate {
  kind: EventKind;
  titleVi: string;
  titleEn: string;
  descVi: string;
  descEn: string;
  organiser: string;
  /** Whole local days for all-day events; timed events happen on one day. */
  days: readonly [number, number];
  /** Local start and end hour of a timed event; absent for all-day events. */
  hours?: readonly [number, number];
  booths?: readonly [number, number];
  online?: boolean;
}

export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  {
    kind: 'fair',
    days: [4, 6],
    booths: [150, 300],
    organiser: 'Sở Công Thương {pv}',
    titleVi: 'Hội chợ OCOP và Hàng Việt {pv} {year}',
    titleEn: '{pe} OCOP and Vietnamese Goods Fair {year}',
    descVi:
      'Hội chợ quy tụ các hợp tác xã, cơ sở sản xuất sản phẩm OCOP và đặc sản vùng miền từ {pv} và các tỉnh, thành bạn; có khu trưng bày OCOP, khu ẩm thực và chương trình kết nối giao thương.',
    descEn:
      'Cooperatives and OCOP producers from {pe} and other provinces show and sell their products, with an OCOP pavilion, a food court and a trade-matching programme.',
  },
  {
    kind: 'fair',
    days: [3, 5],
    booths: [100, 200],
    organiser: 'Trung tâm Khuyến công và Xúc tiến thương mại {pv}',
    titleVi: 'Hội chợ Nông sản và Đặc sản vùng miền {pv} {year}',
    titleEn: '{pe} Farm Produce and Regional Specialties Fair {year}',
    descVi:
      'Nơi người tiêu dùng mua trực tiếp nông sản an toàn, đặc sản có chỉ dẫn địa lý từ hợp tác xã; doanh nghiệp phân phối gặp gỡ nhà sản xuất.',
    descEn:
      'Shoppers buy safe farm produce and GI specialties straight from cooperatives, and distributors meet producers.',
  },
  {
    kind: 'fair',
    days: [5, 7],
    booths: [120, 250],
    organiser: 'Liên minh HTX {pvl}',
    titleVi: 'Hội chợ Xuân HTX và Sản phẩm OCOP {pv} {year}',
    titleEn: '{pe} Spring Fair of Cooperatives and OCOP Products {year}',
    descVi:
      'Hội chợ mua sắm dịp Tết với gian hàng của các hợp tác xã, tổ hợp tác trong và ngoài {pvl}; ưu đãi giá cho sản phẩm OCOP 4 sao, 5 sao.',
    descEn:
      'A Tet shopping fair with stalls from cooperatives in and beyond {pe}, with offers on four- and five-star OCOP products.',
  },
  {
    kind: 'exhibition',
    days: [3, 5],
    booths: [60, 150],
    organiser: 'Trung tâm Xúc tiến Thương mại {pv}',
    titleVi: 'Triển lãm Làng nghề và Thủ công mỹ nghệ {pv} {year}',
    titleEn: '{pe} Craft Villages and Handicrafts Exhibition {year}',
    descVi:
      'Trưng bày gốm, mây tre đan, thổ cẩm, lụa, sơn mài của các làng nghề; nghệ nhân trình diễn kỹ thuật truyền thống tại chỗ.',
    descEn:
      'Ceramics, rattan and bamboo, brocade, silk and lacquer from craft villages, with artisans demonstrating traditional techniques on site.',
  },
  {
    kind: 'exhibition',
    days: [5, 8],
    booths: [80, 160],
    organiser: 'Hội Sinh vật cảnh {pvl}',
    titleVi: 'Triển lãm Sinh vật cảnh và Hoa Xuân {pv} {year}',
    titleEn: '{pe} Ornamental Plants and Spring Flowers Exhibition {year}',
    descVi:
      'Triển lãm cây cảnh nghệ thuật, bonsai, hoa lan và hoa Tết của các nhà vườn, hợp tác xã; bình chọn tác phẩm đẹp.',
    descEn:
      'Artistic ornamental trees, bonsai, orchids and Tet flowers from growers and cooperatives, with a public vote for the finest pieces.',
  },
  {
    kind: 'trade_conference',
    days: [1, 1],
    hours: [8, 16],
    organiser: 'Sở Công Thương {pv}',
    titleVi: 'Hội nghị kết nối cung cầu nông sản {rv} {year}',
    titleEn: '{re} Farm Produce Supply–Demand Conference {year}',
    descVi:
      'Hội nghị kết nối hợp tác xã vùng {rv} với siêu thị, chuỗi bán lẻ, doanh nghiệp xuất khẩu; ký kết biên bản hợp tác tiêu thụ.',
    descEn:
      'Connects cooperatives of the {re} with supermarkets, retail chains and exporters; memoranda of purchase are signed on the day.',
  },
  {
    kind: 'trade_conference',
    days: [1, 1],
    hours: [8, 11],
    organiser: 'Ủy ban nhân dân {pvl}',
    titleVi: 'Hội nghị Xúc tiến Thương mại sản phẩm OCOP {pv} {year}',
    titleEn: '{pe} OCOP Trade Promotion Conference {year}',
    descVi:
      'Giới thiệu chính sách hỗ trợ xúc tiến thương mại, công bố sản phẩm OCOP mới được công nhận và các kênh phân phối.',
    descEn: 'Presents trade-promotion support, newly recognised OCOP products and distribution channels.',
  },
  {
    kind: 'b2b_matching',
    days: [1, 1],
    hours: [8, 16],
    organiser: 'Liên minh HTX {pvl}',
    titleVi: 'Kết nối giao thương HTX {pv} với doanh nghiệp phân phối {year}',
    titleEn: 'B2B matching: {pe} cooperatives meet distributors {year}',
    descVi:
      'Các buổi gặp song phương đặt lịch trước giữa hợp tác xã và nhà mua hàng; mỗi hợp tác xã mang mẫu sản phẩm và hồ sơ năng lực.',
    descEn:
      'Pre-booked one-to-one meetings between cooperatives and buyers; each cooperative brings samples and a capability profile.',
  },
  {
    kind: 'b2b_matching',
    days: [1, 1],
    hours: [13, 17],
    organiser: 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch {pv}',
    titleVi: 'Phiên giao dịch B2B nông sản xuất khẩu {pv} {year}',
    titleEn: '{pe} Export Farm Produce B2B Session {year}',
    descVi:
      'Nhà nhập khẩu và doanh nghiệp thu mua gặp các hợp tác xã có vùng trồng được cấp mã số, chứng nhận VietGAP, GlobalGAP.',
    descEn:
      'Importers and buyers meet cooperatives whose growing areas hold registered codes and VietGAP or GlobalGAP certificates.',
  },
  {
    kind: 'ocop_market',
    days: [2, 3],
    booths: [40, 80],
    organiser: 'Sở Công Thương {pv}',
    titleVi: 'Phiên chợ OCOP tháng {month}/{year} – {pv}',
    titleEn: 'OCOP Market, {monthEn} {year} – {pe}',
    descVi:
      'Phiên chợ cuối tuần bán sản phẩm OCOP, nông sản an toàn của các hợp tác xã; có gian hàng giới thiệu truy xuất nguồn gốc bằng mã QR.',
    descEn:
      'A weekend market of OCOP products and safe produce from cooperatives, with a stand showing QR-code traceability.',
  },
  {
    kind: 'ecommerce_training',
    days: [1, 1],
    hours: [8, 11],
    online: true,
    organiser: 'Liên minh Hợp tác xã Việt Nam',
    titleVi: 'Tập huấn bán hàng trên sàn thương mại điện tử cho HTX – tháng {month}/{year}',
    titleEn: 'Training: selling on e-commerce marketplaces for cooperatives – {monthEn} {year}',
    descVi:
      'Khóa trực tuyến: mở gian hàng, chụp ảnh sản phẩm, viết mô tả, định giá, đóng gói và giao vận khi bán trên sàn thương mại điện tử.',
    descEn:
      'Online course: opening a shop, product photos, descriptions, pricing, packing and delivery on e-commerce marketplaces.',
  },
  {
    kind: 'ecommerce_training',
    days: [1, 1],
    hours: [14, 17],
    online: true,
    organiser: 'Trung tâm Xúc tiến Thương mại Nông nghiệp',
    titleVi: 'Tập huấn truy xuất nguồn gốc và mã QR cho sản phẩm OCOP – tháng {month}/{year}',
    titleEn: 'Training: traceability and QR codes for OCOP products – {monthEn} {year}',
    descVi:
      'Hướng dẫn ghi nhật ký sản xuất, tạo mã lô, in tem QR theo chuẩn GS1 và cập nhật thông tin truy xuất cho từng lô hàng.',
    descEn:
      'How to keep production logs, assign lot codes, print GS1 QR labels and publish traceability for every batch.',
  },
  {
    kind: 'ecommerce_training',
    days: [1, 1],
    hours: [8, 16],
    organiser: 'Sở Công Thương {pv}',
    titleVi: 'Tập huấn livestream bán nông sản cho HTX {pv} – tháng {month}/{year}',
    titleEn: 'Livestream selling workshop for {pe} cooperatives – {monthEn} {year}',
    descVi:
      'Thực hành bán hàng qua livestream: chuẩn bị kịch bản, ánh sáng, điện thoại, xử lý đơn hàng và chăm sóc khách sau bán.',
    descEn: 'Hands-on livestream selling: scripts, lighting, phones, order handling and after-sales care.',
  },
];

export const REGION_NAMES: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  northern_midlands_mountains: ['Trung du và miền núi phía Bắc', 'Northern Midlands and Mountains'],
  red_river_delta: ['Đồng bằng sông Hồng', 'Red River Delta'],
  north_central_coast: ['Bắc Trung Bộ và Duyên hải miền Trung', 'North Central and Central Coast'],
  central_highlands: ['Tây Nguyên', 'Central Highlands'],
  southeast: ['Đông Nam Bộ', 'Southeast'],
  mekong_delta: ['Đồng bằng sông Cửu Long', 'Mekong Delta'],
};

/** Known venues; other provinces fall back to their provincial conference centre. */
export const VENUES: Readonly<Record<string, readonly (readonly [venue: string, address: string])[]>> = {
  '01': [
    ['Trung tâm Triển lãm Giảng Võ', '148 Giảng Võ, phường Giảng Võ, Hà Nội'],
    ['Cung Văn hóa Hữu nghị Việt Xô', '91 Trần Hưng Đạo, phường Cửa Nam, Hà Nội'],
  ],
  '79': [
    ['Trung tâm Hội chợ và Triển lãm Sài Gòn (SECC)', '799 Nguyễn Văn Linh, phường Tân Mỹ, Thành phố Hồ Chí Minh'],
    ['Nhà Văn hóa Thanh niên', '4 Phạm Ngọc Thạch, phường Sài Gòn, Thành phố Hồ Chí Minh'],
  ],
  '24': [
    ['Quảng trường 3/2', 'phường Bắc Giang, Bắc Ninh'],
    ['Nhà Văn hóa Kinh Bắc', 'phường Kinh Bắc, Bắc Ninh'],
  ],
  '66': [['Quảng trường 10/3', 'phường Buôn Ma Thuột, Đắk Lắk']],
  '48': [['Cung Thể thao Tiên Sơn', 'phường Hòa Cường, Đà Nẵng']],
  '92': [['Công viên Sông Hậu', 'phường Cái Khế, Cần Thơ']],
  '19': [['Quảng trường Võ Nguyên Giáp', 'phường Phan Đình Phùng, Thái Nguyên']],
  '56': [['Quảng trường 2/4', 'phường Nha Trang, Khánh Hòa']],
  '68': [['Quảng trường Lâm Viên', 'phường Xuân Hương – Đà Lạt, Lâm Đồng']],
  '40': [['Quảng trường Hồ Chí Minh', 'phường Thành Vinh, Nghệ An']],
  '46': [['Công viên Thương Bạc', 'phường Phú Xuân, Huế']],
  '31': [['Trung tâm Hội chợ Triển lãm Hải Phòng', 'phường Ngô Quyền, Hải Phòng']],
  '91': [['Quảng trường Trần Quang Khải', 'phường Rạch Giá, An Giang']],
  '15': [['Quảng trường 19/8', 'phường Yên Bái, Lào Cai']],
  '37': [['Trung tâm Văn hóa tỉnh Ninh Bình', 'phường Hoa Lư, Ninh Bình']],
  '82': [['Công viên Tết Mậu Thân', 'phường Mỹ Tho, Đồng Tháp']],
};
