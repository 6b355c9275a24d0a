// The index schema, in one place: every term prefix, value slot, metadata key and the format of the
// stored article. ARCHITECTURE.md carries the same table; change both together. The code that builds a
// document from this table and reads its data back is document.h; the layout of a sharded index is shards.h.
#pragma once

#include <xapian.h>

namespace bahth::schema {

// ---- Term prefixes -------------------------------------------------------------------------------------
inline constexpr const char* kId = "Q";            ///< Q<id>: unique id term (boolean), used by replace_document
inline constexpr const char* kBodyExact = "";      ///< <form>: exact word of title or body; positions in kSlotPositions
/// Z<key>: a stem key of a word of title or body (Analyzer::index_keys), no positions — except a key equal to
/// the word's own form, which the exact term already says: a query for key k searches OP_SYNONYM(Z<k>, <k>)
/// when a word written k has the key k (search/query.cpp: stem_query). Measured on the 20k-document sample:
/// 15% fewer postings, 11% less build CPU.
inline constexpr const char* kBodyStem = "Z";
/// S<form>: exact title word (title:), no positions: title:"…" reads the title's part of kSlotPositions.
inline constexpr const char* kTitleExact = "S";
inline constexpr const char* kTitleStem = "ZS";    ///< ZS<key>: stem key of a title word (title:), as Z for S
inline constexpr const char* kSource = "XS";       ///< XS<source>: source site, lower case (boolean, source:)
inline constexpr const char* kCategory = "XC";     ///< XC<category>: category, lower case (boolean, category:)
inline constexpr const char* kYear = "Y";          ///< Y<YYYY>: publication year (boolean)
inline constexpr const char* kMonth = "M";         ///< M<YYYYMM>: publication month (boolean)
inline constexpr const char* kDay = "D";           ///< D<YYYYMMDD>: publication day (boolean)
inline constexpr const char* kMentionedYear = "XMY";   ///< XMY<YYYY>: a year a mentioned date's period overlaps (mentioned:YYYY)
inline constexpr const char* kMentionedMonth = "XMM";  ///< XMM<YYYYMM>: a month a mentioned period overlaps (day, week or month precision)
inline constexpr const char* kMentionedDay = "XMD";    ///< XMD<YYYYMMDD>: a day the text mentions (day precision)
inline constexpr const char* kRoot = "XR";         ///< XR<hash of input root>: documents read from files under a root (--prune)

// ---- Value slots ---------------------------------------------------------------------------------------
inline constexpr Xapian::valueno kSlotDate = 0;      ///< publication date "YYYYMMDD" (range filters, sorting)
inline constexpr Xapian::valueno kSlotSource = 1;    ///< source, as given (facet counts)
inline constexpr Xapian::valueno kSlotCategory = 2;  ///< category, as given (facet counts)
inline constexpr Xapian::valueno kSlotHash = 3;      ///< content hash, 16 hex digits: unchanged input is skipped
inline constexpr Xapian::valueno kSlotDuplicate = 4; ///< duplicate-cluster key: the searcher collapses on it
inline constexpr Xapian::valueno kSlotOrder = 7;     ///< hash of the id, 16 hex digits: orders equal scores
/// MinHash signature of the body: 32 minima, the low 16 bits of each (index/dedup.h)
inline constexpr Xapian::valueno kSlotMinHash = 6;
inline constexpr Xapian::valueno kSlotMentionedYears = 5;  ///< distinct years mentioned periods overlap, "YYYY" joined by ',' (facets)
/// When the article was first added to this index: the start of the indexing run that added it, UTC,
/// "YYYY-MM-DDTHH:MM:SS.ffffffZ" (fixed width, so string order is time order). A changed article that
/// replaces its older version keeps the older time (in_place_writer.cpp); an unchanged one is not rewritten.
/// Saved searches report the articles added since they last ran (cli/alerts.h). Absent in documents of
/// indexes built before it existed.
inline constexpr Xapian::valueno kSlotAdded = 8;
/// Where each word of title and body stands (the body field's positions: title words first, body words
/// from 100 past the title's last, so that no phrase spans both), and how many words the title has,
/// encoded as index/positions.h says; read by exact phrase queries, title:"…" included
/// (search/phrase_source.h). Replaces Xapian's position table: a schema-3 index has none.
inline constexpr Xapian::valueno kSlotPositions = 9;
/// The article's id, as given: a hit's id without its stored data (ids, TREC output).
inline constexpr Xapian::valueno kSlotId = 10;
/// The stored article ("Stored article" below). A value, not Xapian's document data: glass tries zlib on
/// every document's data at each write and again at compaction, although zstd leaves it nothing to gain (a
/// 77k build spent 2.4 of its 4.2 s of compaction deflating the stored articles in vain); values are
/// stored as they are.
inline constexpr Xapian::valueno kSlotStored = 11;

// ---- Database metadata ---------------------------------------------------------------------------------
inline constexpr const char* kMetaSchema = "bahth.schema";    ///< schema version (kSchemaVersion)
inline constexpr const char* kMetaStemmer = "bahth.stemmer";  ///< the stemmer the index was built with
/// The version of this table. An index of another version is refused, by the searcher and by an update, with
/// a message to rebuild it (index/schema_check.h); 2: body positions in kSlotPositions, Z keys only where
/// they differ from the form; 3: title positions there too (no position table), the id in kSlotId; 4: the
/// stored article in kSlotStored (no document data; the XB band terms were dropped later without a new
/// version: an index that holds them is read and updated alike); 5: kSlotPositions holds a code a position
/// (index/positions.h), not a list of positions a term, and kSlotMinHash 16 bits a minimum, not 32.
inline constexpr const char* kSchemaVersion = "5";
/// The zstd id (decimal) of the dictionary a writer compresses new documents' data with (stored_codec.h).
inline constexpr const char* kMetaDictionary = "bahth.dict";
/// kMetaDictionaryPrefix<id>: the bytes of zstd dictionary <id>, for every dictionary the documents use.
inline constexpr const char* kMetaDictionaryPrefix = "bahth.dict.";
/// kMetaSpellingPrefix<key>: the other spellings of the name with stem key <key> (or two words "a b"), joined by '|' 
/// (index/spelling_groups.h); kMetaSpellings: the document count of the index when they were found.
inline constexpr const char* kMetaSpellingPrefix = "bahth.spell.";
inline constexpr const char* kMetaSpellings = "bahth.spellings";
/// Part of every content hash: bump it when analysis changes so that re-indexing rewrites every document.
inline constexpr const char* kAnalysisVersion = "5";  // 2: ة stripped, stop-word spellings; 3: a stray tatweel is a dash;
                                                      // 4: mentioned dates by their periods (official Umm al-Qura);
                                                      // 5: schema 2 (positions in a value, fewer Z keys);
                                                      // schemas 3 and 4 changed no term, so it stays 5

// ---- Stored article (value kSlotStored) -----------------------------------------------------------------
// A JSON object: {"id","title","text","source","url","date","date_source","category","author","file"},
// absent fields omitted; "file" is the absolute path of the file the article was read from. "text" is the
// original body (after boilerplate removal) for snippets; "date" is "YYYY-MM-DD"; "date_source" is
// metadata|text|filename. Stored as a zstd frame (level 3) compressed with the dictionary whose id the frame
// names (kMetaDictionaryPrefix<id>), trained on the index's first articles; data that starts with '{' is the
// JSON itself (indexes built before compression, and runs of fewer than 200 articles). Written and read only
// by document.h (stored_data, StoredArticle) through stored_codec.h; document.h also makes the filter terms
// of kSource and kCategory (filter_term).

// Weight of the title relative to the body: title words are indexed with this wdf increment.
// Measured (MRR@10 over all questions of arcd / xquad-ar / mlqa-dev-ar, QA paragraphs + 10k news, BM25
// k1 = 1.2, b = 0.75): 1 → 0.629 / 0.831 / 0.514; 3 → 0.655 / 0.823 / 0.521; 5 → 0.650 / 0.816 / 0.520.
// 3 is best overall; xquad-ar alone prefers 1 (its paragraphs share few words with their titles).
// Re-measured with DLH ranking (QA paragraphs + a quarter of the news, overall MRR@10): 1 → 0.721,
// 3 → 0.724, 5 → 0.720. Still 3.
inline constexpr Xapian::termcount kTitleWdf = 3;

}  // namespace bahth::schema
