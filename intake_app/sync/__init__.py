"""Sync with the provincial gateway (docs/sync-protocol.md, station side).

`client` speaks HTTP (httpx, imported lazily); `sender` sends the outbox in batches; `puller`
applies the province's updates and checks the counts; `engine` runs one full sync; `runner`
repeats it in a background thread with back-off; `batch_files` writes and reads USB files;
`credentials` keeps the token in the OS credential store; `service` is what the command line
and the window call (`desk.sync`).
"""
