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
        <location filename="../../intake_app/ui/app.py" line="154"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving clerk</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="160"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="162"/>
        <source>Bắt đầu làm việc</source>
        <translation>Start working</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="164"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="170"/>
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
        <location filename="../../intake_app/ui/find/results_model.py" line="43"/>
        <source>quá hạn</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="45"/>
        <source>sắp đến hạn</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="52"/>
        <source>Không hẹn</source>
        <translation>No due date</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="74"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="187"/>
        <source>Hồ sơ %s</source>
        <translation>Dossier %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="86"/>
        <source>Thông tin hồ sơ</source>
        <translation>Dossier details</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="93"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="93"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="94"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="94"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="95"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="95"/>
        <source>Chủ hồ sơ</source>
        <translation>Dossier owner</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="96"/>
        <source>Hình thức nộp</source>
        <translation>Submitted via</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="96"/>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="101"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="101"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="102"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="102"/>
        <source>Ngày trả kết quả</source>
        <translation>Handed back</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="103"/>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="103"/>
        <source>Sổ theo dõi</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="104"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="104"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="126"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="115"/>
        <source>Tên giấy tờ</source>
        <translation>Document name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="115"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="115"/>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="115"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="125"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="125"/>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="125"/>
        <source>Nội dung</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="141"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="284"/>
        <source>In lại giấy tiếp nhận (bản sao)</source>
        <translation>Reprint the receipt (copy)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="142"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="143"/>
        <source>Trả kết quả (F4)</source>
        <translation>Hand back (F4)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="144"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="192"/>
        <source>Chính người nộp hồ sơ</source>
        <translation>The applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="196"/>
        <source>Không thu</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="215"/>
        <source>Không có ngày hẹn trả</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="218"/>
        <source>Quyển số %1, số thứ tự %2</source>
        <translation>Book %1, entry %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="226"/>
        <source>Giấy tờ đã nộp (%n)</source>
        <translation>
            <numerusform>Documents handed in (%n)</numerusform>
            <numerusform>Documents handed in (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="233"/>
        <source>Lịch sử xử lý (%n)</source>
        <translation>
            <numerusform>History (%n)</numerusform>
            <numerusform>History (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="246"/>
        <source>Hồ sơ đang ở trạng thái «%s»: không thể trả kết quả.</source>
        <translation>The dossier&apos;s status is “%s”: its result cannot be handed back.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="262"/>
        <source>Trực tiếp tại Bộ phận Một cửa</source>
        <translation>In person at the one-stop-shop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="263"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="264"/>
        <source>Qua dịch vụ bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="269"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop-shop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="270"/>
        <source>Qua dịch vụ bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="275"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="276"/>
        <source>Bản sao chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="277"/>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="282"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="283"/>
        <source>Trả kết quả</source>
        <translation>Result handed back</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="303"/>
        <source>Không ghi được bản sao giấy tiếp nhận: %s</source>
        <translation>Could not write the receipt copy: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="307"/>
        <source>Đã tạo bản sao giấy tiếp nhận: %s</source>
        <translation>Receipt copy created: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="317"/>
        <source>Đã tạo bản sao nhưng không xem được (%s). Tệp: %s</source>
        <translation>The copy was created but cannot be shown (%s). File: %s</translation>
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
    <name>FindScreen</name>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="58"/>
        <source>Tra cứu hồ sơ</source>
        <translation>Find a dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="66"/>
        <source>Mã hồ sơ, họ tên (gõ có dấu hoặc không dấu), số CCCD hoặc số điện thoại</source>
        <translation>Dossier code, name (accents optional), ID number or phone number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="70"/>
        <source>Tìm (Enter)</source>
        <translation>Find (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="89"/>
        <source>Xem hồ sơ (Enter)</source>
        <translation>Open dossier (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="94"/>
        <source>Tìm:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="99"/>
        <source>Chú thích màu:</source>
        <translation>Colours:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="101"/>
        <source>Sắp đến hạn (hẹn trả hôm nay hoặc ngày làm việc tiếp theo)</source>
        <translation>Due soon (due today or the next working day)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="103"/>
        <source>Quá hạn hẹn trả</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="105"/>
        <source>↓ chọn trong danh sách · Enter xem hồ sơ</source>
        <translation>↓ choose in the list · Enter opens the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="182"/>
        <source>Nhập mã hồ sơ, họ tên, số CCCD hoặc số điện thoại.</source>
        <translation>Enter a dossier code, a name, an ID number or a phone number.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="185"/>
        <source>Gõ ít nhất %d ký tự để tìm.</source>
        <translation>Type at least %d characters to search.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="203"/>
        <source>Không có hồ sơ mã %s.</source>
        <translation>There is no dossier with the code %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="205"/>
        <source>Không tìm thấy hồ sơ nào khớp với «%s».</source>
        <translation>No dossier matches “%s”.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="208"/>
        <source>Hiện %d hồ sơ mới nhất; gõ thêm để thu hẹp kết quả.</source>
        <translation>Showing the %d newest dossiers; type more to narrow the results.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/screen.py" line="211"/>
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
        <location filename="../../intake_app/ui/handback/screen.py" line="50"/>
        <source>Trả kết quả</source>
        <translation>Hand back a result</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="57"/>
        <source>Quét mã vạch trên giấy hẹn hoặc gõ mã hồ sơ</source>
        <translation>Scan the barcode on the appointment slip or type the dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="59"/>
        <source>Tìm hồ sơ (Enter)</source>
        <translation>Find dossier (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="62"/>
        <source>Mã hồ sơ:</source>
        <translation>Dossier code:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="71"/>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="75"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="75"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="76"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="76"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="77"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="77"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="78"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="88"/>
        <source>Người nhận kết quả</source>
        <translation>Result received by</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="90"/>
        <source>Người nhận là người nộp hồ sơ</source>
        <translation>The receiver is the applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="93"/>
        <source>Họ và tên người nhận</source>
        <translation>Receiver&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="95"/>
        <source>Số CCCD / số định danh người nhận</source>
        <translation>Receiver&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="98"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="99"/>
        <source>Số CCCD:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="100"/>
        <source>Thời điểm trả:</source>
        <translation>Handed back at:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="102"/>
        <source>Xác nhận trả kết quả (Ctrl+Enter)</source>
        <translation>Confirm hand-back (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="176"/>
        <source>Quét hoặc gõ mã hồ sơ rồi nhấn Enter.</source>
        <translation>Scan or type the dossier code, then press Enter.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="180"/>
        <source>«%s» không phải là một mã hồ sơ đầy đủ. Để tìm theo tên, số CCCD hoặc số điện thoại, hãy dùng Tra cứu (F3).</source>
        <translation>“%s” is not a complete dossier code. To search by name, ID number or phone number, use Find (F3).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="188"/>
        <source>Không có hồ sơ mã %s.</source>
        <translation>There is no dossier with the code %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="223"/>
        <source>Hồ sơ này đã được trả kết quả lúc %s; không thể trả lại lần nữa.</source>
        <translation>This dossier&apos;s result was handed back at %s; it cannot be handed back again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="225"/>
        <source>Không thể trả kết quả: hồ sơ đang ở trạng thái «%s».</source>
        <translation>The result cannot be handed back: the dossier&apos;s status is “%s”.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="300"/>
        <source>Đã trả kết quả hồ sơ %1 lúc %2</source>
        <translation>Result of dossier %1 handed back at %2</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="98"/>
        <source>Thủ tục *</source>
        <translation>Procedure *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="110"/>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="111"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="112"/>
        <source>Bưu chính</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="115"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop-shop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="116"/>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="120"/>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="121"/>
        <source>Kênh tiếp nhận</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="122"/>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="123"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="132"/>
        <source>Thành phần hồ sơ (đánh dấu giấy tờ đã nhận)</source>
        <translation>Documents (tick those received)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="199"/>
        <source>Chọn thủ tục trong danh sách gợi ý (gõ vài chữ rồi nhấn Enter).</source>
        <translation>Choose the procedure from the suggestions (type a few letters, then press Enter).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="348"/>
        <source>Không tiếp nhận được</source>
        <translation>The dossier could not be received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="349"/>
        <source>Hồ sơ chưa được lưu: {0}</source>
        <translation>The dossier was not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="358"/>
        <source>Vừa tiếp nhận: {0}
{1}</source>
        <translation>Just received: {0}
{1}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="373"/>
        <source>Hồ sơ {0} đã được tiếp nhận và lưu, nhưng chưa ghi được giấy tiếp nhận. Hãy in lại giấy tiếp nhận từ hồ sơ.</source>
        <translation>Dossier {0} was received and saved, but its receipt could not be written. Reprint the receipt from the dossier.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="381"/>
        <source>Hồ sơ {0} đã được lưu nhưng không mở được giấy tiếp nhận. Hãy in lại giấy tiếp nhận từ hồ sơ.</source>
        <translation>Dossier {0} was saved but its receipt could not be opened. Reprint the receipt from the dossier.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="394"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="92"/>
        <source>Tiếp nhận hồ sơ – {unit} – Quầy {n}</source>
        <translation>Intake – {unit} – Counter {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="130"/>
        <source>Tiếp nhận (F2)</source>
        <translation>Intake (F2)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="131"/>
        <source>Tra cứu (F3)</source>
        <translation>Find (F3)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="132"/>
        <source>Trả kết quả (F4)</source>
        <translation>Hand back (F4)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="137"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="147"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="149"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="210"/>
        <source>Màn hình này chưa có trong bản này.</source>
        <translation>This screen is not in this version yet.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="213"/>
        <source>Không mở được màn hình này; lỗi đã được ghi lại.</source>
        <translation>This screen could not be opened; the error has been logged.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="237"/>
        <source>Không tìm thấy hồ sơ có mã {code}.</source>
        <translation>No dossier has the code {code}.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="243"/>
        <source>Không mở được hồ sơ {code}.</source>
        <translation>The dossier {code} could not be opened.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="263"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../intake_app/ui/intake/procedure_picker.py" line="23"/>
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
    <name>ResultsModel</name>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="64"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="64"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="64"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="65"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="65"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="65"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="291"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="298"/>
        <source>Ngôn ngữ mới được dùng từ lần mở ứng dụng tiếp theo.</source>
        <translation>The new language is used from the next time the app is opened.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="302"/>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="304"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="305"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="105"/>
        <location filename="../../intake_app/ui/setup_dialog.py" line="147"/>
        <source>Thiết lập quầy tiếp nhận</source>
        <translation>Set up the intake counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="114"/>
        <source>Ví dụ: UBND phường Phong Quảng</source>
        <translation>E.g. UBND phường Phong Quảng</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="116"/>
        <source>Gõ tên để tìm, không cần dấu</source>
        <translation>Type a name to search, accents optional</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="118"/>
        <source>Chọn tỉnh, thành phố trước</source>
        <translation>Choose the province first</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="133"/>
        <source>Mã định danh đơn vị:</source>
        <translation>Unit code:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="134"/>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="135"/>
        <source>Tỉnh, thành phố:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="136"/>
        <source>Xã, phường:</source>
        <translation>Commune / ward:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="137"/>
        <source>Số quầy (1–9):</source>
        <translation>Counter number (1–9):</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="138"/>
        <source>Tên bộ phận:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="141"/>
        <source>Thiết lập</source>
        <translation>Set up</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="143"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="149"/>
        <source>Thư mục dữ liệu này chưa được thiết lập. Nhập thông tin của đơn vị và quầy tiếp nhận; việc này chỉ làm một lần trên máy này.</source>
        <translation>This data folder is not set up yet. Enter the unit and the intake counter; this is done only once on this PC.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="169"/>
        <source>Sai dạng NNN.NN.NN.XNN (ví dụ 000.00.12.H56)</source>
        <translation>Wrong format NNN.NN.NN.XNN (e.g. 000.00.12.H56)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="179"/>
        <source>tỉnh, thành phố</source>
        <translation>a province</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="180"/>
        <source>xã, phường</source>
        <translation>a commune or ward</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="182"/>
        <source>Hãy chọn {what}.</source>
        <translation>Please choose {what}.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_dialog.py" line="182"/>
        <source> và </source>
        <translation> and </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="31"/>
        <source>Quầy số {n}</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="33"/>
        <source>Cán bộ: {name}</source>
        <translation>Clerk: {name}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="58"/>
        <source>Chờ đồng bộ: {n}</source>
        <translation>Waiting to sync: {n}</translation>
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
    <name>run_app</name>
    <message>
        <location filename="../../intake_app/ui/app.py" line="68"/>
        <source>Không mở được thư mục dữ liệu {path}:
{error}</source>
        <translation>Cannot open the data folder {path}:
{error}</translation>
    </message>
</context>
</TS>
