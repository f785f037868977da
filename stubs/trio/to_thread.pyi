from trio._threads import to_thread_run_sync as run_sync
