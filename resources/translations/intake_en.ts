<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="26"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="30"/>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="32"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="34"/>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="34"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="35"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="42"/>
        <source>Số nhà, đường, thôn, tổ dân phố</source>
        <translation>House number, street, village, residential group</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="45"/>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="46"/>
        <source>Số CCCD *</source>
        <translation>ID number *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="47"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="48"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="49"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="50"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="51"/>
        <source>Tỉnh, thành phố</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="52"/>
        <source>Xã, phường</source>
        <translation>Commune / ward</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="53"/>
        <source>Địa chỉ *</source>
        <translation>Address *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="55"/>
        <source>Chủ hồ sơ khác người nộp</source>
        <translation>Dossier owner is not the applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="60"/>
        <source>Chủ hồ sơ *</source>
        <translation>Dossier owner *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="61"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="62"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="123"/>
        <source>Ngày sinh ghi theo ngày/tháng/năm và phải là ngày có thật, ví dụ 02/03/1995.</source>
        <translation>Write the date of birth as day/month/year; it must be a real date, e.g. 02/03/1995.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="126"/>
        <source>Chọn tỉnh, thành phố trong danh sách gợi ý (gõ vài chữ rồi nhấn Enter).</source>
        <translation>Choose the province from the suggestions (type a few letters, then press Enter).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="129"/>
        <source>Chọn xã, phường trong danh sách gợi ý (chọn tỉnh trước, gõ vài chữ rồi nhấn Enter).</source>
        <translation>Choose the commune or ward from the suggestions (choose the province first, type a few letters, then press Enter).</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="74"/>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="74"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="74"/>
        <source>Bản sao</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="75"/>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="75"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="93"/>
        <source>+ Thêm giấy tờ khác (Ctrl+G)</source>
        <translation>+ Add another document (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="97"/>
        <source>Chọn thủ tục để hiện danh mục giấy tờ.</source>
        <translation>Choose a procedure to list its documents.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="158"/>
        <source>Tên giấy tờ</source>
        <translation>Document name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="168"/>
        <source>Đánh dấu đã nhận (phím cách)</source>
        <translation>Mark as received (Space)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="223"/>
        <source>(giấy tờ chưa có tên)</source>
        <translation>(unnamed document)</translation>
    </message>
</context>
<context>
    <name>ClerkDialog</name>
    <message>
        <location filename="../../intake_app/ui/app.py" line="170"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving clerk</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="176"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="177"/>
        <source>Bắt đầu làm việc</source>
        <translation>Start working</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="178"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="180"/>
        <source>Họ tên cán bộ làm việc tại quầy (được ghi vào mọi bước xử lý hồ sơ):</source>
        <translation>Name of the clerk at the counter (recorded on every step taken on a dossier):</translation>
    </message>
</context>
<context>
    <name>CommuneEdit</name>
    <message>
        <location filename="../../intake_app/ui/intake/address_picker.py" line="39"/>
        <source>Gõ tên xã, phường</source>
        <translation>Type the commune or ward name</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="32"/>
        <source>Trong hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="33"/>
        <source>Sắp đến hạn (hẹn trả hôm nay hoặc ngày làm việc tiếp theo)</source>
        <translation>Due soon (due today or the next working day)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="35"/>
        <source>Quá hạn hẹn trả</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="36"/>
        <source>Chờ công dân bổ sung (tạm dừng tính hạn)</source>
        <translation>Waiting for the citizen&apos;s papers (clock stopped)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="45"/>
        <source>quá hạn</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="47"/>
        <source>sắp đến hạn</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="49"/>
        <source>chờ bổ sung</source>
        <translation>waiting for papers</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="56"/>
        <source>Không hẹn</source>
        <translation>No due date</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="89"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="232"/>
        <source>Hồ sơ %s</source>
        <translation>Dossier %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="101"/>
        <source>Thông tin hồ sơ</source>
        <translation>Dossier details</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="109"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="109"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="110"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="110"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="111"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="111"/>
        <source>Chủ hồ sơ</source>
        <translation>Dossier owner</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="112"/>
        <source>Hình thức nộp</source>
        <translation>Submitted via</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="112"/>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="115"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="115"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="116"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="116"/>
        <source>Ngày trả kết quả</source>
        <translation>Handed back</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="117"/>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="117"/>
        <source>Sổ theo dõi</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="118"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="118"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="143"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="132"/>
        <source>Tên giấy tờ</source>
        <translation>Document name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="132"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="132"/>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="132"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="142"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="142"/>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="142"/>
        <source>Nội dung</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="158"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="349"/>
        <source>In lại giấy tiếp nhận (bản sao)</source>
        <translation>Reprint the receipt (copy)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="159"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="160"/>
        <source>Trả kết quả (F4)</source>
        <translation>Hand back (F4)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="161"/>
        <source>Chuyển bước…</source>
        <translation>Next step…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="162"/>
        <source>Hẹn lại ngày trả…</source>
        <translation>New appointment…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="163"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="361"/>
        <source>In phiếu</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="176"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="237"/>
        <source>Chính người nộp hồ sơ</source>
        <translation>The applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="241"/>
        <source>Không thu</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="260"/>
        <source>Không có ngày hẹn trả</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="263"/>
        <source>Quyển số %1, số thứ tự %2</source>
        <translation>Book %1, entry %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="271"/>
        <source>Giấy tờ đã nộp (%n)</source>
        <translation>
            <numerusform>Documents handed in (%n)</numerusform>
            <numerusform>Documents handed in (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="278"/>
        <source>Lịch sử xử lý (%n)</source>
        <translation>
            <numerusform>History (%n)</numerusform>
            <numerusform>History (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="291"/>
        <source>Hồ sơ đang ở trạng thái «%s»: không thể trả kết quả.</source>
        <translation>The dossier&apos;s status is “%s”: its result cannot be handed back.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="302"/>
        <source>Chuyển hồ sơ sang bước xử lý tiếp theo</source>
        <translation>Move the dossier to its next step</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="303"/>
        <source>Hồ sơ ở trạng thái «%s» đã kết thúc: không còn bước nào.</source>
        <translation>The dossier is «%s»: it is closed, no step is left.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="308"/>
        <source>Hẹn ngày trả mới và in Phiếu xin lỗi (Mẫu 04)</source>
        <translation>Set a new appointment and print the apology slip (Form 04)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="309"/>
        <source>Chỉ hẹn lại được hồ sơ đang giải quyết và có ngày hẹn trả.</source>
        <translation>Only a dossier still being processed, with an appointment, can get a new one.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="327"/>
        <source>Trực tiếp tại Bộ phận Một cửa</source>
        <translation>In person at the one-stop-shop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="328"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="329"/>
        <source>Qua dịch vụ bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="334"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop-shop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="335"/>
        <source>Qua dịch vụ bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="340"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="341"/>
        <source>Bản sao chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="342"/>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="347"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="348"/>
        <source>Trả kết quả</source>
        <translation>Result handed back</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="350"/>
        <source>Tiếp nhận hồ sơ trực tuyến</source>
        <translation>Online application received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="351"/>
        <source>Chuyển xử lý</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="352"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Papers requested</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="353"/>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="354"/>
        <source>Yêu cầu nghĩa vụ tài chính</source>
        <translation>Financial obligation requested</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="355"/>
        <source>Đã thực hiện nghĩa vụ tài chính</source>
        <translation>Financial obligation fulfilled</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="356"/>
        <source>Đã xử lý xong</source>
        <translation>Done, result ready</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="357"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="358"/>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="359"/>
        <source>Dừng giải quyết</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="360"/>
        <source>Hẹn lại ngày trả</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="362"/>
        <source>Cập nhật từ tỉnh</source>
        <translation>Update from the province</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="381"/>
        <source>Không ghi được bản sao giấy tiếp nhận: %s</source>
        <translation>Could not write the receipt copy: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="385"/>
        <source>Đã tạo bản sao giấy tiếp nhận: %s</source>
        <translation>Receipt copy created: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="395"/>
        <source>Đã tạo bản sao nhưng không xem được (%s). Tệp: %s</source>
        <translation>The copy was created but cannot be shown (%s). File: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="448"/>
        <source>Đã hẹn lại ngày trả kết quả: %s.</source>
        <translation>New appointment set: %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="450"/>
        <source>Đã chuyển hồ sơ sang «%s».</source>
        <translation>The dossier is now «%s».</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="459"/>
        <source>In %s</source>
        <translation>Print: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="476"/>
        <source>Không ghi được phiếu: %s</source>
        <translation>Could not write the slip: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="481"/>
        <source>Đã tạo %1: %2</source>
        <translation>Made %1: %2</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="490"/>
        <source>Đã tạo phiếu nhưng không xem được (%s). Tệp: %s</source>
        <translation>The slip was made but cannot be shown (%s). File: %s</translation>
    </message>
</context>
<context>
    <name>DossierStatus</name>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="17"/>
        <source>Mới đăng ký</source>
        <translation>Newly registered</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="18"/>
        <source>Được tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="19"/>
        <source>Không được tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="20"/>
        <source>Đang xử lý</source>
        <translation>In processing</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="21"/>
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="22"/>
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Financial obligation requested</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="23"/>
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="24"/>
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="25"/>
        <source>Đã xử lý xong</source>
        <translation>Done, result ready</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_text.py" line="26"/>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="98"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="104"/>
        <source>PDF (để in)</source>
        <translation>PDF (to print)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="104"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="105"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="116"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="117"/>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="124"/>
        <source>Lưu tệp…</source>
        <translation>Save file…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="126"/>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="127"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="128"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="129"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="191"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="191"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="192"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="203"/>
        <source>Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.</source>
        <translation>The end date must be on or after the start date.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="223"/>
        <source>Đang tạo tệp %s…</source>
        <translation>Writing %s…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="246"/>
        <source>Không tạo được tệp; lỗi đã được ghi lại.</source>
        <translation>Could not write the file; the error was logged.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="247"/>
        <source>Không lưu được %1: %2</source>
        <translation>Could not save the %1: %2</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="254"/>
        <source>Đã lưu %1 vào %2</source>
        <translation>Saved the %1 to %2</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="267"/>
        <source>Không in được (kiểm tra máy in). Tệp vẫn được lưu ở %s.</source>
        <translation>Could not print (check the printer). The file is still saved at %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="270"/>
        <source>Đã gửi %s tới máy in.</source>
        <translation>Sent %s to the printer.</translation>
    </message>
</context>
<context>
    <name>ExtendDueDialog</name>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="47"/>
        <source>Hẹn lại ngày trả kết quả — hồ sơ %s</source>
        <translation>New appointment — dossier %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="55"/>
        <source>Hẹn trả hiện tại: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Current appointment: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="56"/>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="71"/>
        <source>lúc</source>
        <translation>at</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="77"/>
        <source>Bắt buộc: được in trên phiếu xin lỗi</source>
        <translation>Required: printed on the apology slip</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="81"/>
        <source>Cơ quan, đơn vị hoặc công chức để chậm trả kết quả</source>
        <translation>Agency, unit or officer responsible for the delay</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="86"/>
        <source>Ngày hẹn mới *:</source>
        <translation>New appointment *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="87"/>
        <source>Lý do chậm *:</source>
        <translation>Reason for the delay *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="88"/>
        <source>Đơn vị chịu trách nhiệm:</source>
        <translation>Responsible unit:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="90"/>
        <source>Sau khi hẹn lại, in Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) gửi công dân. Báo cáo vẫn tính hồ sơ trễ theo hạn ban đầu.</source>
        <translation>After setting it, print the apology slip with the new appointment (Form 04) for the citizen. Reports still count the dossier late against the original due date.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="101"/>
        <source>Hẹn lại (Ctrl+Enter)</source>
        <translation>Set appointment (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="105"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FindScreen</name>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="59"/>
        <source>Tra cứu hồ sơ</source>
        <translation>Find a dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="63"/>
        <source>Mã hồ sơ, họ tên (gõ có dấu hoặc không dấu), số CCCD hoặc số điện thoại</source>
        <translation>Dossier code, name (accents optional), ID number or phone number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="67"/>
        <source>Tìm (Enter)</source>
        <translation>Find (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="86"/>
        <source>Xem hồ sơ (Enter)</source>
        <translation>Open dossier (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="91"/>
        <source>Tìm:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="96"/>
        <source>Chú thích màu:</source>
        <translation>Colours:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="98"/>
        <source>Sắp đến hạn (hẹn trả hôm nay hoặc ngày làm việc tiếp theo)</source>
        <translation>Due soon (due today or the next working day)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="100"/>
        <source>Quá hạn hẹn trả</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="102"/>
        <source>↓ chọn trong danh sách · Enter xem hồ sơ</source>
        <translation>↓ choose in the list · Enter opens the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="179"/>
        <source>Nhập mã hồ sơ, họ tên, số CCCD hoặc số điện thoại.</source>
        <translation>Enter a dossier code, a name, an ID number or a phone number.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="182"/>
        <source>Gõ ít nhất %d ký tự để tìm.</source>
        <translation>Type at least %d characters to search.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="200"/>
        <source>Không có hồ sơ mã %s.</source>
        <translation>There is no dossier with the code %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="202"/>
        <source>Không tìm thấy hồ sơ nào khớp với «%s».</source>
        <translation>No dossier matches “%s”.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="205"/>
        <source>Hiện %d hồ sơ mới nhất; gõ thêm để thu hẹp kết quả.</source>
        <translation>Showing the %d newest dossiers; type more to narrow the results.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/screen.py" line="208"/>
        <source>Tìm thấy %n hồ sơ.</source>
        <translation>
            <numerusform>%n dossier found.</numerusform>
            <numerusform>%n dossiers found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandBackScreen</name>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="51"/>
        <source>Trả kết quả</source>
        <translation>Hand back a result</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="54"/>
        <source>Quét mã vạch trên giấy hẹn hoặc gõ mã hồ sơ</source>
        <translation>Scan the barcode on the appointment slip or type the dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="56"/>
        <source>Tìm hồ sơ (Enter)</source>
        <translation>Find dossier (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="59"/>
        <source>Mã hồ sơ:</source>
        <translation>Dossier code:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="68"/>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="72"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="72"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="73"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="73"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="74"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="74"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="75"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="85"/>
        <source>Người nhận kết quả</source>
        <translation>Result received by</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="87"/>
        <source>Người nhận là người nộp hồ sơ</source>
        <translation>The receiver is the applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="90"/>
        <source>Họ và tên người nhận</source>
        <translation>Receiver&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="92"/>
        <source>Số CCCD / số định danh người nhận</source>
        <translation>Receiver&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="95"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="96"/>
        <source>Số CCCD:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="97"/>
        <source>Thời điểm trả:</source>
        <translation>Handed back at:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="99"/>
        <source>Xác nhận trả kết quả (Ctrl+Enter)</source>
        <translation>Confirm hand-back (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="173"/>
        <source>Quét hoặc gõ mã hồ sơ rồi nhấn Enter.</source>
        <translation>Scan or type the dossier code, then press Enter.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="177"/>
        <source>«%s» không phải là một mã hồ sơ đầy đủ. Để tìm theo tên, số CCCD hoặc số điện thoại, hãy dùng Tra cứu (F3).</source>
        <translation>“%s” is not a complete dossier code. To search by name, ID number or phone number, use Find (F3).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="185"/>
        <source>Không có hồ sơ mã %s.</source>
        <translation>There is no dossier with the code %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="220"/>
        <source>Hồ sơ này đã được trả kết quả lúc %s; không thể trả lại lần nữa.</source>
        <translation>This dossier&apos;s result was handed back at %s; it cannot be handed back again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="222"/>
        <source>Không thể trả kết quả: hồ sơ đang ở trạng thái «%s».</source>
        <translation>The result cannot be handed back: the dossier&apos;s status is “%s”.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="296"/>
        <source>Đã trả kết quả hồ sơ %1 lúc %2</source>
        <translation>Result of dossier %1 handed back at %2</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="97"/>
        <source>Thủ tục *</source>
        <translation>Procedure *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="109"/>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="110"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="111"/>
        <source>Bưu chính</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="114"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop-shop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="115"/>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="119"/>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="120"/>
        <source>Kênh tiếp nhận</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="121"/>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="122"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="131"/>
        <source>Thành phần hồ sơ (đánh dấu giấy tờ đã nhận)</source>
        <translation>Documents (tick those received)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="198"/>
        <source>Chọn thủ tục trong danh sách gợi ý (gõ vài chữ rồi nhấn Enter).</source>
        <translation>Choose the procedure from the suggestions (type a few letters, then press Enter).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="347"/>
        <source>Không tiếp nhận được</source>
        <translation>The dossier could not be received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="348"/>
        <source>Hồ sơ chưa được lưu: {0}</source>
        <translation>The dossier was not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="357"/>
        <source>Vừa tiếp nhận: {0}
{1}</source>
        <translation>Just received: {0}
{1}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="372"/>
        <source>Hồ sơ {0} đã được tiếp nhận và lưu, nhưng chưa ghi được giấy tiếp nhận. Hãy in lại giấy tiếp nhận từ hồ sơ.</source>
        <translation>Dossier {0} was received and saved, but its receipt could not be written. Reprint the receipt from the dossier.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="380"/>
        <source>Hồ sơ {0} đã được lưu nhưng không mở được giấy tiếp nhận. Hãy in lại giấy tiếp nhận từ hồ sơ.</source>
        <translation>Dossier {0} was saved but its receipt could not be opened. Reprint the receipt from the dossier.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="393"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>Lateness</name>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="41"/>
        <source>%n ngày</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="43"/>
        <source>%n giờ</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="45"/>
        <source>dưới 1 giờ</source>
        <translation>under 1 hour</translation>
    </message>
</context>
<context>
    <name>LogExportDialog</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="291"/>
        <source>In sổ theo dõi hồ sơ</source>
        <translation>Print the dossier log</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="293"/>
        <source>Tất cả cán bộ</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="296"/>
        <source>Cán bộ tiếp nhận:</source>
        <translation>Receiving clerk:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="297"/>
        <source>Các ngày đã qua được niêm phong (mã kiểm tra in ở cuối mỗi ngày) trước khi in.</source>
        <translation>Past days are sealed (their check code is printed at the end of each day) before printing.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="307"/>
        <source>sổ theo dõi</source>
        <translation>dossier log</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="104"/>
        <source>Tiếp nhận hồ sơ – {unit} – Quầy {n}</source>
        <translation>Intake – {unit} – Counter {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="145"/>
        <source>Tiếp nhận (F2)</source>
        <translation>Intake (F2)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="146"/>
        <source>Tra cứu (F3)</source>
        <translation>Find (F3)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="147"/>
        <source>Trả kết quả (F4)</source>
        <translation>Hand back (F4)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="148"/>
        <source>Giám sát (F5)</source>
        <translation>Supervision (F5)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="149"/>
        <source>Đồng bộ (F6)</source>
        <translation>Sync (F6)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="154"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="164"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="166"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="227"/>
        <source>Màn hình này chưa có trong bản này.</source>
        <translation>This screen is not in this version yet.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="230"/>
        <source>Không mở được màn hình này; lỗi đã được ghi lại.</source>
        <translation>This screen could not be opened; the error has been logged.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="254"/>
        <source>Không tìm thấy hồ sơ có mã {code}.</source>
        <translation>No dossier has the code {code}.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="260"/>
        <source>Không mở được hồ sơ {code}.</source>
        <translation>The dossier {code} could not be opened.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="280"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/output.py" line="54"/>
        <source>In {0}</source>
        <translation>Print {0}</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../intake_app/ui/intake/procedure_picker.py" line="22"/>
        <source>Gõ mã hoặc tên thủ tục, không cần dấu (vd: chung thuc ban sao)</source>
        <translation>Type a procedure code or name, accents optional (e.g. chung thuc ban sao)</translation>
    </message>
</context>
<context>
    <name>ProvinceEdit</name>
    <message>
        <location filename="../../intake_app/ui/intake/address_picker.py" line="21"/>
        <source>Gõ tên tỉnh, thành phố</source>
        <translation>Type the province name</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="42"/>
        <source>Giấy tiếp nhận hồ sơ {0}</source>
        <translation>Receipt of dossier {0}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="68"/>
        <source>Số bản:</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="73"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="76"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="103"/>
        <source>In ({0} bản)</source>
        <translation>Print ({0} copies)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="115"/>
        <source>In giấy tiếp nhận</source>
        <translation>Print the receipt</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="122"/>
        <source>Chưa in giấy tiếp nhận. Hồ sơ đã được lưu; có thể in lại giấy tiếp nhận từ hồ sơ bất cứ lúc nào.</source>
        <translation>The receipt was not printed. The dossier is saved; the receipt can be reprinted from the dossier at any time.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="126"/>
        <source>Không in được giấy tiếp nhận (kiểm tra máy in). Hồ sơ đã được lưu; có thể in lại giấy tiếp nhận từ hồ sơ.</source>
        <translation>The receipt could not be printed (check the printer). The dossier is saved; the receipt can be reprinted from the dossier.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="138"/>
        <source>Lưu giấy tiếp nhận</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="139"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="153"/>
        <source>Không lưu được tệp: {0}</source>
        <translation>Could not save the file: {0}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="155"/>
        <source>Đã lưu {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>ReceivedChart</name>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/chart.py" line="170"/>
        <source>%1: %n hồ sơ</source>
        <translation>
            <numerusform>%1: %n dossier</numerusform>
            <numerusform>%1: %n dossiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report06aDialog</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="327"/>
        <source>Báo cáo tình hình giải quyết TTHC (Biểu II.06a)</source>
        <translation>Report on administrative procedures (Form II.06a)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="330"/>
        <source>báo cáo</source>
        <translation>report</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="68"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="68"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="68"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="69"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="69"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="69"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="309"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="316"/>
        <source>Ngôn ngữ mới được dùng từ lần mở ứng dụng tiếp theo.</source>
        <translation>The new language is used from the next time the app is opened.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="320"/>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="321"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="321"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="103"/>
        <location filename="../../intake_app/ui/setup_dialog.py" line="140"/>
        <source>Thiết lập quầy tiếp nhận</source>
        <translation>Set up the intake counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="112"/>
        <source>Ví dụ: UBND phường Phong Quảng</source>
        <translation>E.g. UBND phường Phong Quảng</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="114"/>
        <source>Gõ tên để tìm, không cần dấu</source>
        <translation>Type a name to search, accents optional</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="116"/>
        <source>Chọn tỉnh, thành phố trước</source>
        <translation>Choose the province first</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="131"/>
        <source>Mã định danh đơn vị:</source>
        <translation>Unit code:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="132"/>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="133"/>
        <source>Tỉnh, thành phố:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="134"/>
        <source>Xã, phường:</source>
        <translation>Commune / ward:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="135"/>
        <source>Số quầy (1–9):</source>
        <translation>Counter number (1–9):</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="136"/>
        <source>Tên bộ phận:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="138"/>
        <source>Thiết lập</source>
        <translation>Set up</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="138"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="142"/>
        <source>Thư mục dữ liệu này chưa được thiết lập. Nhập thông tin của đơn vị và quầy tiếp nhận; việc này chỉ làm một lần trên máy này.</source>
        <translation>This data folder is not set up yet. Enter the unit and the intake counter; this is done only once on this PC.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="162"/>
        <source>Sai dạng NNN.NN.NN.XNN (ví dụ 000.00.12.H56)</source>
        <translation>Wrong format NNN.NN.NN.XNN (e.g. 000.00.12.H56)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="172"/>
        <source>tỉnh, thành phố</source>
        <translation>a province</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="173"/>
        <source>xã, phường</source>
        <translation>a commune or ward</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="175"/>
        <source>Hãy chọn {what}.</source>
        <translation>Please choose {what}.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="175"/>
        <source> và </source>
        <translation> and </translation>
    </message>
</context>
<context>
    <name>SlipPreviewDialog</name>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="78"/>
        <source>In %s</source>
        <translation>Print: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="84"/>
        <source>Chưa in phiếu. Phiếu đã được lưu; có thể in lại từ hồ sơ (In phiếu ▾).</source>
        <translation>The slip was not printed. It is saved; print it again from the dossier (Print slip ▾).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="88"/>
        <source>Không in được phiếu (kiểm tra máy in). Có thể in lại từ hồ sơ (In phiếu ▾).</source>
        <translation>Could not print the slip (check the printer). Print it again from the dossier (Print slip ▾).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="97"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Slips</name>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="37"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</source>
        <translation>Request for additional papers (Form 02)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="39"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)</source>
        <translation>Refusal of the dossier (Form 03)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="41"/>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</source>
        <translation>Apology and new appointment (Form 04)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="43"/>
        <source>Thông báo dừng giải quyết hồ sơ</source>
        <translation>Notice of stopped processing</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="45"/>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control sheet</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="42"/>
        <source>Quầy số {n}</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="44"/>
        <source>Cán bộ: {name}</source>
        <translation>Clerk: {name}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="91"/>
        <location filename="../../intake_app/ui/status_bar.py" line="104"/>
        <source>Chờ đồng bộ: {n}</source>
        <translation>Waiting to sync: {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="109"/>
        <source>Đồng bộ lúc {time}</source>
        <translation>Synced at {time}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="116"/>
        <source>Đồng hồ máy tính lệch {n} phút so với máy chủ</source>
        <translation>This PC&apos;s clock is {n} minutes off the server&apos;s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="120"/>
        <source>Giấy tiếp nhận ghi giờ của máy tính này: hãy chỉnh lại đồng hồ máy tính.</source>
        <translation>Receipts are stamped with this PC&apos;s time: please correct the PC&apos;s clock.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="128"/>
        <source>Chưa cài đặt đồng bộ</source>
        <translation>Sync not set up</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="130"/>
        <source>Mã truy cập bị từ chối, đã dừng đồng bộ</source>
        <translation>Access code refused, sync stopped</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="132"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="134"/>
        <source>Đã kết nối máy chủ tỉnh</source>
        <translation>Connected to the provincial server</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="136"/>
        <source>Mất kết nối máy chủ tỉnh</source>
        <translation>No connection to the provincial server</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="138"/>
        <source>Chưa kiểm tra kết nối</source>
        <translation>Connection not checked yet</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="146"/>
        <source>Bị từ chối: {n}</source>
        <translation>Rejected: {n}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="73"/>
        <source>Chuyển bước xử lý — hồ sơ %s</source>
        <translation>Next step — dossier %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="82"/>
        <source>Trạng thái hiện tại: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Current status: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="84"/>
        <source>Đang ở: %s</source>
        <translation>Now with: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="90"/>
        <source>Chuyển sang</source>
        <translation>Move to</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="100"/>
        <source>Hồ sơ ở trạng thái «%s» đã kết thúc: không còn bước nào.</source>
        <translation>The dossier is «%s»: it is closed, no step is left.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="104"/>
        <source>Công chức hoặc cơ quan, đơn vị nhận hồ sơ</source>
        <translation>Officer, agency or unit taking the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="120"/>
        <source>Mỗi dòng một giấy tờ</source>
        <translation>One paper per line</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="124"/>
        <source>Số CCCD / số định danh người nhận</source>
        <translation>Receiver&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="125"/>
        <source>Trả kết quả tại màn hình F4…</source>
        <translation>Hand back on the F4 screen…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="138"/>
        <source>Giấy tờ cần bổ sung:</source>
        <translation>Papers to add:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="139"/>
        <source>Giấy tờ khác:</source>
        <translation>Other papers:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="134"/>
        <source>Người nhận kết quả:</source>
        <translation>Receiver:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="135"/>
        <source>Số CCCD người nhận:</source>
        <translation>Receiver&apos;s ID number:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="147"/>
        <source>Xác nhận (Ctrl+Enter)</source>
        <translation>Confirm (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="151"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="185"/>
        <source>công dân đã nộp giấy tờ bổ sung</source>
        <translation>the citizen brought the missing papers</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="186"/>
        <source>công dân đã thực hiện nghĩa vụ tài chính</source>
        <translation>the citizen paid what was due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="187"/>
        <source>chuyển cho công chức, đơn vị khác</source>
        <translation>hand over to another officer or unit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="188"/>
        <source>chuyển cho công chức, đơn vị xử lý</source>
        <translation>hand over to the processing officer or unit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="191"/>
        <source>tiếp nhận hồ sơ nộp trực tuyến</source>
        <translation>take in an online application</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="192"/>
        <source>từ chối tiếp nhận, in Mẫu 03</source>
        <translation>refuse the dossier, print Form 03</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="193"/>
        <source>yêu cầu bổ sung, hoàn thiện, in Mẫu 02</source>
        <translation>ask for more papers, print Form 02</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="194"/>
        <source>chờ công dân nộp thuế, phí</source>
        <translation>wait for the citizen to pay taxes or fees</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="195"/>
        <source>công dân xin rút hồ sơ</source>
        <translation>the citizen withdraws the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="196"/>
        <source>dừng giải quyết, in thông báo</source>
        <translation>stop processing, print the notice</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="197"/>
        <source>có kết quả, chờ trả cho công dân</source>
        <translation>result ready, waiting for the citizen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="198"/>
        <source>giao kết quả cho công dân</source>
        <translation>give the result to the citizen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="217"/>
        <source>Chuyển cho *:</source>
        <translation>Hand over to *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="218"/>
        <source>Chuyển tiếp cho:</source>
        <translation>Pass on to:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="227"/>
        <source>Lý do *:</source>
        <translation>Reason *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="228"/>
        <source>Lý do từ chối *:</source>
        <translation>Reason for refusal *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="229"/>
        <source>Lý do dừng *:</source>
        <translation>Reason for stopping *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="230"/>
        <source>Nghĩa vụ tài chính *:</source>
        <translation>Financial obligation *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="231"/>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="233"/>
        <source>Bắt buộc: được in trên phiếu gửi công dân</source>
        <translation>Required: printed on the citizen&apos;s slip</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="234"/>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="43"/>
        <source>Đóng dấu tiếp nhận (Ctrl+Enter)</source>
        <translation>Stamp as received (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="51"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="55"/>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="59"/>
        <source>Hẹn trả kết quả</source>
        <translation>Result due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="86"/>
        <source>Chưa chọn thủ tục</source>
        <translation>No procedure chosen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="98"/>
        <source>Kiểm tra lại số bản, số trang của giấy tờ.</source>
        <translation>Check the copies and pages of the documents.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="105"/>
        <source>… và {0} dòng khác</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="109"/>
        <source>Không có thời hạn hẹn trả</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="113"/>
        <source>Thời hạn giải quyết: {0}</source>
        <translation>Processing time: {0}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="119"/>
        <source>Còn {0} mục cần sửa (xem chữ đỏ bên trái).</source>
        <translation>{0} items still need fixing (see the red text on the left).</translation>
    </message>
</context>
<context>
    <name>SupervisorScreen</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="65"/>
        <source>Giám sát</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="68"/>
        <source>In sổ theo dõi…</source>
        <translation>Print the log…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="69"/>
        <source>Báo cáo 06a…</source>
        <translation>Report 06a…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="70"/>
        <source>Kiểm tra sổ</source>
        <translation>Verify the log</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="71"/>
        <source>Làm mới (Ctrl+R)</source>
        <translation>Refresh (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="73"/>
        <source>Tính lại mã kiểm tra của các ngày đã niêm phong: cho biết sổ theo dõi có bị sửa đổi sau khi in hay không.</source>
        <translation>Recomputes the check codes of the sealed days: tells whether the log was changed after it was printed.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="105"/>
        <source>Số hồ sơ theo trạng thái</source>
        <translation>Dossiers by status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="117"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="199"/>
        <source>Quá hạn (%n)</source>
        <translation>
            <numerusform>Overdue (%n)</numerusform>
            <numerusform>Overdue (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="200"/>
        <source>Hẹn trả hôm nay (%n)</source>
        <translation>
            <numerusform>Due today (%n)</numerusform>
            <numerusform>Due today (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="201"/>
        <source>Đến hạn trong 2 ngày làm việc tới (%n)</source>
        <translation>
            <numerusform>Due in the next 2 working days (%n)</numerusform>
            <numerusform>Due in the next 2 working days (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="202"/>
        <source>Chờ công dân bổ sung (%n)</source>
        <translation>
            <numerusform>Waiting for the citizen&apos;s papers (%n)</numerusform>
            <numerusform>Waiting for the citizen&apos;s papers (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="218"/>
        <source>Không đọc được số liệu: %s</source>
        <translation>Could not read the figures: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="241"/>
        <source>Hồ sơ tiếp nhận mỗi ngày, 30 ngày qua (tổng %n)</source>
        <translation>
            <numerusform>Dossiers received per day, last 30 days (total %n)</numerusform>
            <numerusform>Dossiers received per day, last 30 days (total %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="243"/>
        <source>Đang giải quyết: %1 hồ sơ · số liệu lúc %2</source>
        <translation>In progress: %1 dossiers · figures at %2</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="306"/>
        <source>Không kiểm tra được sổ theo dõi: %s</source>
        <translation>Could not verify the log: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="312"/>
        <source>Sổ theo dõi không bị sửa đổi.</source>
        <translation>The log has not been changed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="314"/>
        <source>Sổ theo dõi có %n chỗ không khớp với mã kiểm tra đã niêm phong:</source>
        <translation>
            <numerusform>The log has %n entry that does not match its sealed check code:</numerusform>
            <numerusform>The log has %n entries that do not match their sealed check codes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="318"/>
        <source>… và %n chỗ khác.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="67"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="67"/>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="68"/>
        <source>Chuyển trạng thái</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="68"/>
        <source>Trả kết quả</source>
        <translation>Result handed back</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="69"/>
        <source>Hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="72"/>
        <source>Sai cấu trúc dữ liệu</source>
        <translation>Invalid data format</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="73"/>
        <source>Chữ tiếng Việt không đúng chuẩn (NFC)</source>
        <translation>Vietnamese text not in the standard form (NFC)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="74"/>
        <source>Thủ tục chưa có trong danh mục của tỉnh</source>
        <translation>Procedure not in the province&apos;s catalogue</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="75"/>
        <source>Mã hồ sơ đã thuộc hồ sơ khác</source>
        <translation>Dossier code already belongs to another dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="76"/>
        <source>Trùng phiên bản đã gửi</source>
        <translation>Same version as one already sent</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="77"/>
        <source>Dữ liệu quá lớn</source>
        <translation>Data too large</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="81"/>
        <source>Đồng bộ với hệ thống của tỉnh</source>
        <translation>Sync with the provincial system</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="83"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="90"/>
        <source>Kết nối:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="91"/>
        <source>Sự kiện:</source>
        <translation>Events:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="92"/>
        <source>Đồng bộ thành công lần cuối:</source>
        <translation>Last successful sync:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="93"/>
        <source>Lỗi gần nhất:</source>
        <translation>Last error:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="102"/>
        <source>Sự kiện bị từ chối (không tự gửi lại)</source>
        <translation>Rejected events (not resent automatically)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="106"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="106"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="106"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="106"/>
        <source>Mã lỗi</source>
        <translation>Error code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="107"/>
        <source>Nội dung lỗi</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="107"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="121"/>
        <source>Gửi lại</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="123"/>
        <source>Đưa các sự kiện đã chọn trở lại hàng chờ gửi (sau khi đã sửa hồ sơ).</source>
        <translation>Put the selected events back in the sending queue (after the dossier has been corrected).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="126"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="128"/>
        <source>Xuất tệp USB…</source>
        <translation>Export USB file…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="130"/>
        <source>Nhập tệp kết quả…</source>
        <translation>Import results file…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="175"/>
        <source>Chưa cài đặt địa chỉ máy chủ của tỉnh (Cài đặt).</source>
        <translation>The provincial server address is not set (Settings).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="177"/>
        <location filename="../../intake_app/ui/sync/screen.py" line="284"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="179"/>
        <source>Đã kết nối máy chủ tỉnh ({url})</source>
        <translation>Connected to the provincial server ({url})</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="181"/>
        <source>Mất kết nối máy chủ tỉnh ({url})</source>
        <translation>No connection to the provincial server ({url})</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="184"/>
        <source>Chưa kiểm tra ({url})</source>
        <translation>Not checked yet ({url})</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="188"/>
        <source>chờ gửi {pending}, đang gửi {sending}, đã gửi {delivered}, bị từ chối {rejected}</source>
        <translation>{pending} waiting, {sending} sending, {delivered} sent, {rejected} rejected</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="196"/>
        <source>Máy chủ tỉnh từ chối mã truy cập của quầy (lỗi {status}); đồng bộ đã dừng. Hãy nhập mã mới trong Cài đặt rồi bấm &quot;Đồng bộ ngay&quot;.</source>
        <translation>The provincial server refused this counter&apos;s access code (error {status}); sync has stopped. Enter a new code in Settings, then press &quot;Sync now&quot;.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="201"/>
        <source>Máy chủ tỉnh không nhận gói dữ liệu (lỗi 422: {error} – {message}). Việc gửi tạm dừng; bấm &quot;Đồng bộ ngay&quot; để gửi lại.</source>
        <translation>The provincial server did not accept the data package (error 422: {error} – {message}). Sending is paused; press &quot;Sync now&quot; to send it again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="206"/>
        <source>Số liệu không khớp: máy này đã gửi {se} sự kiện của {sd} hồ sơ, máy chủ tỉnh ghi nhận {ge} sự kiện của {gd} hồ sơ (kiểm tra lúc {at}).</source>
        <translation>Figures do not match: this PC has sent {se} events for {sd} dossiers, the provincial server has recorded {ge} events for {gd} dossiers (checked at {at}).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="212"/>
        <source>Đồng hồ máy tính lệch {n} phút so với máy chủ. Giấy tiếp nhận ghi giờ của máy này: hãy chỉnh lại đồng hồ.</source>
        <translation>This PC&apos;s clock is {n} minutes off the server&apos;s. Receipts are stamped with this PC&apos;s time: please correct the clock.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="215"/>
        <source>{n} cập nhật từ tỉnh chỉ được ghi vào lịch sử hồ sơ, không đổi được trạng thái tại quầy (xem lịch sử hồ sơ).</source>
        <translation>{n} updates from the province were only added to the dossier history and could not change the status at the counter (see the dossier history).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="244"/>
        <source>Sự kiện bị từ chối (không tự gửi lại): {n}</source>
        <translation>Rejected events (not resent automatically): {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="273"/>
        <source>Đã đưa {n} sự kiện trở lại hàng chờ gửi.</source>
        <translation>Put {n} events back in the sending queue.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="288"/>
        <source>Xuất tệp đồng bộ</source>
        <translation>Export sync file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="289"/>
        <location filename="../../intake_app/ui/sync/screen.py" line="295"/>
        <source>Tệp đồng bộ (*.json.gz *.gz);;Tất cả (*)</source>
        <translation>Sync files (*.json.gz *.gz);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="294"/>
        <source>Nhập tệp kết quả của tỉnh</source>
        <translation>Import the province&apos;s results file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="311"/>
        <source>Không ghi được tệp {path}: {error}</source>
        <translation>Could not write the file {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="314"/>
        <source>Đã xuất {n} sự kiện chờ gửi ra tệp {path}. Các sự kiện vẫn chờ gửi cho đến khi nhập tệp kết quả của tỉnh hoặc có mạng.</source>
        <translation>Exported {n} waiting events to the file {path}. They stay waiting to be sent until the province&apos;s results file is imported or the network is back.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="331"/>
        <source>Tệp này đã được nhập trước đây; không có gì thay đổi.</source>
        <translation>This file was already imported; nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="334"/>
        <source>Đã nhập tệp kết quả: {d} sự kiện đã gửi, {r} bị từ chối.</source>
        <translation>Results file imported: {d} events sent, {r} rejected.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsPage</name>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="45"/>
        <source>Đồng bộ với hệ thống của tỉnh</source>
        <translation>Sync with the provincial system</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="50"/>
        <source>Địa chỉ máy chủ:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="52"/>
        <source>(dùng chứng chỉ của hệ điều hành)</source>
        <translation>(use the operating system&apos;s certificates)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="54"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="59"/>
        <source>Tệp chứng chỉ CA:</source>
        <translation>CA certificate file:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="62"/>
        <source>Mã do tỉnh cấp cho quầy này</source>
        <translation>Code issued by the province for this counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="63"/>
        <source>Lưu mã</source>
        <translation>Save code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="68"/>
        <source>Mã truy cập:</source>
        <translation>Access code:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="84"/>
        <source>Đã có mã trong kho mật khẩu của máy.</source>
        <translation>A code is stored in this PC&apos;s password store.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="87"/>
        <source>Chưa có mã truy cập.</source>
        <translation>No access code yet.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="96"/>
        <source>Chọn tệp chứng chỉ CA</source>
        <translation>Choose the CA certificate file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="97"/>
        <source>Chứng chỉ PEM (*.pem *.crt *.cer);;Tất cả (*)</source>
        <translation>PEM certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>WatchModel</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="57"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="57"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="57"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="58"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="60"/>
        <source>Trễ hạn (làm việc)</source>
        <translation>Late by (working time)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="62"/>
        <source>Yêu cầu bổ sung lúc</source>
        <translation>Papers requested at</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="126"/>
        <source>Trạng thái: %s</source>
        <translation>Status: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="128"/>
        <source>Đang ở: %s</source>
        <translation>Now with: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="130"/>
        <source>Hẹn trả: %s</source>
        <translation>Due: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="132"/>
        <source>Trễ %s làm việc</source>
        <translation>Late by %s of working time</translation>
    </message>
</context>
<context>
    <name>run_app</name>
    <message>
        <location filename="../../intake_app/ui/app.py" line="69"/>
        <source>Không mở được thư mục dữ liệu {path}:
{error}</source>
        <translation>Cannot open the data folder {path}:
{error}</translation>
    </message>
</context>
</TS>
