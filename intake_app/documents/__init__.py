"""Printed documents of the counter (PDF): the receipt and appointment slip, Mẫu 01."""
