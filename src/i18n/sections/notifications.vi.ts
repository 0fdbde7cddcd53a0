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
  profileDecision: {
    subjects: {
      approved: 'Thay đổi hồ sơ của {cooperative} đã được duyệt',
      rejected: 'Thay đổi hồ sơ của {cooperative} chưa được duyệt',
    },
    bodies: {
      approved: 'Sở Công Thương đã duyệt thay đổi hồ sơ của {cooperative}. Trang danh bạ đã hiển thị hồ sơ mới.',
      rejected:
        'Sở Công Thương chưa duyệt thay đổi hồ sơ của {cooperative}. Trang danh bạ giữ hồ sơ cũ. Hãy sửa theo lý do dưới đây rồi gửi lại.',
    },
    unverified: 'Vì tên, mã số hoặc địa chỉ đã đổi, hồ sơ cần được xác minh lại.',
  },
  eventChange: {
    subjects: {
      changed: 'Sự kiện “{event}” đã thay đổi thời gian hoặc địa điểm',
      cancelled: 'Sự kiện “{event}” đã bị hủy',
    },
    bodies: {
      changed:
        '{cooperative} đã đăng ký tham gia “{event}”. Thời gian hoặc địa điểm đã thay đổi, nay là:\n\n{when}\n{where}',
      cancelled: '{cooperative} đã đăng ký tham gia “{event}”. Sở Công Thương đã hủy sự kiện này.',
    },
    online: 'Trực tuyến',
    page: 'Trang sự kiện: {link}',
  },
  invitationAccepted: {
    subject: '{name} đã nhận lời mời vào {cooperative}',
    body: '{name} ({email}) đã tạo tài khoản từ lời mời của bạn và nay là {role} của {cooperative} trên Chợ HTX.',
    roles: { manager: 'người quản lý', member: 'thành viên' },
  },
};
