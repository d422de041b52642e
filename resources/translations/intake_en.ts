<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="199"/>
        <source>Tài khoản quản trị hệ thống</source>
        <translation>System administrator account</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="200"/>
        <source>Người của bộ phận CNTT: tạo tài khoản, sao lưu, đồng bộ.</source>
        <translation>For IT staff: creates accounts, handles backups and sync.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="204"/>
        <source>ví dụ: cntt.bao</source>
        <translation>e.g. cntt.bao</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="206"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="209"/>
        <source>ít nhất 10 ký tự; một câu ngắn dễ nhớ</source>
        <translation>at least 10 characters; a short, memorable sentence</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="213"/>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="214"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="215"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="216"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Confirm password:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="221"/>
        <source>Thư mục dữ liệu này đã có tài khoản quản trị: {names}. Không cần tạo thêm; bấm Tiếp theo.</source>
        <translation>This data folder already has an administrator account: {names}. No need to create another; click Next.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="227"/>
        <source>Mật khẩu do chính người quản trị đặt và không in ra ở đâu cả (kể cả tờ thiết lập): hãy ghi nhớ. Có thể là một câu ngắn có dấu, ví dụ “mùa thu hà nội đẹp”.</source>
        <translation>The administrator chooses the password, and it is never printed anywhere (not even on the set-up sheet): remember it. It can be a short sentence with Vietnamese accents, e.g. “mùa thu hà nội đẹp”.</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="42"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="48"/>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="153"/>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="221"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="50"/>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="50"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="51"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="58"/>
        <source>Số nhà, đường, thôn, tổ dân phố</source>
        <translation>House number, street, village, residential group</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="61"/>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="63"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="64"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="65"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="66"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="67"/>
        <source>Tỉnh, thành phố</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="68"/>
        <source>Xã, phường</source>
        <translation>Commune / ward</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="69"/>
        <source>Địa chỉ *</source>
        <translation>Address *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="71"/>
        <source>Chủ hồ sơ khác người nộp</source>
        <translation>Dossier owner is not the applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="77"/>
        <source>Chủ hồ sơ *</source>
        <translation>Dossier owner *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="282"/>
        <source>; CMND cũ %s</source>
        <translation>; old ID card (CMND) %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="283"/>
        <source>Đã đọc thẻ căn cước: %1, số %2%3.</source>
        <translation>ID card read: %1, number %2%3.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="80"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="158"/>
        <source>ngày/tháng (năm %d theo số CCCD)</source>
        <translation>day/month (year %d, from the ID number)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="196"/>
        <source>Ngày sinh ghi theo ngày/tháng/năm và phải là ngày có thật, ví dụ 02/03/1995.</source>
        <translation>Write the date of birth as day/month/year; it must be a real date, e.g. 02/03/1995.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="199"/>
        <source>Chọn tỉnh, thành phố trong danh sách gợi ý (gõ vài chữ rồi nhấn Enter).</source>
        <translation>Choose the province from the suggestions (type a few letters, then press Enter).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/applicant_form.py" line="202"/>
        <source>Chọn xã, phường trong danh sách gợi ý (chọn tỉnh trước, gõ vài chữ rồi nhấn Enter).</source>
        <translation>Choose the commune or ward from the suggestions (choose the province first, type a few letters, then press Enter).</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="85"/>
        <source>Nhật ký kiểm toán</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="89"/>
        <source>Tất cả tài khoản</source>
        <translation>All accounts</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="96"/>
        <source>Mã hồ sơ (không bắt buộc)</source>
        <translation>Dossier code (optional)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="98"/>
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="100"/>
        <source>Kiểm tra nhật ký</source>
        <translation>Verify the log</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="102"/>
        <source>Tính lại chuỗi mã kiểm tra bằng khóa của quầy: cho biết bản ghi nào bị sửa, xóa hay chèn thêm.</source>
        <translation>Recomputes the chain of check codes with the counter&apos;s key: shows which records were changed, deleted or inserted.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="106"/>
        <source>Tài khoản:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="107"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="107"/>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="115"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="115"/>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="115"/>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="115"/>
        <source>Đối tượng</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="116"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="160"/>
        <source>Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.</source>
        <translation>The end date must be on or after the start date.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="177"/>
        <source>(ứng dụng)</source>
        <translation>(app)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="184"/>
        <source>Chỉ hiện {n} bản ghi mới nhất: hãy thu hẹp bộ lọc.</source>
        <translation>Showing only the {n} newest records: narrow the filters.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="192"/>
        <source>Đang kiểm tra nhật ký kiểm toán…</source>
        <translation>Verifying the audit log…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="199"/>
        <source>Nhật ký kiểm toán nguyên vẹn: {n} bản ghi, không bản ghi nào bị sửa, xóa hay chèn thêm.</source>
        <translation>The audit log is intact: {n} records, none changed, deleted or inserted.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/audit_dialog.py" line="202"/>
        <source>Nhật ký kiểm toán đã bị thay đổi:</source>
        <translation>The audit log has been altered:</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="64"/>
        <source>Sao lưu và khôi phục</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="68"/>
        <source>Nơi sao lưu</source>
        <translation>Backup location</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="73"/>
        <source>Chọn nơi khác…</source>
        <translation>Choose another location…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="74"/>
        <source>Về mặc định</source>
        <translation>Restore default</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="89"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="89"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="89"/>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="89"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="90"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="101"/>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="102"/>
        <source>Khôi phục từ bản đã chọn…</source>
        <translation>Restore from the selected backup…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="103"/>
        <source>Khôi phục từ tệp khác…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="104"/>
        <source>Tờ thiết lập (PDF)…</source>
        <translation>Set-up sheet (PDF)…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="105"/>
        <source>Những gì đã cấu hình, nơi để dữ liệu và bản sao lưu, khóa khôi phục: in ra và cất riêng</source>
        <translation>The configuration, where the data and backups are kept, and the recovery key: print it and store it separately</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="107"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="117"/>
        <source>Hồ sơ đã cấp mã nhưng không còn trong dữ liệu (cần nhập lại)</source>
        <translation>Dossiers that were given a code but are no longer in the data (must be entered again)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="122"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="122"/>
        <source>Người nộp (theo giấy tiếp nhận)</source>
        <translation>Applicant (as on the receipt)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="122"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="123"/>
        <source>Căn cứ</source>
        <translation>Found in</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="134"/>
        <source>Tìm lại các mã đã cấp (hỏi cả hệ thống của tỉnh)</source>
        <translation>Find the codes already issued (also asks the provincial system)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="165"/>
        <source>Đang dùng nơi mặc định, cạnh thư mục dữ liệu, trên cùng ổ đĩa: chỉ giữ được dữ liệu khi cơ sở dữ liệu hỏng hoặc bị xoá, không giữ được khi hỏng ổ đĩa. Hãy chọn ổ USB hoặc ổ đĩa thứ hai.</source>
        <translation>Using the default location, next to the data folder on the same drive: it protects the data if the database is damaged or deleted, but not if the drive fails. Choose a USB drive or a second drive.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="170"/>
        <source>Nơi sao lưu nằm cùng ổ đĩa với dữ liệu: hỏng ổ là mất cả hai. Hãy chọn ổ USB hoặc ổ đĩa thứ hai.</source>
        <translation>The backups are on the same drive as the data: if the drive fails, both are lost. Choose a USB drive or a second drive.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="174"/>
        <source>Ổ đĩa khác với thư mục dữ liệu.</source>
        <translation>On a different drive from the data folder.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="177"/>
        <source>Lần sao lưu gần nhất không làm được: {why}</source>
        <translation>The last backup failed: {why}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="181"/>
        <source>Chưa có bản sao lưu nào.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="188"/>
        <source>Bản sao lưu tốt gần nhất: {time}, {n} hồ sơ (đã mở lại và kiểm tra toàn vẹn). Ứng dụng tự sao lưu mỗi ngày và khi đóng cửa sổ; giữ 7 bản hằng ngày, 4 bản hằng tuần, 12 bản hằng tháng.</source>
        <translation>Last good backup: {time}, {n} dossiers (reopened and checked for integrity). The app backs up every day and when the window is closed; it keeps 7 daily, 4 weekly and 12 monthly backups.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="221"/>
        <source>Đang tìm lại các mã đã cấp…</source>
        <translation>Finding the codes already issued…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="227"/>
        <source>giấy tiếp nhận còn lưu</source>
        <translation>saved receipt</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="228"/>
        <source>tệp mốc mã hồ sơ</source>
        <translation>dossier code marker file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="229"/>
        <source>dữ liệu cũ đã để riêng</source>
        <translation>old data set aside</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="230"/>
        <source>hệ thống của tỉnh</source>
        <translation>provincial system</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="240"/>
        <source>Không có hồ sơ nào cần nhập lại.</source>
        <translation>No dossiers need to be entered again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="241"/>
        <source>Quầy sẽ không cấp lại các mã này. Hãy nhập lại từng hồ sơ theo giấy tiếp nhận công dân đang giữ (ghi mã cũ vào phần ghi chú).</source>
        <translation>The counter will not issue these codes again. Enter each dossier again from the receipt the citizen holds (write the old code in the note).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="263"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="269"/>
        <source>Đã sao lưu và kiểm tra: {file} ({n} hồ sơ, {size}).</source>
        <translation>Backed up and checked: {file} ({n} dossiers, {size}).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="283"/>
        <source>Chọn nơi sao lưu (ổ USB hoặc ổ đĩa thứ hai)</source>
        <translation>Choose the backup location (a USB drive or a second drive)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="292"/>
        <source>Đã đổi nơi sao lưu.</source>
        <translation>Backup location changed.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="300"/>
        <source>Lưu tờ thiết lập</source>
        <translation>Save the set-up sheet</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="301"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="309"/>
        <source>Đã lưu tờ thiết lập {path}. Hãy in ra, cất riêng, rồi xoá tệp này: nó chứa khóa khôi phục.</source>
        <translation>Set-up sheet saved to {path}. Print it, store it separately, then delete this file: it contains the recovery key.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="315"/>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="316"/>
        <source>Bản sao lưu (*.intake-backup)</source>
        <translation>Backups (*.intake-backup)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="326"/>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="327"/>
        <source>Khôi phục quầy từ bản sao lưu {file}?

Dữ liệu hiện tại được chuyển sang thư mục set-aside trong thư mục dữ liệu (không bị xoá). Các hồ sơ tiếp nhận sau thời điểm sao lưu sẽ được liệt kê để nhập lại; quầy không cấp lại mã của chúng.

Ứng dụng sẽ đóng sau khi khôi phục; hãy đóng mọi cửa sổ ứng dụng khác trên máy này trước.</source>
        <translation>Restore the counter from the backup {file}?

The current data is moved to the set-aside folder inside the data folder (it is not deleted). Dossiers received after the backup was made will be listed so they can be entered again; the counter will not issue their codes again.

The app closes after the restore; close every other window of the app on this PC first.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="332"/>
        <source>Khôi phục và đóng ứng dụng</source>
        <translation>Restore and close the app</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="334"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="359"/>
        <source>Chưa khôi phục được: {why}

Dữ liệu hiện tại không thay đổi. Ứng dụng sẽ đóng; hãy mở lại.</source>
        <translation>The restore failed: {why}

The current data is unchanged. The app will close; please open it again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="367"/>
        <source>Đã khôi phục từ bản sao lưu lúc {time} ({n} hồ sơ). Dữ liệu cũ nằm trong {aside}.
{missing}
Ứng dụng sẽ đóng; hãy mở lại.</source>
        <translation>Restored from the backup made at {time} ({n} dossiers). The old data is in {aside}.
{missing}
The app will close; please open it again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="371"/>
        <source>{n} hồ sơ tiếp nhận sau thời điểm đó cần nhập lại (Cài đặt → Sao lưu và khôi phục).</source>
        <translation>{n} dossiers received after that time must be entered again (Settings → Backup and restore).</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="315"/>
        <source>Nơi sao lưu</source>
        <translation>Backup location</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="316"/>
        <source>Tốt nhất là ổ đĩa thứ hai hoặc ổ USB luôn cắm.</source>
        <translation>Best on a second drive or a USB drive that stays plugged in.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="318"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="324"/>
        <source>Nơi sao lưu:</source>
        <translation>Backup location:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="332"/>
        <source>Mỗi ngày và khi đóng ứng dụng, một bản sao lưu được ghi vào đây và được kiểm tra; giữ 7 bản ngày, 4 bản tuần, 12 bản tháng.
Thư mục dữ liệu: {path}</source>
        <translation>Every day and when the app closes, a backup is written here and checked; 7 daily, 4 weekly and 12 monthly backups are kept.
Data folder: {path}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="340"/>
        <source>Chọn nơi sao lưu</source>
        <translation>Choose the backup location</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="348"/>
        <source>Nơi sao lưu này nằm trên cùng ổ đĩa với thư mục dữ liệu: hỏng ổ đĩa là mất cả dữ liệu lẫn bản sao lưu. Nên chọn ổ đĩa thứ hai hoặc ổ USB.</source>
        <translation>This backup location is on the same drive as the data folder: if the drive fails, both the data and the backups are lost. A second drive or a USB drive is better.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../intake_app/ui/backup/controller.py" line="72"/>
        <source>Đang sao lưu dữ liệu…</source>
        <translation>Backing up the data…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/controller.py" line="89"/>
        <source>Đang sao lưu dữ liệu trước khi thoát…</source>
        <translation>Backing up the data before closing…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/backup/dialog.py" line="377"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="54"/>
        <source>Lịch làm việc</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="63"/>
        <source>Nhập thông báo…</source>
        <translation>Import notice…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="65"/>
        <source>Tệp thông báo lịch làm việc có chữ ký của tỉnh hoặc nhà cung cấp phần mềm</source>
        <translation>A working-calendar notice file signed by the province or the software supplier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="68"/>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="75"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="75"/>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="75"/>
        <source>Làm việc / nghỉ</source>
        <translation>Working / day off</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="75"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="76"/>
        <source>Căn cứ</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="91"/>
        <source>Thứ Bảy, Chủ nhật là ngày nghỉ; bảng chỉ liệt kê các ngày khác với tuần làm việc thông thường. Thông báo của Chính phủ áp dụng trên ngày lễ theo luật; ngày do đơn vị tự đặt (intake-app calendar set-off/set-work) được ưu tiên nhất.</source>
        <translation>Saturday and Sunday are days off; the table lists only the days that differ from the usual working week. Government notices take precedence over the statutory holidays; days set by the unit itself (intake-app calendar set-off/set-work) take precedence over everything.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="100"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="118"/>
        <source>Đơn vị tự đặt</source>
        <translation>Set by the unit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="120"/>
        <source>Thông báo %s</source>
        <translation>Notice %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="121"/>
        <source>Luật: %s</source>
        <translation>Law: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="134"/>
        <source>Nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="134"/>
        <source>Làm việc</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="150"/>
        <source>Chọn tệp thông báo lịch làm việc</source>
        <translation>Choose a working-calendar notice file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="151"/>
        <source>Tệp thông báo (*.json)</source>
        <translation>Notice files (*.json)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="175"/>
        <source>Thông báo %s đã được nhập trước đây; lịch không thay đổi.</source>
        <translation>Notice %s was already imported; the calendar has not changed.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="178"/>
        <source>Đã áp dụng thông báo %s.</source>
        <translation>Notice %s applied.</translation>
    </message>
</context>
<context>
    <name>CashSheetDialog</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="56"/>
        <source>Bảng kê nộp tiền phí, lệ phí</source>
        <translation>Cash handover sheet for fees and charges</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="58"/>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="80"/>
        <source>Tất cả cán bộ</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="59"/>
        <source>Cán bộ tiếp nhận:</source>
        <translation>Receiving clerk:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="60"/>
        <source>Tiền mặt thu tại quầy theo từng ngày và từng cán bộ, để nộp cho kế toán hoặc thủ quỹ; chuyển khoản và thanh toán trực tuyến ghi riêng.</source>
        <translation>Cash taken at the counter, by day and by clerk, to hand over to the accountant or cashier; bank transfers and online payments are listed separately.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="66"/>
        <source>Lưu tệp… (Enter)</source>
        <translation>Save file… (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="86"/>
        <source>bảng kê tiền phí, lệ phí</source>
        <translation>fees cash sheet</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="100"/>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="100"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="100"/>
        <source>Bản sao</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="101"/>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="101"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="119"/>
        <source>+ Thêm giấy tờ khác (Ctrl+G)</source>
        <translation>+ Add another document (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="123"/>
        <source>Chọn thủ tục để hiện danh mục giấy tờ.</source>
        <translation>Choose a procedure to list its documents.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="194"/>
        <source>Tên giấy tờ</source>
        <translation>Document name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="204"/>
        <source>Đánh dấu đã nhận (phím cách)</source>
        <translation>Mark as received (Space)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/checklist.py" line="347"/>
        <source>(giấy tờ chưa có tên)</source>
        <translation>(unnamed document)</translation>
    </message>
</context>
<context>
    <name>CommuneEdit</name>
    <message>
        <location filename="../../intake_app/ui/intake/address_picker.py" line="79"/>
        <source>Gõ tên xã, phường</source>
        <translation>Type the commune or ward name</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="249"/>
        <source>Kết nối với tỉnh (có thể bỏ qua)</source>
        <translation>Connection to the province (optional)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="250"/>
        <source>Cổng đồng bộ của tỉnh.</source>
        <translation>The provincial sync gateway.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="254"/>
        <source>Địa chỉ máy chủ đồng bộ:</source>
        <translation>Sync server address:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="258"/>
        <source>Để trống nếu chưa có: quầy vẫn tiếp nhận bình thường và gửi hồ sơ lên khi đã cấu hình. Chỉ dùng https://. Mã truy cập của quầy do tỉnh cấp được nhập sau, ở Cài đặt → Đồng bộ (hoặc intake-app sync set-token).

Quầy trong một văn phòng có máy chủ văn phòng: bỏ qua bước này; sau khi thiết lập, ghép nối với máy chủ văn phòng bằng mã ghép nối nó cấp (intake-app hub join ĐỊA_CHỈ MÃ).</source>
        <translation>Leave empty if you do not have one yet: the counter takes in dossiers as usual and sends them once this is set. Only https:// is accepted. The counter&apos;s access code issued by the province is entered later, in Settings → Sync (or with intake-app sync set-token).

A counter in an office with an office server: skip this step; after set-up, pair it with the office server using the pairing code the server gives (intake-app hub join ADDRESS CODE).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="263"/>
        <source>Bỏ qua bước này</source>
        <translation>Skip this step</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="154"/>
        <source>Sửa thông tin hồ sơ %s</source>
        <translation>Correct dossier %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="158"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Tiếp nhận %3; hẹn trả %4. Thủ tục và thời gian tiếp nhận không sửa được (nếu sai: từ chối và tiếp nhận hồ sơ mới).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Received %3; due %4. The procedure and the time of receipt cannot be corrected (if they are wrong: refuse it and take in a new dossier).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="186"/>
        <source>Thủ tục không còn trong danh mục: chỉ sửa được các giấy tờ đã ghi.</source>
        <translation>The procedure is no longer in the catalogue: only the documents already listed can be corrected.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="187"/>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier documents</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="198"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="199"/>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="206"/>
        <source>Ví dụ: gõ nhầm họ tên; bổ sung giấy tờ đã nộp</source>
        <translation>E.g. name mistyped; supplement to the documents handed in</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="208"/>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="209"/>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="210"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="211"/>
        <source>&amp;Lý do sửa *</source>
        <translation>&amp;Reason for correction *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="229"/>
        <source>Những gì thay đổi</source>
        <translation>What changes</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="233"/>
        <source>Công dân được biết (in trên giấy tiếp nhận cấp lại):</source>
        <translation>What the citizen is told (printed on the reissued receipt):</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="238"/>
        <source>Lưu và cấp lại giấy tiếp nhận (Ctrl+Enter)</source>
        <translation>Save and reissue the receipt (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="241"/>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="362"/>
        <source>&lt;i&gt;Chưa có thay đổi nào.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nothing has changed yet.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="367"/>
        <source>Thông tin</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="367"/>
        <source>Trước</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="368"/>
        <source>Sau</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="371"/>
        <source>Phí, lệ phí:</source>
        <translation>Fees and charges:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="377"/>
        <source>Phí, lệ phí không đổi.</source>
        <translation>Fees and charges are unchanged.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="382"/>
        <source>Giấy tiếp nhận được cấp lại, thay cho giấy đã cấp (giấy cũ không còn giá trị). Thời gian trả kết quả không thay đổi: %s.</source>
        <translation>The receipt is reissued and replaces the one issued before (the old one is no longer valid). The date for handing back the result is unchanged: %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="384"/>
        <source>không có ngày hẹn trả</source>
        <translation>no due date</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="421"/>
        <source>Hãy ghi lý do sửa thông tin hồ sơ (lưu vào lịch sử và sổ theo dõi).</source>
        <translation>Give the reason for the correction (it is saved in the history and the dossier log).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="432"/>
        <source>Đang lưu bản sửa và cấp lại giấy tiếp nhận…</source>
        <translation>Saving the correction and reissuing the receipt…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="451"/>
        <source>Chưa lưu bản sửa</source>
        <translation>Correction not saved</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="452"/>
        <source>Các thông tin đã sửa chưa được lưu. Bỏ các thay đổi này?</source>
        <translation>The corrections have not been saved. Discard these changes?</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="454"/>
        <source>Ở lại (Esc)</source>
        <translation>Stay (Esc)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="455"/>
        <source>Bỏ thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/correction_dialog.py" line="477"/>
        <source>Chưa lưu: %s</source>
        <translation>Not saved: %s</translation>
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
    <name>DoctorDialog</name>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="46"/>
        <source>Kiểm tra hệ thống</source>
        <translation>System check</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="49"/>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="90"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="69"/>
        <source>Kiểm tra lại</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="70"/>
        <source>Lưu gói gửi hỗ trợ…</source>
        <translation>Save support package…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="72"/>
        <source>Báo cáo kiểm tra và nhật ký của ứng dụng, đã bỏ họ tên, địa chỉ, số định danh, số điện thoại và thư điện tử của công dân</source>
        <translation>The check report and the app&apos;s log, with citizens&apos; names, addresses, ID numbers, phone numbers and email addresses removed</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="74"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="100"/>
        <source>Đang kiểm tra hệ thống…</source>
        <translation>Checking the system…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="115"/>
        <source>Mọi mục đều ổn.</source>
        <translation>Everything is fine.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="117"/>
        <source>{p} lỗi, {w} cảnh báo.</source>
        <translation>{p} problems, {w} warnings.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="152"/>
        <source>Lưu gói gửi hỗ trợ</source>
        <translation>Save support package</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="153"/>
        <source>Tệp ZIP (*.zip)</source>
        <translation>ZIP files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/doctor/dialog.py" line="167"/>
        <source>Đã lưu gói gửi hỗ trợ: {file}</source>
        <translation>Support package saved: {file}</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="166"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="327"/>
        <source>Hồ sơ %s</source>
        <translation>Dossier %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="178"/>
        <source>Thông tin hồ sơ</source>
        <translation>Dossier details</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="186"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="186"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="187"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="433"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="187"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="188"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="188"/>
        <source>Chủ hồ sơ</source>
        <translation>Dossier owner</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="189"/>
        <source>Hình thức nộp</source>
        <translation>Submitted via</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="189"/>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="192"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="192"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="193"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="193"/>
        <source>Ngày trả kết quả</source>
        <translation>Handed back</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="194"/>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="194"/>
        <source>Sổ theo dõi</source>
        <translation>Dossier log</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="195"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="195"/>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="223"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="212"/>
        <source>Tên giấy tờ</source>
        <translation>Document name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="212"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="212"/>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="212"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="222"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="222"/>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="222"/>
        <source>Nội dung</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="238"/>
        <source>In giấy tiếp nhận (Ctrl+P)</source>
        <translation>Print receipt (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="240"/>
        <source>Bản gốc nếu chưa in được lần nào; đã in rồi thì in bản sao</source>
        <translation>The original if it has never been printed; otherwise a copy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="242"/>
        <source>Chuyển bước… (Ctrl+B)</source>
        <translation>Next step… (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="243"/>
        <source>Hẹn lại ngày trả… (Ctrl+H)</source>
        <translation>New appointment… (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="244"/>
        <source>Sửa thông tin… (Ctrl+E)</source>
        <translation>Correct details… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="247"/>
        <source>In phiếu (Ctrl+I)</source>
        <translation>Print slip (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="260"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="403"/>
        <source>Sửa thông tin người nộp, chủ hồ sơ, giấy tờ, nơi nhận kết quả, ghi chú; giấy tiếp nhận được cấp lại</source>
        <translation>Correct the applicant, dossier owner, documents, result delivery or note; the receipt is reissued</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="434"/>
        <source>Số hộ chiếu</source>
        <translation>Passport number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="435"/>
        <source>Mã số thuế</source>
        <translation>Tax ID</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="436"/>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="463"/>
        <source>In lại giấy tiếp nhận (bản sao)</source>
        <translation>Reprint the receipt (copy)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="478"/>
        <source>Sửa thông tin hồ sơ</source>
        <translation>Correct the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="528"/>
        <source>Bản gốc giấy tiếp nhận chưa được in: in bản gốc.</source>
        <translation>The original receipt has not been printed yet: printing the original.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="555"/>
        <source>Đã tạo bản sao nhưng không xem được. Tệp: %s</source>
        <translation>The copy was created but cannot be shown. File: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="602"/>
        <source>Đã lưu bản sửa (%1 thông tin) nhưng chưa tạo được giấy tiếp nhận cấp lại lần %2: hãy in lại (Ctrl+P).</source>
        <translation>The correction was saved (%1 fields), but reissued receipt no. %2 could not be made: print it again (Ctrl+P).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="607"/>
        <source>Đã sửa %1 thông tin; giấy tiếp nhận cấp lại lần %2.</source>
        <translation>%1 fields corrected; receipt reissued (no. %2).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="617"/>
        <source>Đã lưu bản sửa nhưng không xem được giấy tiếp nhận. Tệp: %s</source>
        <translation>The correction was saved, but the receipt cannot be shown. File: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="702"/>
        <source>Đã tạo phiếu nhưng không xem được. Tệp: %s</source>
        <translation>The slip was created but cannot be shown. File: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="241"/>
        <source>Trả kết quả (F4)</source>
        <translation>Hand back (F4)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="476"/>
        <source>In phiếu</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="332"/>
        <source>Chính người nộp hồ sơ</source>
        <translation>The applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="336"/>
        <source>Không thu</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="359"/>
        <source>Không có ngày hẹn trả</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="362"/>
        <source>Quyển số %1, số thứ tự %2</source>
        <translation>Book %1, entry %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="371"/>
        <source>Giấy tờ đã nộp (%n)</source>
        <translation>
            <numerusform>Documents handed in (%n)</numerusform>
            <numerusform>Documents handed in (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="378"/>
        <source>Lịch sử xử lý (%n)</source>
        <translation>
            <numerusform>History (%n)</numerusform>
            <numerusform>History (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="392"/>
        <source>Hồ sơ đang ở trạng thái «%s»: không thể trả kết quả.</source>
        <translation>The dossier&apos;s status is “%s”: its result cannot be handed back.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="408"/>
        <source>Chuyển hồ sơ sang bước xử lý tiếp theo</source>
        <translation>Move the dossier to its next step</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="409"/>
        <source>Hồ sơ ở trạng thái «%s» đã kết thúc: không còn bước nào.</source>
        <translation>The dossier is «%s»: it is closed, no step is left.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="414"/>
        <source>Hẹn ngày trả mới và in Phiếu xin lỗi (Mẫu 04)</source>
        <translation>Set a new appointment and print the apology slip (Form 04)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="415"/>
        <source>Chỉ hẹn lại được hồ sơ đang giải quyết và có ngày hẹn trả.</source>
        <translation>Only a dossier still being processed, with an appointment, can get a new one.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="441"/>
        <source>Trực tiếp tại Bộ phận Một cửa</source>
        <translation>In person at the one-stop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="442"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="443"/>
        <source>Qua dịch vụ bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="448"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="449"/>
        <source>Qua dịch vụ bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="454"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="455"/>
        <source>Bản sao chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="456"/>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="461"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="462"/>
        <source>Trả kết quả</source>
        <translation>Result handed back</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="464"/>
        <source>In giấy tiếp nhận (bản gốc)</source>
        <translation>Print the receipt (original)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="465"/>
        <source>Tiếp nhận hồ sơ trực tuyến</source>
        <translation>Online application received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="466"/>
        <source>Chuyển xử lý</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="467"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Papers requested</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="468"/>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="469"/>
        <source>Yêu cầu nghĩa vụ tài chính</source>
        <translation>Financial obligation requested</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="470"/>
        <source>Đã thực hiện nghĩa vụ tài chính</source>
        <translation>Financial obligation fulfilled</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="471"/>
        <source>Đã xử lý xong</source>
        <translation>Done, result ready</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="472"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="473"/>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the citizen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="474"/>
        <source>Dừng giải quyết</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="475"/>
        <source>Hẹn lại ngày trả</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="477"/>
        <source>Cập nhật từ tỉnh</source>
        <translation>Update from the province</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="530"/>
        <source>Đã tạo bản sao giấy tiếp nhận: %s</source>
        <translation>Receipt copy created: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="661"/>
        <source>Đã hẹn lại ngày trả kết quả: %s.</source>
        <translation>New appointment set: %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="663"/>
        <source>Đã chuyển hồ sơ sang «%s».</source>
        <translation>The dossier is now «%s».</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="672"/>
        <source>In %s</source>
        <translation>Print: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/dossier_dialog.py" line="688"/>
        <source>Đã tạo %1: %2</source>
        <translation>Made %1: %2</translation>
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
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="107"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="113"/>
        <source>PDF (để in)</source>
        <translation>PDF (to print)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="113"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="114"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="125"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="126"/>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="133"/>
        <source>Lưu tệp…</source>
        <translation>Save file…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="135"/>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="136"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="137"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="138"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="214"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="214"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="215"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="227"/>
        <source>Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.</source>
        <translation>The end date must be on or after the start date.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="248"/>
        <source>Đang tạo tệp %s…</source>
        <translation>Writing %s…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="264"/>
        <source>không ghi được tệp %s (thư mục không có, không được phép ghi, hoặc ổ đĩa đã đầy)</source>
        <translation>could not write the file %s (the folder does not exist, writing is not allowed, or the drive is full)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="268"/>
        <source>Không lưu được %1: %2</source>
        <translation>Could not save the %1: %2</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="281"/>
        <source>Đã lưu %1 vào %2</source>
        <translation>Saved the %1 to %2</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="294"/>
        <source>Không in được (kiểm tra máy in). Tệp vẫn được lưu ở %s.</source>
        <translation>Could not print (check the printer). The file is still saved at %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="297"/>
        <source>Đã gửi %s tới máy in.</source>
        <translation>Sent %s to the printer.</translation>
    </message>
</context>
<context>
    <name>ExtendDueDialog</name>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="52"/>
        <source>Hẹn lại ngày trả kết quả — hồ sơ %s</source>
        <translation>New appointment — dossier %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="60"/>
        <source>Hẹn trả hiện tại: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Current appointment: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="61"/>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="76"/>
        <source>lúc</source>
        <translation>at</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="82"/>
        <source>Bắt buộc: được in trên phiếu xin lỗi</source>
        <translation>Required: printed on the apology slip</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="86"/>
        <source>Cơ quan, đơn vị hoặc công chức để chậm trả kết quả</source>
        <translation>Agency, unit or officer responsible for the delay</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="91"/>
        <source>Ngày hẹn mới *:</source>
        <translation>New appointment *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="92"/>
        <source>Lý do chậm *:</source>
        <translation>Reason for the delay *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="93"/>
        <source>Đơn vị chịu trách nhiệm:</source>
        <translation>Responsible unit:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="95"/>
        <source>Sau khi hẹn lại, in Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) gửi công dân. Báo cáo vẫn tính hồ sơ trễ theo hạn ban đầu.</source>
        <translation>After setting it, print the apology slip with the new appointment (Form 04) for the citizen. Reports still count the dossier late against the original due date.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="107"/>
        <source>Hẹn lại (Ctrl+Enter)</source>
        <translation>Set appointment (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/extend_dialog.py" line="107"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FindScreen</name>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="81"/>
        <source>Tra cứu hồ sơ</source>
        <translation>Find a dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="86"/>
        <source>Mã hồ sơ, họ tên người nộp hoặc chủ hồ sơ (có dấu hoặc không dấu), số CCCD hoặc số điện thoại — để trống: danh sách hồ sơ trong ngày</source>
        <translation>Dossier code, name of the applicant or dossier owner (with or without accents), ID number or phone number — leave empty to list the day&apos;s dossiers</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="91"/>
        <source>Tìm (Enter)</source>
        <translation>Find (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="110"/>
        <source>Xem hồ sơ (Enter)</source>
        <translation>Open dossier (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="115"/>
        <source>Tìm:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="120"/>
        <source>Chú thích màu:</source>
        <translation>Colours:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="122"/>
        <source>Sắp đến hạn (hẹn trả hôm nay hoặc ngày làm việc tiếp theo)</source>
        <translation>Due soon (due today or the next working day)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="124"/>
        <source>Quá hạn hẹn trả</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="126"/>
        <source>↓ chọn trong danh sách · Enter xem hồ sơ</source>
        <translation>↓ choose in the list · Enter opens the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="158"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="164"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="169"/>
        <source>Tất cả thủ tục</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="174"/>
        <source>Tất cả cán bộ</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="179"/>
        <source>Ngày nhận (Ctrl+D):</source>
        <translation>Received on (Ctrl+D):</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="181"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="182"/>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="183"/>
        <source>Cán bộ:</source>
        <translation>Clerk:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/screen.py" line="325"/>
        <source>Ngày %1: %n hồ sơ%2.</source>
        <translation>
            <numerusform>%1: %n dossier%2.</numerusform>
            <numerusform>%1: %n dossiers%2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="328"/>
        <source>Ngày %1 không có hồ sơ nào%2.</source>
        <translation>No dossiers on %1%2.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="374"/>
        <source>Gõ ít nhất %d ký tự để tìm.</source>
        <translation>Type at least %d characters to search.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/screen.py" line="401"/>
        <source>Có %n hồ sơ khớp với «%1» nhưng không hồ sơ nào theo bộ lọc đang chọn.</source>
        <translation>
            <numerusform>%n dossier matches “%1”, but not with the chosen filters.</numerusform>
            <numerusform>%n dossiers match “%1”, but none with the chosen filters.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="405"/>
        <source>Không có hồ sơ mã %s.</source>
        <translation>There is no dossier with the code %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="407"/>
        <source>Không tìm thấy hồ sơ nào khớp với «%s».</source>
        <translation>No dossier matches “%s”.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/screen.py" line="410"/>
        <source>Hiện %d hồ sơ mới nhất; gõ thêm để thu hẹp kết quả.</source>
        <translation>Showing the %d newest dossiers; type more to narrow the results.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/find/screen.py" line="413"/>
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
        <location filename="../../intake_app/ui/handback/screen.py" line="73"/>
        <source>Trả kết quả</source>
        <translation>Hand back a result</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="76"/>
        <source>Quét mã vạch trên giấy hẹn hoặc gõ mã hồ sơ</source>
        <translation>Scan the barcode on the appointment slip or type the dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="78"/>
        <source>Tìm hồ sơ (Enter)</source>
        <translation>Find dossier (Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="81"/>
        <source>Mã hồ sơ:</source>
        <translation>Dossier code:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="90"/>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="94"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="94"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="95"/>
        <location filename="../../intake_app/ui/handback/screen.py" line="241"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="95"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="96"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="96"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="97"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="110"/>
        <source>Người nhận kết quả</source>
        <translation>Result received by</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="112"/>
        <source>Người nhận là người nộp hồ sơ</source>
        <translation>The receiver is the applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="115"/>
        <source>Họ và tên người nhận</source>
        <translation>Receiver&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="117"/>
        <source>Số CCCD / số định danh người nhận</source>
        <translation>Receiver&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="120"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="121"/>
        <source>Số CCCD:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="122"/>
        <source>Thời điểm trả:</source>
        <translation>Handed back at:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="124"/>
        <source>Xác nhận trả kết quả (Ctrl+Enter)</source>
        <translation>Confirm hand-back (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="197"/>
        <source>Quét hoặc gõ mã hồ sơ rồi nhấn Enter.</source>
        <translation>Scan or type the dossier code, then press Enter.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="202"/>
        <source>«%s» không phải là một mã hồ sơ đầy đủ. Để tìm theo tên, số CCCD hoặc số điện thoại, hãy dùng Tra cứu (F3).</source>
        <translation>“%s” is not a complete dossier code. To search by name, ID number or phone number, use Find (F3).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="215"/>
        <source>Không có hồ sơ mã %s.</source>
        <translation>There is no dossier with the code %s.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="240"/>
        <source>Số hộ chiếu</source>
        <translation>Passport number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="240"/>
        <source>Mã số thuế</source>
        <translation>Tax ID</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="255"/>
        <source>Hồ sơ này đã được trả kết quả lúc %s; không thể trả lại lần nữa.</source>
        <translation>This dossier&apos;s result was handed back at %s; it cannot be handed back again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="257"/>
        <source>Không thể trả kết quả: hồ sơ đang ở trạng thái «%s».</source>
        <translation>The result cannot be handed back: the dossier&apos;s status is “%s”.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/handback/screen.py" line="348"/>
        <source>Đã trả kết quả hồ sơ %1 lúc %2</source>
        <translation>Result of dossier %1 handed back at %2</translation>
    </message>
</context>
<context>
    <name>IdKindBox</name>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="41"/>
        <source>Loại giấy tờ tùy thân (Alt+G): CCCD/căn cước, hộ chiếu, mã số thuế của tổ chức, hoặc không có (trẻ em)</source>
        <translation>Type of identity document (Alt+G): citizen ID card, passport, an organisation&apos;s tax ID, or none (children)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="49"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="50"/>
        <source>Số hộ chiếu</source>
        <translation>Passport number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="51"/>
        <source>Mã số thuế</source>
        <translation>Tax ID</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="52"/>
        <source>Không có giấy tờ</source>
        <translation>No document</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="66"/>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="67"/>
        <source>6–9 chữ cái, chữ số</source>
        <translation>6–9 letters or digits</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="68"/>
        <source>10 chữ số (chi nhánh: -001)</source>
        <translation>10 digits (branches: -001)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/id_document.py" line="69"/>
        <source>(trẻ em, không có giấy tờ)</source>
        <translation>(child, no document)</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="168"/>
        <source>Thủ tục *</source>
        <translation>Procedure *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="180"/>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="181"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="182"/>
        <source>Bưu chính</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="185"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="186"/>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="191"/>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="192"/>
        <source>Kênh tiếp nhận</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="193"/>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="194"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="571"/>
        <source>Hồ sơ {0} đã được tiếp nhận và lưu, nhưng chưa ghi được giấy tiếp nhận. Hãy in lại giấy tiếp nhận từ hồ sơ (Tra cứu F3, mở hồ sơ, Ctrl+P).</source>
        <translation>Dossier {0} was received and saved, but its receipt could not be written. Print the receipt again from the dossier (Find F3, open the dossier, Ctrl+P).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="587"/>
        <source>Hồ sơ {0} đã được lưu nhưng không mở được giấy tiếp nhận. Hãy in lại giấy tiếp nhận từ hồ sơ (Tra cứu F3, mở hồ sơ, Ctrl+P). Tệp giấy tiếp nhận: {1}</source>
        <translation>Dossier {0} was saved, but its receipt could not be opened. Print the receipt again from the dossier (Find F3, open the dossier, Ctrl+P). Receipt file: {1}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="280"/>
        <source>Chọn thủ tục trong danh sách gợi ý (gõ vài chữ rồi nhấn Enter).</source>
        <translation>Choose the procedure from the suggestions (type a few letters, then press Enter).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="550"/>
        <source>Đã xảy ra lỗi không lường trước khi tiếp nhận (chi tiết đã được ghi vào nhật ký). Hãy tra cứu (F3) theo số CCCD để xem hồ sơ đã được lưu chưa trước khi tiếp nhận lại.</source>
        <translation>An unexpected error occurred while receiving the dossier (the details were written to the log). Search (F3) by ID number to see whether the dossier was saved before receiving it again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="553"/>
        <source>Không tiếp nhận được</source>
        <translation>The dossier could not be received</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="548"/>
        <source>Hồ sơ chưa được lưu: {0}</source>
        <translation>The dossier was not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="196"/>
        <source>Thu phí (Alt+T)</source>
        <translation>Fees (Alt+T)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="197"/>
        <source>Lý do miễn *</source>
        <translation>Reason for exemption *</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="209"/>
        <source>Thành phần hồ sơ — phím cách: đánh dấu đã nhận · Ctrl+↓ / Ctrl+↑: giấy tờ sau / trước · ← →: cột số bản</source>
        <translation>Dossier documents — Space: mark as received · Ctrl+↓ / Ctrl+↑: next / previous document · ← →: copies column</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="520"/>
        <source>Đang lưu hồ sơ…</source>
        <translation>Saving the dossier…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="535"/>
        <source>Vừa tiếp nhận: {0}
{1}</source>
        <translation>Just received: {0}
{1}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/screen.py" line="603"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>Lateness</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="42"/>
        <source>{n} ngày</source>
        <translation>{n} day(s)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="44"/>
        <source>{n} giờ</source>
        <translation>{n} hour(s)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="46"/>
        <source>dưới 1 giờ</source>
        <translation>under 1 hour</translation>
    </message>
</context>
<context>
    <name>LeaveGuard</name>
    <message>
        <location filename="../../intake_app/ui/leave_guard.py" line="51"/>
        <source>Hồ sơ đang nhập dở{0} chưa được đóng dấu tiếp nhận. Thoát sẽ bỏ toàn bộ nội dung đã nhập.</source>
        <translation>The dossier being entered{0} has not been stamped as received. Exiting discards everything entered.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/leave_guard.py" line="53"/>
        <source>Thoát, bỏ hồ sơ đang nhập</source>
        <translation>Exit and discard the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/leave_guard.py" line="65"/>
        <source>Hồ sơ đang nhập dở{0} chưa được đóng dấu tiếp nhận. Nội dung vẫn được giữ ở màn hình Tiếp nhận (F2) để nhập tiếp.</source>
        <translation>The dossier being entered{0} has not been stamped as received. What you entered is kept on the Intake screen (F2) so you can continue.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/leave_guard.py" line="67"/>
        <source>Chuyển màn hình (giữ nội dung)</source>
        <translation>Switch screen (keep the entries)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/leave_guard.py" line="73"/>
        <source>Hồ sơ chưa đóng dấu</source>
        <translation>Dossier not stamped</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/leave_guard.py" line="75"/>
        <source>Ở lại (Esc)</source>
        <translation>Stay (Esc)</translation>
    </message>
</context>
<context>
    <name>LogExportDialog</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="318"/>
        <source>In sổ theo dõi hồ sơ</source>
        <translation>Print the dossier log</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="320"/>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="347"/>
        <source>Tất cả cán bộ</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="322"/>
        <source>Cán bộ tiếp nhận:</source>
        <translation>Receiving clerk:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="323"/>
        <source>Các ngày đã qua được niêm phong (mã kiểm tra in ở cuối mỗi ngày) trước khi in.</source>
        <translation>Past days are sealed (their check code is printed at the end of each day) before printing.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="356"/>
        <source>sổ theo dõi</source>
        <translation>dossier log</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="61"/>
        <location filename="../../intake_app/ui/login/screen.py" line="101"/>
        <location filename="../../intake_app/ui/login/screen.py" line="125"/>
        <location filename="../../intake_app/ui/login/screen.py" line="126"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="64"/>
        <source>{unit} – Quầy số {n}</source>
        <translation>{unit} – Counter {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="72"/>
        <source>Tài khoản:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="76"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="83"/>
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="84"/>
        <source>Nhập lại mật khẩu mới:</source>
        <translation>Confirm new password:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="89"/>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="90"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="129"/>
        <source>Đổi mật khẩu tạm</source>
        <translation>Change your temporary password</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="130"/>
        <source>Đổi mật khẩu và vào làm việc</source>
        <translation>Change password and start working</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="132"/>
        <source>Tài khoản đang dùng mật khẩu tạm do quản trị hệ thống cấp: hãy đặt mật khẩu của riêng mình (ít nhất 10 ký tự; một câu ngắn dễ nhớ là tốt).</source>
        <translation>This account has a temporary password from the system administrator: set your own password (at least 10 characters; a short, memorable sentence works well).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="135"/>
        <source>Tạo tài khoản quản trị hệ thống</source>
        <translation>Create the system administrator account</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="136"/>
        <source>Tạo tài khoản</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="138"/>
        <source>Quầy chưa có tài khoản nào. Hãy tạo tài khoản quản trị hệ thống đầu tiên; quản trị hệ thống sẽ tạo tài khoản cho cán bộ.</source>
        <translation>This counter has no accounts yet. Create the first system administrator account; the administrator will then create the clerks&apos; accounts.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="191"/>
        <source>Hãy nhập mật khẩu.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="231"/>
        <source>Hai lần nhập mật khẩu mới không giống nhau.</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/login/screen.py" line="242"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="114"/>
        <source>Tiếp nhận hồ sơ – {unit} – Quầy {n}</source>
        <translation>Intake – {unit} – Counter {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="139"/>
        <source>Khóa màn hình (Ctrl+L)</source>
        <translation>Lock screen (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="183"/>
        <source>Tiếp nhận (F2)</source>
        <translation>Intake (F2)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="184"/>
        <source>Tra cứu (F3)</source>
        <translation>Find (F3)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="185"/>
        <source>Trả kết quả (F4)</source>
        <translation>Hand back (F4)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="186"/>
        <source>Giám sát (F5)</source>
        <translation>Supervision (F5)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="187"/>
        <source>Đồng bộ (F6)</source>
        <translation>Sync (F6)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="192"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="202"/>
        <source>Khóa (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="203"/>
        <source>Khóa màn hình; người khác đăng nhập để làm tiếp</source>
        <translation>Lock the screen; someone else can log in to carry on</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="381"/>
        <source>Màn hình này chưa có trong bản này.</source>
        <translation>This screen is not in this version yet.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="384"/>
        <source>Không mở được màn hình này; lỗi đã được ghi lại.</source>
        <translation>This screen could not be opened; the error has been logged.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="436"/>
        <source>Không tìm thấy hồ sơ có mã {code}.</source>
        <translation>No dossier has the code {code}.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="426"/>
        <source>Không mở được hồ sơ {code}.</source>
        <translation>The dossier {code} could not be opened.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="206"/>
        <source>Cài đặt (F9)</source>
        <translation>Settings (F9)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="208"/>
        <source>Thoát (Alt+F4)</source>
        <translation>Exit (Alt+F4)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="453"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NoticePreviewDialog</name>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="203"/>
        <source>Áp dụng thông báo lịch làm việc?</source>
        <translation>Apply the working-calendar notice?</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="209"/>
        <source>Ký bởi: %s</source>
        <translation>Signed by: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="214"/>
        <source>Các ngày trong thông báo:</source>
        <translation>Days in the notice:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="216"/>
        <source>nghỉ</source>
        <translation>day off</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="216"/>
        <source>làm việc</source>
        <translation>working day</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="218"/>
        <source>không đổi (đơn vị đã tự đặt ngày này)</source>
        <translation>unchanged (the unit set this day itself)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="220"/>
        <source>thay đổi</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="222"/>
        <source>như hiện nay</source>
        <translation>as now</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="227"/>
        <source>Hồ sơ đang giải quyết: %1. Hạn đã hẹn với công dân được giữ nguyên; lịch mới áp dụng cho hồ sơ tiếp nhận từ nay.</source>
        <translation>Dossiers in progress: %1. The due dates already given to citizens stay as they are; the new calendar applies to dossiers received from now on.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="230"/>
        <source>Hồ sơ chịu ảnh hưởng (%s):</source>
        <translation>Dossiers affected (%s):</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="234"/>
        <source>Không hồ sơ nào đang giải quyết bị ảnh hưởng.</source>
        <translation>No dossier in progress is affected.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="236"/>
        <source>Không tính được (thủ tục không còn trong danh mục): %s</source>
        <translation>Could not be worked out (procedure no longer in the catalogue): %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="246"/>
        <source>%1 hồ sơ có ngày hẹn trả rơi vào ngày nay là ngày nghỉ: hãy báo lại công dân (gọi điện, hoặc hẹn lại bằng văn bản xin lỗi).</source>
        <translation>%1 dossiers are due on a day that is now a day off: let the citizens know (by phone, or with a written apology and new appointment).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="251"/>
        <source>Tệp này đã được nhập trước đây.</source>
        <translation>This file was already imported.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="255"/>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/calendar/dialog.py" line="255"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../intake_app/ui/operations.py" line="134"/>
        <source>Đã xảy ra lỗi không lường trước; chi tiết đã được ghi vào nhật ký của ứng dụng. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận kỹ thuật.</source>
        <translation>An unexpected error occurred; the details were written to the app&apos;s log. Try again; if it still fails, tell technical support.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/operations.py" line="150"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/operations.py" line="152"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/operations.py" line="421"/>
        <source>Xin chờ</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/output.py" line="37"/>
        <source>In {0}</source>
        <translation>Print {0}</translation>
    </message>
</context>
<context>
    <name>PaymentChoice</name>
    <message>
        <location filename="../../intake_app/ui/intake/payment_field.py" line="34"/>
        <source>Tiền mặt tại quầy</source>
        <translation>Cash at the counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/payment_field.py" line="35"/>
        <source>Chuyển khoản</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/payment_field.py" line="36"/>
        <source>Đã thanh toán trực tuyến</source>
        <translation>Paid online</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/payment_field.py" line="37"/>
        <source>Miễn phí, lệ phí (ghi lý do)</source>
        <translation>Exempt from fees and charges (give the reason)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/payment_field.py" line="38"/>
        <source>Không thu phí, lệ phí</source>
        <translation>No fees or charges</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/payment_field.py" line="44"/>
        <source>Ví dụ: Người có công với cách mạng</source>
        <translation>E.g. person with meritorious services to the revolution</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="285"/>
        <source>Máy in giấy tiếp nhận</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="286"/>
        <source>Dùng cho giấy tiếp nhận và các phiếu; khi in vẫn chọn lại được.</source>
        <translation>Used for receipts and slips; you can still choose another one when printing.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="290"/>
        <source>Máy in mặc định của hệ điều hành</source>
        <translation>The operating system&apos;s default printer</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="292"/>
        <source>{name} (mặc định)</source>
        <translation>{name} (default)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="297"/>
        <source>Máy in:</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="302"/>
        <source>Máy tính này chưa có máy in nào. Có thể cài máy in sau; ứng dụng sẽ dùng máy in mặc định của hệ điều hành.</source>
        <translation>This PC has no printer yet. You can install one later; the app will use the operating system&apos;s default printer.</translation>
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
        <location filename="../../intake_app/ui/intake/address_picker.py" line="32"/>
        <source>Gõ tên tỉnh, thành phố</source>
        <translation>Type the province name</translation>
    </message>
</context>
<context>
    <name>ProvincialFeesDialog</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="113"/>
        <source>Mức thu phí, lệ phí do HĐND tỉnh quy định</source>
        <translation>Fees and charges set by the provincial People&apos;s Council</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="116"/>
        <source>Các thủ tục có phí, lệ phí do Hội đồng nhân dân tỉnh quy định. Chọn thủ tục (↑/↓), nhập mức thu và Nghị quyết rồi lưu (Ctrl+Enter). Hồ sơ tiếp nhận sau đó dùng mức thu mới; giấy tiếp nhận đã cấp không đổi.</source>
        <translation>Procedures whose fees and charges are set by the provincial People&apos;s Council. Choose a procedure (↑/↓), enter the amount and the resolution, then save (Ctrl+Enter). Dossiers received afterwards use the new amount; receipts already issued do not change.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="121"/>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="148"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="121"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="122"/>
        <source>Mức thu (đồng)</source>
        <translation>Amount (VND)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="122"/>
        <source>Căn cứ</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="142"/>
        <source>Ví dụ: Nghị quyết số 20/2025/NQ-HĐND ngày 10/7/2025 của HĐND tỉnh</source>
        <translation>E.g. Resolution No. 20/2025/NQ-HĐND of 10/7/2025 of the provincial People&apos;s Council</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="145"/>
        <source>Mức thu:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="146"/>
        <source>Căn cứ:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="148"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="149"/>
        <source>Trước</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="149"/>
        <source>Sau</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="150"/>
        <source>Người sửa, căn cứ</source>
        <translation>Changed by, legal basis</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="158"/>
        <source>Bỏ mức thu đã nhập</source>
        <translation>Remove the entered amount</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="162"/>
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="162"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="168"/>
        <source>Lịch sử thay đổi:</source>
        <translation>Change history:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="186"/>
        <source>(chưa nhập)</source>
        <translation>(not entered)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/fees_dialogs.py" line="239"/>
        <source>Đã lưu mức thu của thủ tục {0}: {1}.</source>
        <translation>Amount saved for procedure {0}: {1}.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="92"/>
        <source>Giấy tiếp nhận hồ sơ {0}</source>
        <translation>Receipt of dossier {0}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="123"/>
        <source>Số bản:</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="128"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="131"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="141"/>
        <source>Lưu PDF… (Ctrl+S)</source>
        <translation>Save PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="142"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="185"/>
        <source>Xem cỡ thật (Ctrl+1)</source>
        <translation>Actual size (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="186"/>
        <source>Xem cả trang (Ctrl+0)</source>
        <translation>Whole page (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="216"/>
        <source>In {0} bản (Ctrl+P)</source>
        <translation>Print (copies: {0}) (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="239"/>
        <source>Không in được giấy tiếp nhận (kiểm tra máy in), chưa ghi nhận là đã in. Hồ sơ đã được lưu; bản gốc vẫn in lại được ở đây (Ctrl+P) hoặc từ hồ sơ.</source>
        <translation>The receipt could not be printed (check the printer) and is not recorded as printed. The dossier is saved; the original can still be printed here (Ctrl+P) or from the dossier.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="263"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="264"/>
        <source>Đã in giấy tiếp nhận {0} nhưng chưa ghi nhận được việc in: {1}</source>
        <translation>Receipt {0} was printed, but the printing could not be recorded: {1}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="281"/>
        <source>Chưa in giấy tiếp nhận</source>
        <translation>Receipt not printed</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="282"/>
        <source>Giấy tiếp nhận hồ sơ {0} chưa được in. Công dân cần một bản gốc. Nếu đóng bây giờ, bản gốc vẫn in được sau: Tra cứu (F3), mở hồ sơ, Ctrl+P.</source>
        <translation>The receipt for dossier {0} has not been printed. The citizen needs an original. If you close now, you can still print the original later: Find (F3), open the dossier, Ctrl+P.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="285"/>
        <source>Ở lại để in (Esc)</source>
        <translation>Stay and print (Esc)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="286"/>
        <source>Đóng, in sau</source>
        <translation>Close, print later</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="326"/>
        <source>Không lưu được tệp {0}: thư mục không có, không được phép ghi, hoặc ổ đĩa đã đầy.</source>
        <translation>Could not save the file {0}: the folder does not exist, writing is not allowed, or the drive is full.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="228"/>
        <source>In giấy tiếp nhận</source>
        <translation>Print the receipt</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="235"/>
        <source>Chưa in giấy tiếp nhận. Hồ sơ đã được lưu; có thể in lại giấy tiếp nhận từ hồ sơ bất cứ lúc nào.</source>
        <translation>The receipt was not printed. The dossier is saved; the receipt can be reprinted from the dossier at any time.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="308"/>
        <source>Lưu giấy tiếp nhận</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="309"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/receipt_preview.py" line="329"/>
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
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="56"/>
        <source>Khôi phục khóa của quầy</source>
        <translation>Recover the counter&apos;s key</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="59"/>
        <source>Khóa mã hóa của thư mục dữ liệu này không có trên máy tính này (máy mới, hoặc tài khoản Windows khác). Nhập khóa khôi phục in trên phiếu khôi phục của quầy (48 chữ số; có thể gõ liền hoặc cách nhau).</source>
        <translation>The encryption key of this data folder is not on this PC (a new PC, or another Windows account). Enter the recovery key printed on the counter&apos;s recovery sheet (48 digits; with or without spaces).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="70"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="70"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
</context>
<context>
    <name>Report06aDialog</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="376"/>
        <source>Báo cáo tình hình giải quyết TTHC (Biểu II.06a)</source>
        <translation>Report on administrative procedures (Form II.06a)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="381"/>
        <source>báo cáo</source>
        <translation>report</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="402"/>
        <source>Báo cáo khác bản in đầu tiên</source>
        <translation>The report differs from the first printout</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/export_dialog.py" line="404"/>
        <source>Đã hiểu</source>
        <translation>OK</translation>
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
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/find/results_model.py" line="68"/>
        <source>Người nộp (chủ hồ sơ)</source>
        <translation>Applicant (dossier owner)</translation>
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
        <location filename="../../intake_app/ui/main_window.py" line="500"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="506"/>
        <source>Ngôn ngữ mới được dùng từ lần mở ứng dụng tiếp theo.</source>
        <translation>The new language is used from the next time the app is opened.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="510"/>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="511"/>
        <source>Lịch làm việc…</source>
        <translation>Working calendar…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="513"/>
        <source>Ngày nghỉ, ngày làm việc bù và căn cứ của từng ngày; nhập thông báo lịch mới</source>
        <translation>Days off, make-up working days and the basis for each; import a new calendar notice</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="515"/>
        <source>Ngày làm việc:</source>
        <translation>Working days:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="518"/>
        <source>Sao lưu và khôi phục…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="520"/>
        <source>Kiểm tra hệ thống…</source>
        <translation>System check…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="525"/>
        <source>Quản trị:</source>
        <translation>Administration:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="529"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/main_window.py" line="529"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="460"/>
        <source>Thiết lập quầy tiếp nhận</source>
        <translation>Set up the intake counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="465"/>
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="466"/>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="467"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="468"/>
        <source>Thiết lập</source>
        <translation>Set up</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="469"/>
        <source>Bắt đầu làm việc</source>
        <translation>Start working</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="502"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="503"/>
        <source>Địa bàn</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="504"/>
        <source>Quầy số</source>
        <translation>Counter number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="505"/>
        <source>Bộ phận</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="506"/>
        <source>Quản trị hệ thống</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="507"/>
        <source>Cổng đồng bộ của tỉnh</source>
        <translation>Provincial sync gateway</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="508"/>
        <source>chưa cấu hình (bỏ qua)</source>
        <translation>not configured (skipped)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="509"/>
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="509"/>
        <source>máy in mặc định của hệ điều hành</source>
        <translation>the operating system&apos;s default printer</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="510"/>
        <source>Thư mục dữ liệu</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="511"/>
        <source>Nơi sao lưu</source>
        <translation>Backup location</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="529"/>
        <source>Chưa thiết lập được: {why}</source>
        <translation>Set-up failed: {why}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="558"/>
        <source>Tờ thiết lập quầy</source>
        <translation>Counter set-up sheet</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="560"/>
        <source>In tờ thiết lập</source>
        <translation>Print the set-up sheet</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="564"/>
        <source>Không in được tờ thiết lập (kiểm tra máy in); có thể lưu thành tệp PDF để in ở máy khác.</source>
        <translation>The set-up sheet could not be printed (check the printer); you can save it as a PDF and print it on another PC.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="568"/>
        <source>Đã gửi tờ thiết lập tới máy in.</source>
        <translation>The set-up sheet was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="575"/>
        <source>Lưu tờ thiết lập</source>
        <translation>Save the set-up sheet</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="576"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="587"/>
        <source>Không lưu được tệp {path} ({why}).</source>
        <translation>Could not save the file {path} ({why}).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="591"/>
        <source>Đã lưu {path}. Hãy in ra, rồi xoá tệp này: nó chứa khóa khôi phục.</source>
        <translation>Saved {path}. Print it, then delete this file: it contains the recovery key.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="601"/>
        <source>Chưa in tờ thiết lập</source>
        <translation>Set-up sheet not printed</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="602"/>
        <source>Tờ thiết lập (có khóa khôi phục) chưa được in hay lưu. Có thể in lại sau bằng lệnh intake-app setup-sheet. Vẫn bắt đầu làm việc?</source>
        <translation>The set-up sheet (with the recovery key) has not been printed or saved. You can print it later with the command intake-app setup-sheet. Start working anyway?</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="604"/>
        <source>Bắt đầu, in sau</source>
        <translation>Start, print later</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="604"/>
        <source>Quay lại để in</source>
        <translation>Go back and print</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="613"/>
        <location filename="../../intake_app/ui/setup_wizard.py" line="615"/>
        <source>Hủy thiết lập</source>
        <translation>Cancel set-up</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="614"/>
        <source>Hủy thiết lập quầy? Chưa có gì được lưu; lần mở sau ứng dụng sẽ hỏi lại từ đầu.</source>
        <translation>Cancel the counter set-up? Nothing has been saved; the app will start over the next time it opens.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="615"/>
        <source>Tiếp tục thiết lập</source>
        <translation>Continue set-up</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="401"/>
        <source>Đã thiết lập xong: in tờ thiết lập</source>
        <translation>Set-up complete: print the set-up sheet</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="402"/>
        <source>In ra, ký, cất trong tủ có khóa, xa máy tính.</source>
        <translation>Print it, sign it, and keep it in a locked cabinet away from the PC.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="403"/>
        <source>Khóa khôi phục:</source>
        <translation>Recovery key:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="414"/>
        <source>In tờ thiết lập…</source>
        <translation>Print the set-up sheet…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="415"/>
        <source>Lưu tờ thiết lập (PDF)…</source>
        <translation>Save the set-up sheet (PDF)…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="425"/>
        <source>Tờ thiết lập ghi những gì đã cấu hình, nơi để dữ liệu và bản sao lưu, và khóa khôi phục: cần nó để mở dữ liệu trên máy mới hoặc từ bản sao lưu.</source>
        <translation>The set-up sheet records the configuration, where the data and backups are kept, and the recovery key: you need it to open the data on a new PC or from a backup.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="440"/>
        <source>(quầy này không có khóa khôi phục)</source>
        <translation>(this counter has no recovery key)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="441"/>
        <source>Dữ liệu: {data}
Sao lưu: {backups}</source>
        <translation>Data: {data}
Backups: {backups}</translation>
    </message>
</context>
<context>
    <name>SlipPreviewDialog</name>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="65"/>
        <source>In %s</source>
        <translation>Print: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="71"/>
        <source>Chưa in phiếu. Phiếu đã được lưu; có thể in lại từ hồ sơ (In phiếu ▾).</source>
        <translation>The slip was not printed. It is saved; print it again from the dossier (Print slip ▾).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="75"/>
        <source>Không in được phiếu (kiểm tra máy in). Có thể in lại từ hồ sơ (In phiếu ▾).</source>
        <translation>Could not print the slip (check the printer). Print it again from the dossier (Print slip ▾).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="84"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Slips</name>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="28"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</source>
        <translation>Request for additional papers (Form 02)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="30"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)</source>
        <translation>Refusal of the dossier (Form 03)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="32"/>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</source>
        <translation>Apology and new appointment (Form 04)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="34"/>
        <source>Thông báo dừng giải quyết hồ sơ</source>
        <translation>Notice of stopped processing</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/slips.py" line="36"/>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control sheet</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="44"/>
        <source>Quầy số {n}</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="89"/>
        <source>Cán bộ: {name}</source>
        <translation>Clerk: {name}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="56"/>
        <source>⚠ Khóa dữ liệu nằm trong tệp không được bảo vệ</source>
        <translation>⚠ The data key is in an unprotected file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="60"/>
        <source>Máy này không có kho lưu mật khẩu của hệ điều hành; quản trị viên đã chọn giữ khóa mã hóa của quầy trong tệp station-keys.unprotected.json, chỉ được bảo vệ bằng quyền truy cập tệp. Ai đọc được tệp đó thì đọc được dữ liệu.</source>
        <translation>This PC has no operating-system password store; the administrator chose to keep the counter&apos;s encryption key in the file station-keys.unprotected.json, protected only by file permissions. Anyone who can read that file can read the data.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="90"/>
        <source>Chưa đăng nhập</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="121"/>
        <source>⚠ Chưa sao lưu được</source>
        <translation>⚠ Backup failed</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="125"/>
        <source>⚠ Chưa có bản sao lưu</source>
        <translation>⚠ No backup yet</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="127"/>
        <source>Quản trị viên: Cài đặt → Sao lưu và khôi phục.</source>
        <translation>Administrator: Settings → Backup and restore.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="130"/>
        <source>Sao lưu lúc {time}</source>
        <translation>Backed up at {time}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="133"/>
        <source>Bản sao lưu nằm cùng ổ đĩa với dữ liệu: hãy chọn ổ USB hoặc ổ đĩa thứ hai (Cài đặt → Sao lưu và khôi phục).</source>
        <translation>The backups are on the same drive as the data: choose a USB drive or a second drive (Settings → Backup and restore).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="150"/>
        <source>Chờ đồng bộ: {n}</source>
        <translation>Waiting to sync: {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="166"/>
        <source>Đồng bộ lúc {time}</source>
        <translation>Synced at {time}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="173"/>
        <source>Đồng hồ máy tính lệch {n} phút so với máy chủ</source>
        <translation>This PC&apos;s clock is {n} minutes off the server&apos;s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="177"/>
        <source>Giấy tiếp nhận ghi giờ của máy tính này: hãy chỉnh lại đồng hồ máy tính.</source>
        <translation>Receipts are stamped with this PC&apos;s time: please correct the PC&apos;s clock.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="185"/>
        <source>Chưa cài đặt đồng bộ</source>
        <translation>Sync not set up</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="187"/>
        <source>Máy chủ văn phòng đã thu hồi quyền của quầy này. Nhờ IT ghép nối lại.</source>
        <translation>The office server has revoked this counter&apos;s access. Ask IT to pair it again.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="190"/>
        <source>Mã truy cập bị từ chối, đã dừng đồng bộ</source>
        <translation>Access code refused, sync stopped</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="199"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="201"/>
        <source>Đã kết nối máy chủ tỉnh</source>
        <translation>Connected to the provincial server</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="203"/>
        <source>Mất kết nối máy chủ tỉnh</source>
        <translation>No connection to the provincial server</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="205"/>
        <source>Chưa kiểm tra kết nối</source>
        <translation>Connection not checked yet</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="222"/>
        <source>Văn phòng: mất kết nối</source>
        <translation>Office: disconnected</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="224"/>
        <source>Văn phòng: đã kết nối</source>
        <translation>Office: connected</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="225"/>
        <source>chưa gửi {n}</source>
        <translation>{n} not sent</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="227"/>
        <source>đang cập nhật {n} thay đổi</source>
        <translation>applying {n} changes</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="230"/>
        <source>Tỉnh: mất kết nối · máy chủ văn phòng giữ {n} thay đổi</source>
        <translation>Province: disconnected · the office server holds {n} changes</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="234"/>
        <source>Tỉnh: đã gửi lúc {time}</source>
        <translation>Province: sent at {time}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="235"/>
        <source>Máy chủ văn phòng: {url}</source>
        <translation>Office server: {url}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/status_bar.py" line="239"/>
        <source>Bị từ chối: {n}</source>
        <translation>Rejected: {n}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="80"/>
        <source>Chuyển bước xử lý — hồ sơ %s</source>
        <translation>Next step — dossier %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="89"/>
        <source>Trạng thái hiện tại: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Current status: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="91"/>
        <source>Đang ở: %s</source>
        <translation>Now with: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="97"/>
        <source>Chuyển sang</source>
        <translation>Move to</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="107"/>
        <source>Hồ sơ ở trạng thái «%s» đã kết thúc: không còn bước nào.</source>
        <translation>The dossier is «%s»: it is closed, no step is left.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="111"/>
        <source>Công chức hoặc cơ quan, đơn vị nhận hồ sơ</source>
        <translation>Officer, agency or unit taking the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="127"/>
        <source>Mỗi dòng một giấy tờ</source>
        <translation>One paper per line</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="131"/>
        <source>Số CCCD / số định danh người nhận</source>
        <translation>Receiver&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="132"/>
        <source>Trả kết quả tại màn hình F4…</source>
        <translation>Hand back on the F4 screen…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="145"/>
        <source>Giấy tờ cần bổ sung:</source>
        <translation>Papers to add:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="146"/>
        <source>Giấy tờ khác:</source>
        <translation>Other papers:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="141"/>
        <source>Người nhận kết quả:</source>
        <translation>Receiver:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="142"/>
        <source>Số CCCD người nhận:</source>
        <translation>Receiver&apos;s ID number:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="155"/>
        <source>Xác nhận (Ctrl+Enter)</source>
        <translation>Confirm (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="155"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="179"/>
        <source>công dân đã nộp giấy tờ bổ sung</source>
        <translation>the citizen brought the missing papers</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="180"/>
        <source>công dân đã thực hiện nghĩa vụ tài chính</source>
        <translation>the citizen paid what was due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="181"/>
        <source>chuyển cho công chức, đơn vị khác</source>
        <translation>hand over to another officer or unit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="182"/>
        <source>chuyển cho công chức, đơn vị xử lý</source>
        <translation>hand over to the processing officer or unit</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="185"/>
        <source>tiếp nhận hồ sơ nộp trực tuyến</source>
        <translation>take in an online application</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="186"/>
        <source>từ chối tiếp nhận, in Mẫu 03</source>
        <translation>refuse the dossier, print Form 03</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="187"/>
        <source>yêu cầu bổ sung, hoàn thiện, in Mẫu 02</source>
        <translation>ask for more papers, print Form 02</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="188"/>
        <source>chờ công dân nộp thuế, phí</source>
        <translation>wait for the citizen to pay taxes or fees</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="189"/>
        <source>công dân xin rút hồ sơ</source>
        <translation>the citizen withdraws the dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="190"/>
        <source>dừng giải quyết, in thông báo</source>
        <translation>stop processing, print the notice</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="191"/>
        <source>có kết quả, chờ trả cho công dân</source>
        <translation>result ready, waiting for the citizen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="192"/>
        <source>giao kết quả cho công dân</source>
        <translation>give the result to the citizen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="211"/>
        <source>Chuyển cho *:</source>
        <translation>Hand over to *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="212"/>
        <source>Chuyển tiếp cho:</source>
        <translation>Pass on to:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="221"/>
        <source>Lý do *:</source>
        <translation>Reason *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="222"/>
        <source>Lý do từ chối *:</source>
        <translation>Reason for refusal *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="223"/>
        <source>Lý do dừng *:</source>
        <translation>Reason for stopping *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="224"/>
        <source>Nghĩa vụ tài chính *:</source>
        <translation>Financial obligation *:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="225"/>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="227"/>
        <source>Bắt buộc: được in trên phiếu gửi công dân</source>
        <translation>Required: printed on the citizen&apos;s slip</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/steps/step_dialog.py" line="228"/>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="369"/>
        <source>Kiểm tra lại trước khi thiết lập</source>
        <translation>Review before setting up</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="370"/>
        <source>Bấm Thiết lập để lưu; sau bước này không quay lại được.</source>
        <translation>Click Set up to save; you cannot go back after this step.</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="47"/>
        <source>Đóng dấu tiếp nhận (Ctrl+Enter)</source>
        <translation>Stamp as received (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="55"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="59"/>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="63"/>
        <source>Hẹn trả kết quả</source>
        <translation>Result due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="90"/>
        <source>Chưa chọn thủ tục</source>
        <translation>No procedure chosen</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="102"/>
        <source>Kiểm tra lại số bản, số trang của giấy tờ.</source>
        <translation>Check the copies and pages of the documents.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="106"/>
        <source>Mức thu do HĐND tỉnh quy định chưa được nhập: người giám sát nhập ở Giám sát (F5) → Mức thu của tỉnh. Giấy tiếp nhận ghi &quot;theo Nghị quyết của HĐND tỉnh&quot;.</source>
        <translation>The amount set by the provincial People&apos;s Council has not been entered: a supervisor enters it in Supervision (F5) → Provincial fees. The receipt will say &quot;as per the provincial People&apos;s Council resolution&quot;.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="116"/>
        <source>… và {0} dòng khác</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="120"/>
        <source>Không có thời hạn hẹn trả</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="124"/>
        <source>Thời hạn giải quyết: {0}</source>
        <translation>Processing time: {0}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/intake/summary_panel.py" line="130"/>
        <source>Còn {0} mục cần sửa (xem chữ đỏ bên trái).</source>
        <translation>{0} items still need fixing (see the red text on the left).</translation>
    </message>
</context>
<context>
    <name>SupervisorScreen</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="80"/>
        <source>Giám sát</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="83"/>
        <source>In sổ theo dõi… (Ctrl+Shift+L)</source>
        <translation>Print the dossier log… (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="84"/>
        <source>Báo cáo 06a… (Ctrl+B)</source>
        <translation>Report 06a… (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="85"/>
        <source>Kiểm tra sổ (Ctrl+K)</source>
        <translation>Verify the log (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="86"/>
        <source>Bảng kê tiền phí… (Ctrl+T)</source>
        <translation>Fees cash sheet… (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="87"/>
        <source>Mức thu của tỉnh… (Ctrl+M)</source>
        <translation>Provincial fees… (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="88"/>
        <source>Làm mới (Ctrl+R)</source>
        <translation>Refresh (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="89"/>
        <source>Nhật ký kiểm toán…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="90"/>
        <source>Ai đã làm gì: lọc theo tài khoản, ngày, hồ sơ</source>
        <translation>Who did what: filter by account, date or dossier</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="92"/>
        <source>Tính lại mã kiểm tra của các ngày đã niêm phong: cho biết sổ theo dõi có bị sửa đổi sau khi in hay không.</source>
        <translation>Recomputes the check codes of the sealed days: tells whether the log was changed after it was printed.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="129"/>
        <source>Số hồ sơ theo trạng thái</source>
        <translation>Dossiers by status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="141"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="233"/>
        <source>Quá hạn (%n)</source>
        <translation>
            <numerusform>Overdue (%n)</numerusform>
            <numerusform>Overdue (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="234"/>
        <source>Hẹn trả hôm nay (%n)</source>
        <translation>
            <numerusform>Due today (%n)</numerusform>
            <numerusform>Due today (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="235"/>
        <source>Đến hạn trong 2 ngày làm việc tới (%n)</source>
        <translation>
            <numerusform>Due in the next 2 working days (%n)</numerusform>
            <numerusform>Due in the next 2 working days (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="236"/>
        <source>Chờ công dân bổ sung (%n)</source>
        <translation>
            <numerusform>Waiting for the citizen&apos;s papers (%n)</numerusform>
            <numerusform>Waiting for the citizen&apos;s papers (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="250"/>
        <source>Không đọc được số liệu: %s</source>
        <translation>Could not read the figures: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="272"/>
        <source>Hồ sơ tiếp nhận mỗi ngày, 30 ngày qua (tổng %n)</source>
        <translation>
            <numerusform>Dossiers received per day, last 30 days (total %n)</numerusform>
            <numerusform>Dossiers received per day, last 30 days (total %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="274"/>
        <source>Đang giải quyết: %1 hồ sơ · số liệu lúc %2</source>
        <translation>In progress: %1 dossiers · figures at %2</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="373"/>
        <source>Đang kiểm tra sổ theo dõi…</source>
        <translation>Verifying the dossier log…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="377"/>
        <source>Không kiểm tra được sổ theo dõi: %s</source>
        <translation>Could not verify the log: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="385"/>
        <source>Có %n dòng đã sửa thông tin hồ sơ sau khi khóa sổ (được ghi nhận, không phải sửa trái phép):</source>
        <translation>
            <numerusform>%n entry was corrected after the log was sealed (a recorded correction, not tampering):</numerusform>
            <numerusform>%n entries were corrected after the log was sealed (recorded corrections, not tampering):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="388"/>
        <source>Ngày %1, hồ sơ %2: %3 sửa lúc %4 — lý do: %5</source>
        <translation>%1, dossier %2: corrected by %3 at %4 — reason: %5</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="393"/>
        <source>… và %n dòng khác.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="401"/>
        <source>Sổ theo dõi không bị sửa đổi trái phép.</source>
        <translation>The dossier log has not been tampered with.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/screen.py" line="402"/>
        <source>Sổ theo dõi không bị sửa đổi.</source>
        <translation>The log has not been changed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="406"/>
        <source>Sổ theo dõi có %n chỗ không khớp với mã kiểm tra đã niêm phong:</source>
        <translation>
            <numerusform>The log has %n entry that does not match its sealed check code:</numerusform>
            <numerusform>The log has %n entries that do not match their sealed check codes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../intake_app/ui/supervisor/screen.py" line="410"/>
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
        <location filename="../../intake_app/ui/sync/screen.py" line="124"/>
        <source>Đồng bộ với hệ thống của tỉnh</source>
        <translation>Sync with the provincial system</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="126"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="133"/>
        <source>Kết nối:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="135"/>
        <source>Đồng bộ thành công lần cuối:</source>
        <translation>Last successful sync:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="149"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="150"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="134"/>
        <source>Hồ sơ:</source>
        <translation>Dossiers:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="136"/>
        <source>Lần đồng bộ gần nhất:</source>
        <translation>Last sync:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="145"/>
        <source>Hồ sơ bị tỉnh từ chối (không tự gửi lại)</source>
        <translation>Dossiers rejected by the province (not resent automatically)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="149"/>
        <source>Thông tin bị từ chối</source>
        <translation>Rejected data</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="149"/>
        <source>Lý do và cách xử lý</source>
        <translation>Reason and what to do</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="165"/>
        <source>Gửi lại (Ctrl+G)</source>
        <translation>Resend (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="167"/>
        <source>Gửi lại lên tỉnh các hồ sơ đã chọn (sau khi đã sửa hồ sơ, hoặc tỉnh đã bổ sung danh mục).</source>
        <translation>Resend the selected dossiers to the province (once the dossier is corrected, or the province has updated its catalogue).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="171"/>
        <source>Đồng bộ ngay (Ctrl+R)</source>
        <translation>Sync now (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="173"/>
        <source>Xuất tệp USB… (Ctrl+E)</source>
        <translation>Export USB file… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="175"/>
        <source>Nhập tệp kết quả… (Ctrl+O)</source>
        <translation>Import results file… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="227"/>
        <source>Chưa cài đặt địa chỉ máy chủ của tỉnh (Cài đặt).</source>
        <translation>The provincial server address is not set (Settings).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="229"/>
        <location filename="../../intake_app/ui/sync/screen.py" line="363"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="231"/>
        <source>Đã kết nối máy chủ tỉnh ({url})</source>
        <translation>Connected to the provincial server ({url})</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="233"/>
        <source>Mất kết nối máy chủ tỉnh ({url})</source>
        <translation>No connection to the provincial server ({url})</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="236"/>
        <source>Chưa kiểm tra ({url})</source>
        <translation>Not checked yet ({url})</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="241"/>
        <source>{when}: {what}</source>
        <translation>{when}: {what}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="243"/>
        <source>Không có lỗi.</source>
        <translation>No errors.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="245"/>
        <source>Máy chủ tỉnh từ chối mã truy cập của quầy; việc đồng bộ đã dừng. Hãy nhập mã mới do tỉnh cấp trong Cài đặt rồi bấm «Đồng bộ ngay».</source>
        <translation>The provincial server refused the counter&apos;s access code; sync has stopped. Enter the new code issued by the province in Settings, then click “Sync now”.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="249"/>
        <source>Máy chủ tỉnh không nhận gói dữ liệu gửi lên; việc gửi tạm dừng. Bấm «Đồng bộ ngay» để gửi lại; nếu vẫn không được, báo bộ phận kỹ thuật (mã lỗi: {error}).</source>
        <translation>The provincial server did not accept the data sent; sending is paused. Click “Sync now” to send it again; if that still fails, tell technical support (error code: {error}).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="254"/>
        <source>Số liệu không khớp với máy chủ tỉnh: máy này đã gửi {sd} hồ sơ ({se} lần cập nhật), máy chủ tỉnh ghi nhận {gd} hồ sơ ({ge} lần cập nhật), kiểm tra lúc {at}. Hãy báo bộ phận kỹ thuật.</source>
        <translation>The figures do not match the provincial server: this PC has sent {sd} dossiers ({se} updates), the provincial server has recorded {gd} dossiers ({ge} updates), checked at {at}. Tell technical support.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="278"/>
        <source>{waiting} hồ sơ chờ gửi lên tỉnh, {rejected} hồ sơ bị tỉnh từ chối, {done} hồ sơ đã gửi xong</source>
        <translation>{waiting} dossiers waiting to be sent to the province, {rejected} rejected by the province, {done} sent</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="299"/>
        <source>Hồ sơ bị tỉnh từ chối (không tự gửi lại): {n}</source>
        <translation>Dossiers rejected by the province (not resent automatically): {n}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="319"/>
        <source>Gửi lại hồ sơ bị tỉnh từ chối: việc của lãnh đạo, giám sát.</source>
        <translation>Resending dossiers the province refused is for managers and supervisors.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="342"/>
        <source>Đã đưa {n} hồ sơ trở lại hàng chờ gửi lên tỉnh.</source>
        <translation>{n} dossiers put back in the queue for the province.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="344"/>
        <source>Các hồ sơ đã chọn không còn bị từ chối; không có gì để gửi lại.</source>
        <translation>The selected dossiers are no longer rejected; there is nothing to resend.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="392"/>
        <source>Đã xuất thông tin {n} hồ sơ chờ gửi ra tệp {path}. Các hồ sơ vẫn chờ gửi cho đến khi nhập tệp kết quả của tỉnh hoặc có mạng.</source>
        <translation>Exported {n} waiting dossiers to the file {path}. They stay in the queue until the province&apos;s results file is imported or the network is back.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="400"/>
        <source>Không ghi được tệp {path}: kiểm tra ổ USB còn cắm, còn chỗ trống và cho phép ghi.</source>
        <translation>Could not write the file {path}: check that the USB drive is plugged in, has free space and allows writing.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="406"/>
        <source>Đang xuất tệp…</source>
        <translation>Exporting the file…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="429"/>
        <source>Đã nhập tệp kết quả của tỉnh: {d} lần cập nhật hồ sơ đã được nhận, {r} bị từ chối.</source>
        <translation>Imported the province&apos;s results file: {d} dossier updates accepted, {r} rejected.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="437"/>
        <source>Đang nhập tệp kết quả…</source>
        <translation>Importing the results file…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="261"/>
        <source>Đồng hồ máy tính lệch {n} phút so với máy chủ. Giấy tiếp nhận ghi giờ của máy này: hãy chỉnh lại đồng hồ.</source>
        <translation>This PC&apos;s clock is {n} minutes off the server&apos;s. Receipts are stamped with this PC&apos;s time: please correct the clock.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="264"/>
        <source>{n} cập nhật từ tỉnh chỉ được ghi vào lịch sử hồ sơ, không đổi được trạng thái tại quầy (xem lịch sử hồ sơ).</source>
        <translation>{n} updates from the province were only added to the dossier history and could not change the status at the counter (see the dossier history).</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="367"/>
        <source>Xuất tệp đồng bộ</source>
        <translation>Export sync file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="368"/>
        <location filename="../../intake_app/ui/sync/screen.py" line="374"/>
        <source>Tệp đồng bộ (*.json.gz *.gz);;Tất cả (*)</source>
        <translation>Sync files (*.json.gz *.gz);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="373"/>
        <source>Nhập tệp kết quả của tỉnh</source>
        <translation>Import the province&apos;s results file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/screen.py" line="426"/>
        <source>Tệp này đã được nhập trước đây; không có gì thay đổi.</source>
        <translation>This file was already imported; nothing has changed.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsPage</name>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="63"/>
        <source>Đồng bộ với hệ thống của tỉnh</source>
        <translation>Sync with the provincial system</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="67"/>
        <source>Địa chỉ máy chủ:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="69"/>
        <source>(dùng chứng chỉ của hệ điều hành)</source>
        <translation>(use the operating system&apos;s certificates)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="70"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="75"/>
        <source>Tệp chứng chỉ CA:</source>
        <translation>CA certificate file:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="78"/>
        <source>Mã do tỉnh cấp cho quầy này</source>
        <translation>Code issued by the province for this counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="79"/>
        <source>Lưu mã</source>
        <translation>Save code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="84"/>
        <source>Mã truy cập:</source>
        <translation>Access code:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="97"/>
        <source>Chỉ tài khoản quản trị hệ thống thay đổi được cài đặt đồng bộ.</source>
        <translation>Only a system administrator account can change the sync settings.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="102"/>
        <source>Đang đọc…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="127"/>
        <source>Đã có mã trong kho mật khẩu của máy.</source>
        <translation>A code is stored in this PC&apos;s password store.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="130"/>
        <source>Chưa có mã truy cập.</source>
        <translation>No access code yet.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="139"/>
        <source>Chọn tệp chứng chỉ CA</source>
        <translation>Choose the CA certificate file</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/sync/settings_page.py" line="140"/>
        <source>Chứng chỉ PEM (*.pem *.crt *.cer);;Tất cả (*)</source>
        <translation>PEM certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="138"/>
        <source>Đơn vị và quầy tiếp nhận</source>
        <translation>Unit and intake counter</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="139"/>
        <source>In trên mọi giấy tiếp nhận và nằm trong mã hồ sơ.</source>
        <translation>Printed on every receipt and part of every dossier code.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="145"/>
        <source>Ví dụ: UBND phường Phong Quảng</source>
        <translation>E.g. UBND phường Phong Quảng</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="147"/>
        <source>Gõ tên để tìm, không cần dấu</source>
        <translation>Type a name to search, accents optional</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="149"/>
        <source>Chọn tỉnh, thành phố trước</source>
        <translation>Choose the province first</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="157"/>
        <source>Mã định danh đơn vị:</source>
        <translation>Unit code:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="158"/>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="159"/>
        <source>Tỉnh, thành phố:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="160"/>
        <source>Xã, phường:</source>
        <translation>Commune / ward:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="161"/>
        <source>Số quầy (1–9):</source>
        <translation>Counter number (1–9):</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="162"/>
        <source>Tên bộ phận:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="166"/>
        <source>Mỗi máy tính tiếp nhận của đơn vị có một số quầy riêng (1, 2, 3…): hai máy cùng số quầy sẽ cấp trùng mã hồ sơ.</source>
        <translation>Each intake PC of the unit has its own counter number (1, 2, 3…): two PCs with the same number would issue duplicate dossier codes.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/setup_wizard.py" line="175"/>
        <source>dạng NNN.NN.NN.XNN (ví dụ 000.00.12.H56)</source>
        <translation>format NNN.NN.NN.XNN (e.g. 000.00.12.H56)</translation>
    </message>
</context>
<context>
    <name>WatchModel</name>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="58"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="58"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="58"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="59"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="61"/>
        <source>Trễ hạn (làm việc)</source>
        <translation>Late by (working time)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="63"/>
        <source>Yêu cầu bổ sung lúc</source>
        <translation>Papers requested at</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="127"/>
        <source>Trạng thái: %s</source>
        <translation>Status: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="129"/>
        <source>Đang ở: %s</source>
        <translation>Now with: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="131"/>
        <source>Hẹn trả: %s</source>
        <translation>Due: %s</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/supervisor/watch_model.py" line="133"/>
        <source>Trễ %s làm việc</source>
        <translation>Late by %s of working time</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="34"/>
        <source>Không có kho lưu mật khẩu</source>
        <translation>No password store</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="36"/>
        <source>Máy tính này không có kho lưu mật khẩu của hệ điều hành (Windows Credential Manager, Secret Service) để giữ khóa mã hóa dữ liệu của quầy.</source>
        <translation>This PC has no operating-system password store (Windows Credential Manager, Secret Service) to hold the counter&apos;s data encryption key.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="39"/>
        <source>Nên dùng một tài khoản Windows thông thường hoặc nhờ bộ phận CNTT cài kho lưu mật khẩu. Nếu vẫn tiếp tục, khóa sẽ nằm trong tệp station-keys.unprotected.json của thư mục dữ liệu, chỉ được bảo vệ bằng quyền truy cập tệp: ai đọc được tệp đó thì đọc được dữ liệu của công dân. Thanh trạng thái sẽ luôn nhắc điều này.</source>
        <translation>Use a regular Windows account, or ask IT to install a password store. If you continue, the key will be kept in the file station-keys.unprotected.json in the data folder, protected only by file permissions: anyone who can read that file can read the citizens&apos; data. The status bar will keep reminding you of this.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="43"/>
        <source>Giữ khóa trong tệp (kém an toàn)</source>
        <translation>Keep the key in a file (less secure)</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/keys_dialogs.py" line="45"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
</context>
<context>
    <name>run_app</name>
    <message>
        <location filename="../../intake_app/ui/app.py" line="101"/>
        <location filename="../../intake_app/ui/app.py" line="298"/>
        <source>Không mở được thư mục dữ liệu {path}:
{error}</source>
        <translation>Cannot open the data folder {path}:
{error}</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="132"/>
        <source>Ứng dụng đang mở cho thư mục dữ liệu này ({path}). Mỗi thư mục dữ liệu chỉ mở một cửa sổ, để hai cửa sổ không cùng cấp mã hồ sơ và sao lưu cùng lúc.</source>
        <translation>The app is already open for this data folder ({path}). Each data folder opens in one window only, so that two windows never issue dossier codes or back up at the same time.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="136"/>
        <source>Cửa sổ đang mở đã được đưa lên trước.</source>
        <translation>The open window has been brought to the front.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="138"/>
        <source>Hãy tìm cửa sổ đó trên thanh tác vụ. Nếu không thấy, ứng dụng có thể đang đóng hoặc đang ở một tài khoản Windows khác trên máy này.</source>
        <translation>Look for that window on the taskbar. If it is not there, the app may be closing or open in another Windows account on this PC.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="164"/>
        <source>Đã xảy ra lỗi không lường trước ({kind}); chi tiết đã được ghi vào nhật ký của ứng dụng. Hồ sơ đã lưu không bị ảnh hưởng.</source>
        <translation>An unexpected error occurred ({kind}); the details were written to the app&apos;s log. Saved dossiers are not affected.</translation>
    </message>
    <message>
        <location filename="../../intake_app/ui/app.py" line="372"/>
        <source>Chưa dựng lại được giấy tiếp nhận của {n} hồ sơ (các hồ sơ vẫn được lưu đầy đủ):
{lines}
Hãy in lại giấy tiếp nhận từ hồ sơ khi đã khắc phục; chi tiết đã được ghi vào nhật ký của ứng dụng.</source>
        <translation>The receipts of {n} dossiers could not be rebuilt (the dossiers themselves are fully saved):
{lines}
Print the receipts again from the dossiers once the problem is fixed; the details were written to the app&apos;s log.</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../intake_app/ui/save_guard.py" line="46"/>
        <source>Không lưu vào đây</source>
        <translation>Cannot save here</translation>
    </message>
</context>
</TS>
