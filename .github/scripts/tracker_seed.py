#!/usr/bin/env python3
"""Seeds an empty PaperDigest store from a committed docs/papers.json, when the workflow's cache was evicted.

`paperdigest track` has no import of its own page, so the workflow does it in two steps:
  tracker_seed.py jsonl PAPERS_JSON OUT_JSONL   the papers as `paperdigest import` reads them (id, title, abstract, published)
  (paperdigest import OUT_JSONL: creates the store and loads the papers)
  tracker_seed.py history PAPERS_JSON DB MODEL [LANG]  which topic found which paper (paper_topics) and the stored
                                                translations (translations), so the history and the cache carry on
"""
import json
import sqlite3
import sys


def rows(papers_json):
    with open(papers_json, encoding="utf-8") as f:
        doc = json.load(f)
    for topic, items in (doc.get("topics") or {}).items():
        for row in items or []:
            if isinstance(row, dict) and row.get("id") and row.get("title"):
                yield topic, row


def write_jsonl(papers_json, out):
    seen = set()
    with open(out, "w", encoding="utf-8") as f:
        for _, row in rows(papers_json):
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            english = row.get("abstract_original") or row.get("abstract") or ""
            f.write(json.dumps({"id": row["id"], "title": row["title"], "abstract": english,
                                "published": row.get("published"), "authors": []}, ensure_ascii=False) + "\n")
    return len(seen)


def write_history(papers_json, db, model, lang):
    con = sqlite3.connect(db)
    topics = translations = 0
    with con:
        for topic, row in rows(papers_json):
            first_seen = (row.get("published") or "2000-01-01") + "T00:00:00+00:00"
            topics += con.execute("INSERT OR IGNORE INTO paper_topics (topic, paper_id, first_seen) "
                                  "SELECT ?, id, ? FROM papers WHERE id = ?", (topic, first_seen, row["id"])).rowcount
            if row.get("abstract_original") and row.get("abstract"):
                translations += con.execute("INSERT OR IGNORE INTO translations (paper_id, version, lang, model, text, created_at) "
                                            "VALUES (?, '', ?, ?, ?, ?)",
                                            (row["id"], lang, model, row["abstract"], first_seen)).rowcount
    con.close()
    return topics, translations


def main(argv):
    if len(argv) == 4 and argv[1] == "jsonl":
        print(f"seed: {write_jsonl(argv[2], argv[3])} papers from {argv[2]}")
        return 0
    if len(argv) in (5, 6) and argv[1] == "history":
        topics, translations = write_history(argv[2], argv[3], argv[4], argv[5] if len(argv) == 6 else "zh")
        print(f"seed: {topics} topic rows and {translations} translations from {argv[2]}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
