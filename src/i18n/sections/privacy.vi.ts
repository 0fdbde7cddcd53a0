/** Vietnamese strings of personal data: the privacy notice, the links to it beside forms. */
export const privacyVi = {
  notice: {
    title: 'Thông báo về xử lý dữ liệu cá nhân',
    description:
      'Chợ HTX thu thập dữ liệu cá nhân nào, để làm gì, giữ bao lâu, chuyển cho ai và bạn thực hiện quyền của mình thế nào.',
    version: 'Phiên bản {version} (ngày có hiệu lực, rồi lần sửa trong ngày).',
    lead: 'Chợ HTX là cổng kết nối hợp tác xã, sản phẩm OCOP và người mua. Trang này nói rõ chúng tôi làm gì với dữ liệu cá nhân của bạn, theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP (có hiệu lực từ ngày 1/1/2026).',
    collectedHeading: 'Chúng tôi thu thập gì',
    collectedInquiry:
      'Khi bạn gửi yêu cầu hỏi hàng: họ tên, công ty hoặc tổ chức (nếu bạn ghi), email và/hoặc số điện thoại, quốc gia, nội dung yêu cầu và các tin nhắn sau đó trong cuộc trao đổi, kể cả thư trả lời bạn gửi bằng email tới địa chỉ trả lời trong thư của chúng tôi.',
    collectedAccount:
      'Khi bạn có tài khoản thành viên hợp tác xã hoặc cán bộ: họ tên, email, mật khẩu (chỉ lưu dạng băm, không ai đọc được), các phiên đăng nhập (thời điểm, thời hạn) những việc bạn làm trên cổng (nhật ký kiểm tra) và lựa chọn nhận thông báo của bạn (với từng loại: gửi ngay, gộp một thư tổng hợp mỗi ngày, hoặc tắt).',
    collectedLogs:
      'Khi bạn dùng trang: địa chỉ IP được dùng để giới hạn số lần gửi biểu mẫu và đăng nhập (chống lạm dụng); nhật ký kỹ thuật của máy chủ.',
    whyHeading: 'Để làm gì và căn cứ pháp lý',
    whyInquiry:
      'Dữ liệu trong yêu cầu hỏi hàng chỉ dùng để chuyển yêu cầu của bạn tới hợp tác xã bạn hỏi, để hợp tác xã và bạn trao đổi với nhau, và để gửi cho bạn biên nhận và thư trả lời. Căn cứ: sự đồng ý của bạn, đánh dấu ở ô đồng ý của biểu mẫu; chúng tôi lưu phiên bản thông báo mà bạn đã đồng ý.',
    whyAccount:
      'Dữ liệu tài khoản dùng để bạn đăng nhập, quản lý trang của hợp tác xã và để ghi lại ai đã làm gì (trách nhiệm giải trình). Chúng tôi gửi email báo các quyết định liên quan đến hợp tác xã của bạn (yêu cầu nhận quản lý, thay đổi hồ sơ, sự kiện, lời mời), gửi ngay hoặc gộp một thư tổng hợp mỗi ngày theo lựa chọn của bạn trong cài đặt thông báo; mỗi thư như vậy có liên kết để tắt loại thông báo đó chỉ bằng một lần bấm. Căn cứ: để thực hiện thỏa thuận sử dụng tài khoản mà bạn nhận khi chấp nhận lời mời, trong các trường hợp luật cho phép xử lý không cần sự đồng ý riêng.',
    whyLogs:
      'Địa chỉ IP và nhật ký kỹ thuật dùng để giữ cổng an toàn và chống thư rác. Chúng tôi không dùng dữ liệu cá nhân để quảng cáo và không bán cho ai.',
    retentionHeading: 'Giữ trong bao lâu',
    retentionInquiry:
      'Yêu cầu hỏi hàng: {months} tháng sau tin nhắn cuối cùng của cuộc trao đổi, họ tên, tổ chức, email, số điện thoại và nội dung tin nhắn của bạn được xoá tự động (ẩn danh hoá); chỉ còn lại số liệu không nhận diện được ai (ngày, sản phẩm, quốc gia).',
    retentionAccount:
      'Tài khoản: giữ khi tài khoản còn dùng; phiên đăng nhập bị xoá khi hết hạn; liên kết đặt lại mật khẩu bị xoá khi hết hạn.',
    retentionLogs:
      'Dữ liệu giới hạn số lần gửi (theo địa chỉ IP) bị xoá mỗi ngày khi hết khung thời gian. Nhật ký kiểm tra giữ để giải trình các quyết định của cán bộ.',
    recipientsHeading: 'Ai nhận dữ liệu',
    recipientsCooperative:
      'Hợp tác xã mà bạn gửi yêu cầu: nhận họ tên, tổ chức, thông tin liên hệ, quốc gia và nội dung, để trả lời bạn. Hợp tác xã khác không thấy.',
    recipientsProvider:
      'Cloudflare, Inc.: nơi chạy cổng và lưu cơ sở dữ liệu; dịch vụ thư (Cloudflare Email Service) gửi thư của chúng tôi và nhận thư trả lời gửi bằng email (họ tên, địa chỉ và nội dung thư đi qua dịch vụ này); dữ liệu có thể được xử lý tại máy chủ ngoài Việt Nam.',
    recipientsOfficers:
      'Cán bộ Sở Công Thương quản lý cổng: khi cần xử lý thư rác, khiếu nại hoặc yêu cầu về dữ liệu của bạn.',
    rightsHeading: 'Quyền của bạn và cách thực hiện',
    rightsList:
      'Bạn có quyền biết, xem và nhận bản sao dữ liệu của mình, yêu cầu sửa, yêu cầu xoá, rút lại sự đồng ý và phản đối việc xử lý.',
    rightsBuyer:
      'Người gửi yêu cầu hỏi hàng: mở liên kết riêng trong thư biên nhận để tải dữ liệu của bạn (JSON) hoặc yêu cầu xoá. Rút lại sự đồng ý cũng là yêu cầu xoá: hợp tác xã sẽ không liên hệ bạn được nữa.',
    rightsMember:
      'Thành viên: tại mục “Dữ liệu cá nhân của tôi” trong tài khoản, tải bản sao dữ liệu tài khoản (JSON) hoặc yêu cầu xoá tài khoản; cán bộ xử lý yêu cầu và ghi vào nhật ký.',
    rightsContact:
      'Cách khác, hoặc để sửa dữ liệu: viết cho chúng tôi theo địa chỉ dưới đây. Chúng tôi trả lời trong thời hạn luật quy định.',
    contactHeading: 'Liên hệ',
    contact: 'Bộ phận bảo vệ dữ liệu cá nhân của Chợ HTX:',
    breachHeading: 'Khi có sự cố',
    breach:
      'Nếu dữ liệu cá nhân bị lộ hoặc truy cập trái phép, chúng tôi báo cơ quan chuyên trách bảo vệ dữ liệu cá nhân (Bộ Công an) trong vòng 72 giờ và báo cho những người bị ảnh hưởng.',
  },
  link: 'Thông báo về xử lý dữ liệu cá nhân',
  formNote: 'Dữ liệu bạn nhập được xử lý như {link} nói.',
  footerStatus: 'Tra cứu yêu cầu hỏi hàng',
  buyer: {
    heading: 'Dữ liệu của bạn',
    lead: 'Tải về mọi thứ Chợ HTX đang giữ về bạn trong yêu cầu này (tệp JSON).',
    download: 'Tải dữ liệu của tôi (JSON)',
    eraseHeading: 'Yêu cầu xoá dữ liệu',
    eraseLead:
      'Cán bộ quản lý cổng sẽ xoá họ tên, thông tin liên hệ và nội dung trao đổi của bạn khỏi yêu cầu này. Sau đó hợp tác xã không liên hệ bạn được nữa và liên kết này ngừng hoạt động.',
    confirm: 'Tôi hiểu và muốn xoá dữ liệu của mình khỏi yêu cầu này.',
    eraseSubmit: 'Gửi yêu cầu xoá',
    requested: 'Đã ghi nhận yêu cầu xoá dữ liệu của bạn. Cán bộ sẽ xử lý sớm.',
    pending: 'Yêu cầu xoá dữ liệu của bạn đang chờ cán bộ xử lý.',
  },
  requests: {
    title: 'Yêu cầu về dữ liệu cá nhân',
    lead: 'Yêu cầu xoá dữ liệu của người mua và yêu cầu xoá tài khoản của thành viên hợp tác xã. Hoàn tất một yêu cầu sẽ xoá dữ liệu ngay (với người mua, như khi hết thời hạn lưu giữ; với thành viên, tên và email khỏi tài khoản, nhật ký và tin nhắn, hồ sơ của hợp tác xã giữ nguyên) và ghi vào nhật ký.',
    pendingHeading: 'Đang chờ xử lý',
    completedHeading: 'Đã hoàn tất gần đây',
    none: 'Không có yêu cầu nào.',
    subject: 'Về',
    subjectInquiry: 'Yêu cầu hỏi hàng {reference} ({cooperative})',
    subjectAccount: 'Tài khoản thành viên {person} ({cooperative})',
    asked: 'Gửi lúc',
    completedAt: 'Hoàn tất lúc',
    complete: 'Xoá dữ liệu và hoàn tất',
    completed: 'Đã xoá dữ liệu và hoàn tất yêu cầu.',
    gone: 'Yêu cầu này không còn chờ xử lý (có thể cán bộ khác vừa hoàn tất).',
  },
};
