"""The store: a real SQLite file in tmp_path; saves, history, backups, crashes."""
