/** Mail the portal sends to signed-in people about decisions that concern them (src/server/notifications/). */
export const notificationsVi = {
  mail: {
    footer: 'Thư gửi từ {site}, cổng thông tin hợp tác xã và sản phẩm OCOP Việt Nam.',
    accountLink: 'Xem trên trang tài khoản của bạn: {link}',
    reason: 'Lý do: {reason}',
  },
};
