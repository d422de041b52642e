"""The "Kiểm tra hệ thống" page: what `intake-app doctor` finds, for an administrator."""
