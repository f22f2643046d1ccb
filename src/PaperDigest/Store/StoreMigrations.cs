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
        // 3: full-text search (issue 5) and tracker topics. Two FTS5 indexes over the same documents (title, authors,
        // abstract, summaries): search_words (unicode61 + porter: English words, short terms such as "AI" or "3D") over all
        // four, and search_trigram (substrings: Chinese, which unicode61 cannot split) over the columns that hold Chinese,
        // title and summaries (arXiv abstracts are English; leaving them out makes the index 4x smaller). search_trigram
        // keeps its text for snippets. Its text ends in two spaces, so every occurrence of a 1-2 character term starts some
        // trigram: such terms are searched as the OR of the indexed trigrams they begin (found in search_trigram_vocab).
        // search_docs gives each paper a stable integer id (VACUUM may renumber a plain rowid). Triggers keep both indexes in sync whoever writes papers or summaries, so no writer needs to know.
        """
        CREATE TABLE paper_topics (
            paper_id  TEXT NOT NULL REFERENCES papers(id),
            topic     TEXT NOT NULL,
            published TEXT,
            PRIMARY KEY (paper_id, topic)
        );
        CREATE INDEX paper_topics_topic ON paper_topics(topic, published);
        INSERT OR IGNORE INTO paper_topics (paper_id, topic, published)
            SELECT t.paper_id, t.topic, p.published FROM tracker_topics t JOIN papers p ON p.id = t.paper_id;
        CREATE INDEX papers_published ON papers(published);
        CREATE TABLE search_docs (
            doc      INTEGER PRIMARY KEY,
            paper_id TEXT NOT NULL UNIQUE
        );
        CREATE VIEW search_documents AS
        SELECT d.doc, p.id, p.title || '  ' AS title, p.authors, p.abstract,
               coalesce((SELECT group_concat(j.value, ' ') FROM summaries s, json_tree(s.fields) j
                         WHERE s.paper_id = p.id AND s.status = 'ok' AND j.type = 'text'), '')
               || ' ' || coalesce(p.ai_summary, '') || '  ' AS summaries
        FROM papers p JOIN search_docs d ON d.paper_id = p.id;
        CREATE VIRTUAL TABLE search_words USING fts5(
            title, authors, abstract, summaries,
            content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE search_trigram USING fts5(title, summaries, tokenize = 'trigram');
        CREATE VIRTUAL TABLE search_trigram_vocab USING fts5vocab(search_trigram, 'row');
        INSERT INTO search_words (search_words, rank) VALUES ('rank', 'bm25(10.0, 2.0, 1.0, 1.5)');
        INSERT INTO search_trigram (search_trigram, rank) VALUES ('rank', 'bm25(10.0, 1.5)');

        CREATE TRIGGER search_papers_insert AFTER INSERT ON papers BEGIN
            INSERT OR IGNORE INTO search_docs (paper_id) VALUES (new.id);
            INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id = new.id;
            INSERT INTO search_trigram (rowid, title, summaries)
                SELECT doc, title, summaries FROM search_documents WHERE id = new.id;
        END;
        CREATE TRIGGER search_papers_update AFTER UPDATE OF title, authors, abstract, ai_summary ON papers
        WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.abstract IS NOT new.abstract
          OR old.ai_summary IS NOT new.ai_summary BEGIN
            DELETE FROM search_words WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.id);
            DELETE FROM search_trigram WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.id);
            INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id = new.id;
            INSERT INTO search_trigram (rowid, title, summaries)
                SELECT doc, title, summaries FROM search_documents WHERE id = new.id;
        END;
        CREATE TRIGGER search_papers_delete AFTER DELETE ON papers BEGIN
            DELETE FROM search_words WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = old.id);
            DELETE FROM search_trigram WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = old.id);
            DELETE FROM search_docs WHERE paper_id = old.id;
        END;
        CREATE TRIGGER search_summaries_insert AFTER INSERT ON summaries BEGIN
            DELETE FROM search_words WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.paper_id);
            DELETE FROM search_trigram WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.paper_id);
            INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id = new.paper_id;
            INSERT INTO search_trigram (rowid, title, summaries)
                SELECT doc, title, summaries FROM search_documents WHERE id = new.paper_id;
        END;
        CREATE TRIGGER search_summaries_update AFTER UPDATE ON summaries BEGIN
            DELETE FROM search_words WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.paper_id);
            DELETE FROM search_trigram WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.paper_id);
            INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id = new.paper_id;
            INSERT INTO search_trigram (rowid, title, summaries)
                SELECT doc, title, summaries FROM search_documents WHERE id = new.paper_id;
        END;
        CREATE TRIGGER search_summaries_delete AFTER DELETE ON summaries BEGIN
            DELETE FROM search_words WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = old.paper_id);
            DELETE FROM search_trigram WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = old.paper_id);
            INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id = old.paper_id;
            INSERT INTO search_trigram (rowid, title, summaries)
                SELECT doc, title, summaries FROM search_documents WHERE id = old.paper_id;
        END;

        INSERT INTO search_docs (paper_id) SELECT id FROM papers;
        INSERT INTO search_words (rowid, title, authors, abstract, summaries) SELECT doc, title, authors, abstract, summaries FROM search_documents;
        INSERT INTO search_trigram (rowid, title, summaries) SELECT doc, title, summaries FROM search_documents;
        """,
        // 4: one topic<->paper table. The tracker's history (tracker_topics) and the reader's copy (paper_topics) merge
        // into paper_topics (topic, paper_id, first_seen); a paper's date is papers.published, no longer copied per topic.
        // Rows of both are kept (the earliest first_seen wins); rows whose paper is not stored cannot be shown and are left out.
        """
        CREATE TABLE topic_papers_merged (
            topic      TEXT NOT NULL,                     -- the topic's name, as on the page
            paper_id   TEXT NOT NULL REFERENCES papers(id),
            first_seen TEXT NOT NULL,                     -- when the topic first found it (ISO 8601)
            PRIMARY KEY (topic, paper_id)
        );
        INSERT INTO topic_papers_merged (topic, paper_id, first_seen)
            SELECT topic, paper_id, min(first_seen) FROM (
                SELECT topic, paper_id, first_seen FROM tracker_topics
                UNION ALL
                SELECT topic, paper_id, coalesce(published, (SELECT updated_at FROM papers WHERE id = paper_id)) FROM paper_topics)
            WHERE paper_id IN (SELECT id FROM papers)
            GROUP BY topic, paper_id;
        DROP TABLE tracker_topics;
        DROP TABLE paper_topics;
        ALTER TABLE topic_papers_merged RENAME TO paper_topics;
        CREATE INDEX paper_topics_paper ON paper_topics(paper_id);
        """,
        // 5: work claims. A run that is writing a summary claims its key, so a second run at the same time waits for the
        // result instead of paying for it again. A claim older than the summary service's stale window can be taken over.
        """
        CREATE TABLE summary_claims (
            paper_id       TEXT NOT NULL,
            paper_version  TEXT NOT NULL,
            style          TEXT NOT NULL,
            lang           TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            model          TEXT NOT NULL,
            run_id         TEXT NOT NULL,                 -- the claiming process's id (one per command invocation)
            claimed_at     TEXT NOT NULL,                 -- ISO 8601, UTC
            PRIMARY KEY (paper_id, paper_version, style, lang, prompt_version, model)
        );
        """,
        // 6 (issue 9): the request shape each LLM endpoint and model accepts (structured mode, thinking off, output-limit
        // parameter), learnt from its refusals; and the run's cached prompt tokens and cost (llm.prices).
        """
        CREATE TABLE llm_endpoint_modes (
            base_url         TEXT NOT NULL,
            model            TEXT NOT NULL,
            structured       TEXT NOT NULL,               -- json_schema | json_object | none
            disable_thinking INTEGER NOT NULL DEFAULT 0,  -- 1: enable_thinking: false is sent
            output_limit     TEXT NOT NULL,               -- max_completion_tokens | max_tokens
            learnt_at        TEXT NOT NULL,
            PRIMARY KEY (base_url, model)
        );
        ALTER TABLE runs ADD COLUMN cached_input_tokens INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE runs ADD COLUMN cost REAL;                -- in the currency of llm.prices, NULL without prices
        """,
        // 7 (issue 14): sent-once records of `notify`. A channel is named by its type and a hash of its address (never the
        // address: a webhook's URL holds its token); a rerun skips what is here unless --force.
        """
        CREATE TABLE deliveries (
            day      TEXT NOT NULL,                     -- YYYY-MM-DD
            source   TEXT NOT NULL,                     -- huggingface, or a configured source's name
            style    TEXT NOT NULL,
            lang     TEXT NOT NULL,
            channel  TEXT NOT NULL,                     -- e.g. email:3f2a9c01b7de, telegram:9a0b...
            messages INTEGER NOT NULL,                  -- how many messages it took
            sent_at  TEXT NOT NULL,                     -- ISO 8601, UTC
            PRIMARY KEY (day, source, style, lang, channel)
        );
        """,
        // 8 (issue 13): the digests of named arXiv sources (`daily --source NAME`): which papers each day's digest holds, in
        // order, with their relevance to the profile, so that a paper is not repeated on a later day of the same source.
        """
        CREATE TABLE source_digests (
            source   TEXT NOT NULL,                     -- the source's name (sources[].name)
            date     TEXT NOT NULL,                     -- the listing's date, YYYY-MM-DD
            position INTEGER NOT NULL,                  -- 0 = most relevant
            paper_id TEXT NOT NULL,
            score    REAL NOT NULL,
            why      TEXT NOT NULL,                     -- JSON array of what it matched
            PRIMARY KEY (source, date, paper_id)
        );
        CREATE INDEX source_digests_paper ON source_digests(source, paper_id);
        """,
        // 9 (issue 10): a summary written from a fallback text after a passing failure (a 503, a timeout) is provisional:
        // the next run that can read the full text writes it again.
        """
        ALTER TABLE summaries ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0; -- 1: written from a transient fallback
        """,
        // 10 (issue 11): the tracker's translated abstracts are searchable (a Chinese query finds a tracker paper by its
        // translation). The newest translation per language joins the summaries column (the reader's-language text of
        // the paper, indexed by both indexes); triggers on translations keep the indexes in sync, as for summaries.
        """
        DROP VIEW search_documents;
        CREATE VIEW search_documents AS
        SELECT d.doc, p.id, p.title || '  ' AS title, p.authors, p.abstract,
               coalesce((SELECT group_concat(j.value, ' ') FROM summaries s, json_tree(s.fields) j
                         WHERE s.paper_id = p.id AND s.status = 'ok' AND j.type = 'text'), '')
               || ' ' || coalesce(p.ai_summary, '')
               || ' ' || coalesce((SELECT group_concat(text, ' ') FROM (SELECT text, max(created_at) FROM translations t
                                   WHERE t.paper_id = p.id GROUP BY lang)), '') || '  ' AS summaries
        FROM papers p JOIN search_docs d ON d.paper_id = p.id;
        CREATE TRIGGER search_translations_insert AFTER INSERT ON translations BEGIN
            DELETE FROM search_words WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.paper_id);
            DELETE FROM search_trigram WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.paper_id);
            INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id = new.paper_id;
            INSERT INTO search_trigram (rowid, title, summaries)
                SELECT doc, title, summaries FROM search_documents WHERE id = new.paper_id;
        END;
        CREATE TRIGGER search_translations_update AFTER UPDATE ON translations BEGIN
            DELETE FROM search_words WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.paper_id);
            DELETE FROM search_trigram WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = new.paper_id);
            INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id = new.paper_id;
            INSERT INTO search_trigram (rowid, title, summaries)
                SELECT doc, title, summaries FROM search_documents WHERE id = new.paper_id;
        END;
        CREATE TRIGGER search_translations_delete AFTER DELETE ON translations BEGIN
            DELETE FROM search_words WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = old.paper_id);
            DELETE FROM search_trigram WHERE rowid = (SELECT doc FROM search_docs WHERE paper_id = old.paper_id);
            INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id = old.paper_id;
            INSERT INTO search_trigram (rowid, title, summaries)
                SELECT doc, title, summaries FROM search_documents WHERE id = old.paper_id;
        END;
        DELETE FROM search_words WHERE rowid IN (SELECT d.doc FROM search_docs d WHERE d.paper_id IN (SELECT paper_id FROM translations));
        DELETE FROM search_trigram WHERE rowid IN (SELECT d.doc FROM search_docs d WHERE d.paper_id IN (SELECT paper_id FROM translations));
        INSERT INTO search_words (rowid, title, authors, abstract, summaries)
            SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE id IN (SELECT paper_id FROM translations);
        INSERT INTO search_trigram (rowid, title, summaries)
            SELECT doc, title, summaries FROM search_documents WHERE id IN (SELECT paper_id FROM translations);
        """,
        // 11 (issue 13): profile ranking by embeddings (llm.embeddings_model): one vector per paper version and model, so
        // a rerun asks the endpoint nothing. Library entries without an arXiv id are keyed by a hash of their text.
        """
        CREATE TABLE embeddings (
            item      TEXT NOT NULL,                    -- arXiv id without version, or 'text:' + SHA-256 of the text
            version   TEXT NOT NULL,                    -- '' when unknown
            model     TEXT NOT NULL,
            text_hash TEXT NOT NULL,                    -- SHA-256 of the text embedded: a changed text is embedded again
            vector    BLOB NOT NULL,                    -- float32 little-endian
            created_at TEXT NOT NULL,
            PRIMARY KEY (item, version, model)
        );
        """,
        // 12 (issue 12): `import` stores papers a batch at a time (search_trigram filled in the same transaction) and fills
        // search_words afterwards, in large chunks. This mark is committed with the batch: every search_docs row from
        // from_doc on that search_words lacks is still to be indexed there, so an import killed in between leaves work
        // that the next import finishes first.
        """
        CREATE TABLE import_pending (
            id       INTEGER PRIMARY KEY CHECK (id = 1),  -- one row at most
            from_doc INTEGER NOT NULL                     -- search_docs.doc from which papers may be unindexed
        );
        """,
    ];
}
