/** Vietnamese strings of notification preferences: the settings page, unsubscribe links, the daily digests. */
export const notificationSettingsVi = {
  kinds: {
    claim_expiry: {
      label: 'Chứng nhận sắp hết hạn',
      hint: 'Nhắc trước 90, 30, 7 ngày và vào ngày hết hạn của sao OCOP hoặc chứng nhận của hợp tác xã.',
    },
    claim_decision: {
      label: 'Kết quả xác minh',
      hint: 'Khi cán bộ xác minh, từ chối, trả lại hoặc thu hồi sao OCOP hay chứng nhận của hợp tác xã.',
    },
    product_decision: {
      label: 'Kết quả kiểm duyệt sản phẩm',
      hint: 'Khi cán bộ duyệt đăng hoặc từ chối (kèm lý do) một sản phẩm hợp tác xã đã gửi.',
    },
    registration_decision: {
      label: 'Kết quả đăng ký gian hàng',
      hint: 'Khi cán bộ xác nhận, đưa vào danh sách chờ hoặc từ chối đăng ký gian hàng hội chợ của hợp tác xã.',
    },
    profile_decision: {
      label: 'Kết quả duyệt hồ sơ hợp tác xã',
      hint: 'Khi cán bộ duyệt hoặc từ chối (kèm lý do) thay đổi hồ sơ của hợp tác xã. Gửi cho người quản lý.',
    },
    event_change: {
      label: 'Thay đổi sự kiện đã đăng ký',
      hint: 'Khi hội chợ, sự kiện hợp tác xã đã đăng ký đổi ngày, đổi địa điểm hoặc bị hủy.',
    },
    invitation_accepted: {
      label: 'Lời mời được chấp nhận',
      hint: 'Khi người bạn mời đã tạo tài khoản.',
    },
    officer_queues: {
      label: 'Việc chờ xử lý (cán bộ)',
      hint: 'Mỗi ngày một lần: những việc đang chờ trong tỉnh của bạn, việc chờ lâu nhất trước.',
    },
  },
  modes: {
    now: 'Gửi ngay',
    digest: 'Gộp vào thư tóm tắt hằng ngày',
    off: 'Không nhận',
  },
  page: {
    title: 'Thông báo qua thư',
    lead: 'Chọn cách bạn nhận từng loại thông báo. Thư bảo mật (như đặt lại mật khẩu) luôn được gửi.',
    submit: 'Lưu lựa chọn',
    saved: 'Đã lưu lựa chọn của bạn.',
    back: 'Về trang tài khoản',
  },
  unsubscribe: {
    title: 'Ngừng nhận thư',
    confirm: 'Ngừng gửi cho {email} loại thư: {kind}?',
    button: 'Ngừng nhận',
    done: 'Đã xong: {email} sẽ không nhận loại thư này nữa ({kind}).',
    digest: 'thư tóm tắt hằng ngày (mọi loại đang được gộp vào thư này)',
    settings: 'Đăng nhập để xem mọi lựa chọn thông báo',
    invalid: 'Liên kết này không dùng được: có thể nó đã bị cắt ngắn khi sao chép.',
  },
  mail: {
    footer: 'Ngừng nhận loại thư này: {unsubscribe}\nChọn cách nhận thông báo: {settings}',
    digestSubject: 'Tóm tắt hằng ngày: {count} thông báo',
    digestIntro: 'Các thông báo bạn chọn nhận gộp một lần mỗi ngày:',
    officerSubject: 'Việc chờ xử lý tại {province}: {count} việc',
    officerIntro: 'Những việc đang chờ cán bộ tỉnh {province}, việc chờ lâu nhất trước:',
    officerLine: '- {what}: {title} (chờ {days} ngày)',
    officerMore: 'và {count} việc khác.',
    officerLink: 'Xem hàng chờ: {link}',
    country: 'cả nước',
    queues: {
      claim: 'Xác minh',
      change: 'Thay đổi hồ sơ',
      product: 'Kiểm duyệt sản phẩm',
    },
  },
};
