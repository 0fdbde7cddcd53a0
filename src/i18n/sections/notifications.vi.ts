/** Mail the portal sends to signed-in people about decisions that concern them (src/server/notifications/). */
export const notificationsVi = {
  mail: {
    footer: 'Thư gửi từ {site}, cổng thông tin hợp tác xã và sản phẩm OCOP Việt Nam.',
    accountLink: 'Xem trên trang tài khoản của bạn: {link}',
    reason: 'Lý do: {reason}',
  },
  productDecision: {
    subjects: {
      published: 'Sản phẩm “{product}” đã được duyệt và đăng',
      rejected: 'Sản phẩm “{product}” chưa được duyệt',
    },
    bodies: {
      published: 'Sở Công Thương đã duyệt sản phẩm “{product}”. Người mua đã thấy sản phẩm trên Chợ HTX.',
      rejected: 'Sở Công Thương chưa duyệt sản phẩm “{product}”. Hãy sửa theo lý do dưới đây rồi gửi duyệt lại.',
    },
  },
  registrationDecision: {
    subjects: {
      confirmed: 'Gian hàng tại “{event}” đã được xác nhận',
      waitlisted: 'Đăng ký gian hàng tại “{event}” đang trong danh sách chờ',
      declined: 'Đăng ký gian hàng tại “{event}” không được chấp nhận',
    },
    body: 'Sở Công Thương đã xem đăng ký {booths} gian hàng của {cooperative} tại “{event}”: {status}.',
  },
};
