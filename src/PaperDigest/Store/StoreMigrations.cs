namespace PaperDigest.Store;

/// <summary>
/// The schema, as an ordered list of migrations. The database's PRAGMA user_version says how many have run.
/// Never edit a migration that has shipped: add the next one.
/// </summary>
internal static class StoreMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: papers, daily listings, full texts, summaries, runs.
        """
        CREATE TABLE papers (
            id              TEXT PRIMARY KEY,             -- bare arXiv id, e.g. 2509.15221
            version         INTEGER,                      -- latest known version, NULL when unknown
            title           TEXT NOT NULL,
            abstract        TEXT NOT NULL,
            authors         TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
            categories      TEXT NOT NULL DEFAULT '[]',   -- JSON array
            comment         TEXT,
            published       TEXT,                         -- first version's date, yyyy-MM-dd
            code_url        TEXT,
            github_stars    INTEGER,
            code_checked_at TEXT,                         -- when code links were last looked for
            upvotes         INTEGER,
            ai_summary      TEXT,                         -- Hugging Face's own summary, when it has one
            ai_keywords     TEXT,                         -- JSON array
            first_seen      TEXT NOT NULL,
            updated_at      TEXT NOT NULL
        );
        CREATE TABLE daily_listings (
            date     TEXT NOT NULL,                       -- yyyy-MM-dd
            position INTEGER NOT NULL,                    -- HF order by upvotes, 0 first
            paper_id TEXT NOT NULL REFERENCES papers(id),
            upvotes  INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (date, paper_id)
        );
        CREATE INDEX daily_listings_paper ON daily_listings(paper_id);
        CREATE TABLE full_texts (
            paper_id   TEXT NOT NULL REFERENCES papers(id),
            version    TEXT NOT NULL,                     -- '' when unknown
            source     TEXT NOT NULL,                     -- HTML | PDF | Abs
            text       BLOB NOT NULL,                     -- compressed UTF-8
            attempts   TEXT NOT NULL DEFAULT '[]',        -- JSON array: why earlier sources were skipped
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (paper_id, version)
        );
        CREATE TABLE summaries (
            paper_id       TEXT NOT NULL REFERENCES papers(id),
            paper_version  TEXT NOT NULL,                 -- '' when unknown
            style          TEXT NOT NULL,
            lang           TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            model          TEXT NOT NULL,
            status         TEXT NOT NULL,                 -- ok | failed
            fields         TEXT NOT NULL DEFAULT '{}',    -- JSON object, the structured summary
            source         TEXT NOT NULL,                 -- HTML | PDF | Abs | offline
            unsupported    TEXT NOT NULL DEFAULT '[]',    -- JSON array of numbers not found in the source
            error          TEXT,
            input_tokens   INTEGER NOT NULL DEFAULT 0,
            output_tokens  INTEGER NOT NULL DEFAULT 0,
            created_at     TEXT NOT NULL,
            PRIMARY KEY (paper_id, paper_version, style, lang, prompt_version, model)
        );
        CREATE TABLE runs (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            command       TEXT NOT NULL,
            started_at    TEXT NOT NULL,
            finished_at   TEXT,
            status        TEXT NOT NULL DEFAULT 'running', -- running | ok | partial | failed
            papers        INTEGER NOT NULL DEFAULT 0,
            ok            INTEGER NOT NULL DEFAULT 0,
            failed        INTEGER NOT NULL DEFAULT 0,
            cached        INTEGER NOT NULL DEFAULT 0,
            llm_requests  INTEGER NOT NULL DEFAULT 0,
            input_tokens  INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0,
            unsupported   INTEGER NOT NULL DEFAULT 0,
            detail        TEXT
        );
        """,
        // 2: the tracker: which topic found which paper, and translated abstracts.
        """
        CREATE TABLE tracker_topics (
            topic      TEXT NOT NULL,                     -- the topic's name, as on the page
            paper_id   TEXT NOT NULL,                     -- bare arXiv id (papers.id)
            first_seen TEXT NOT NULL,                     -- when the topic first found it (ISO 8601)
            PRIMARY KEY (topic, paper_id)
        );
        CREATE INDEX tracker_topics_paper ON tracker_topics(paper_id);
        CREATE TABLE translations (
            paper_id   TEXT NOT NULL,
            version    TEXT NOT NULL,                     -- '' when unknown
            lang       TEXT NOT NULL,
            model      TEXT NOT NULL,
            text       TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (paper_id, version, lang, model)
        );
        """,
    ];
}
