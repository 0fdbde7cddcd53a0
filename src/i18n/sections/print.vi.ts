/** Printing: label sheets (PDF) from the dashboard, and the words printed on the labels. */
export const printVi = {
  labels: {
    title: 'In nhãn: {product}',
    lead: 'Tệp PDF khổ A4 để in lên giấy decal cắt sẵn. Mỗi nhãn có tên sản phẩm, mã lô, hạn sử dụng, mã QR dẫn tới trang truy xuất và mã truy xuất ngắn.',
    link: 'In nhãn',
    linkFor: 'In nhãn lô {lot}',
    label: 'Nhãn của',
    productLabel: 'Sản phẩm (không theo lô)',
    batchLabel: 'Lô {lot}',
    labelHint: 'Nhãn theo lô có mã lô và hạn sử dụng; mã QR dẫn tới hành trình của lô.',
    layout: 'Loại giấy nhãn',
    layoutHint: 'Chọn đúng loại giấy bạn có: kích thước in theo milimét của từng loại.',
    layoutOption: '{count} nhãn/tờ, {width} × {height} mm',
    sheets: 'Số tờ',
    sheetsHint: 'Từ 1 đến {max} tờ mỗi lần tải.',
    download: 'Tải tệp PDF',
    printTip:
      'Khi in, chọn cỡ giấy A4 và tỉ lệ 100 % (“Kích thước thật”), không chọn “Vừa trang”, để nhãn khớp với đường cắt.',
    notPublished: 'Sản phẩm chưa được công bố: mã QR chỉ mở được trang sản phẩm sau khi sản phẩm được duyệt.',
    fileTitle: 'Nhãn {product}',
    fileTitleLot: 'Nhãn {product} – lô {lot}',
  },
  catalogue: {
    title: 'Danh mục gian hàng: {event}',
    link: 'Danh mục gian hàng để in',
    lead: 'Các hợp tác xã đã được xác nhận tham gia, gian hàng và sản phẩm của họ. Quét mã QR bên mỗi sản phẩm để xem trang sản phẩm và gửi hỏi hàng.',
    printTip: 'Dùng lệnh In của trình duyệt (Ctrl+P) để in hoặc lưu thành PDF.',
    backToEvent: 'Quay lại trang sự kiện',
    qrAlt: 'Mã QR tới trang sản phẩm {product}',
    noProducts: 'Hợp tác xã chưa chọn sản phẩm trưng bày.',
  },
  onLabel: {
    lot: 'Lô',
    bestBefore: 'HSD',
    traceCode: 'Mã truy xuất',
  },
};
