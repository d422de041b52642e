"""What the sync screen and the status bar say, in words a clerk understands.

The sync engine records English details for IT (the log file, `intake-app sync status`); the
window names what happened and what to do, by the kind of stop and the province's reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "SyncTexts"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def stop_text(kind: str | None) -> str:
    """Why the last sync did not finish (`SyncStatus.last_error["kind"]`)."""
    texts = {
        "not_configured": _tr("Chưa cài đặt địa chỉ máy chủ của tỉnh, hoặc địa chỉ không dùng "
                              "được: vào Cài đặt."),
        "no_token": _tr("Chưa có mã truy cập của quầy: nhập mã do tỉnh cấp trong Cài đặt."),
        "offline": _tr("Không kết nối được máy chủ của tỉnh; hồ sơ vẫn được lưu và sẽ tự gửi "
                       "khi có mạng."),
        "network": _tr("Mất kết nối giữa chừng; hồ sơ chưa gửi sẽ được gửi lại tự động."),
        "throttled": _tr("Máy chủ của tỉnh đang bận; hồ sơ sẽ được gửi lại sau ít phút."),
        "server": _tr("Máy chủ của tỉnh gặp sự cố; hồ sơ sẽ được gửi lại sau."),
        "auth": _tr("Máy chủ của tỉnh từ chối mã truy cập của quầy: nhập mã mới trong Cài đặt."),
        "envelope": _tr("Máy chủ của tỉnh không nhận gói dữ liệu gửi lên: bấm «Đồng bộ ngay» "
                        "để gửi lại; nếu vẫn lỗi, báo bộ phận kỹ thuật."),
        "envelope_held": _tr("Việc gửi đang tạm dừng vì máy chủ của tỉnh không nhận gói dữ liệu "
                             "lần trước: bấm «Đồng bộ ngay» để gửi lại."),
        "busy": _tr("Một lần đồng bộ khác của máy này đang chạy."),
        "lease": _tr("Một lần đồng bộ khác của máy này đang chạy."),
    }
    return texts.get(kind or "", _tr(
        "Lần đồng bộ gần nhất không thành công; chi tiết đã được ghi vào nhật ký. Nếu lặp lại, "
        "báo bộ phận kỹ thuật."))


def reason_text(code: str | None) -> str:
    """Why the province refused a dossier's update, and what to do (the reject code)."""
    texts = {
        "unknown_procedure": _tr("Thủ tục chưa có trong danh mục của tỉnh. Khi tỉnh đã bổ sung "
                                 "thủ tục, chọn hồ sơ rồi bấm «Gửi lại»."),
        "code_conflict": _tr("Mã hồ sơ trùng với một hồ sơ khác trên hệ thống của tỉnh: báo bộ "
                             "phận kỹ thuật."),
        "version_conflict": _tr("Tỉnh đã nhận một lần cập nhật khác của hồ sơ này: báo bộ phận "
                                "kỹ thuật."),
        "foreign_dossier": _tr("Mã hồ sơ không thuộc quầy này theo hệ thống của tỉnh: báo bộ "
                               "phận kỹ thuật."),
        "malformed": _tr("Thông tin hồ sơ gửi lên không đúng quy định: báo bộ phận kỹ thuật."),
        "not_nfc": _tr("Chữ tiếng Việt trong hồ sơ không đúng bảng mã chuẩn: báo bộ phận kỹ "
                       "thuật."),
        "too_large": _tr("Thông tin hồ sơ quá lớn để gửi: báo bộ phận kỹ thuật."),
    }
    return texts.get(code or "", _tr("Tỉnh không nhận thông tin này của hồ sơ: báo bộ phận "
                                     "kỹ thuật."))


def update_text(kind: str) -> str:
    """What an update of a dossier was (the event's kind)."""
    texts = {
        "received": _tr("tiếp nhận"),
        "updated": _tr("sửa thông tin"),
        "status_changed": _tr("chuyển bước xử lý"),
        "returned": _tr("trả kết quả"),
        "voided": _tr("hủy hồ sơ"),
    }
    return texts.get(kind, _tr("cập nhật"))


def corrected_text(state: str) -> str:
    """What became of a refused dossier corrected since (its corrected update's state)."""
    if state == "rejected":
        return _tr("Hồ sơ đã được sửa thông tin sau đó, nhưng tỉnh cũng từ chối bản đã sửa "
                   "(xem dòng lý do của bản đã sửa).")
    return _tr("Hồ sơ đã được sửa thông tin sau đó: bản đã sửa sẽ được gửi lên tỉnh thay "
               "cho bản bị từ chối, không cần «Gửi lại». Dòng này mất đi khi tỉnh nhận bản "
               "đã sửa.")
