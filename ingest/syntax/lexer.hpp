// The extractor's word lexer: sentence text -> Toks with dictionary ids.
//
// Extraction matches dictionaries on token ids, so the text and every
// dictionary phrase must be cut into words by the same rules; this lexer is
// that one rule set (the Document's own tokens stay the reader's business).
// Rules: a word is letters/digits (any non-ASCII byte counts as a letter) with
// inner apostrophes; hyphens split words ("Pakistan-Russia" -> two Toks, the
// second flagged kHyphenJoined); a trailing "'s" or "s'" is dropped and flags
// the word kPossessive; "n't" becomes the word "not" ("cannot": "can" "not"); dotted initials
// ("U.S.", "F.W.") are one word; every other punctuation byte is one Tok.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dipgraph::ingest {

using TokenId = std::uint32_t;
inline constexpr TokenId kNoToken = 0;  // a word that is in no dictionary

enum TokFlag : std::uint16_t {
  kWord = 1u << 0,
  kNumber = 1u << 1,        // starts with a digit ("2025", "1970s", "5.1")
  kPunct = 1u << 2,
  kCap = 1u << 3,           // first character is an upper-case ASCII letter
  kAllCaps = 1u << 4,       // two or more letters, all upper case ("SCO", "U.S.")
  kPossessive = 1u << 5,    // "Russia's", "allies'"
  kHyphenJoined = 1u << 6,  // glued to the previous Tok by '-'
  kSpaceBefore = 1u << 7,   // whitespace (or text start) before it
};

struct Tok {
  std::uint32_t start = 0, end = 0;  // bytes in the Document's normalized text
  TokenId id = kNoToken;             // lower-case form in the Dictionary's Vocab
  std::uint16_t flags = 0;           // TokFlag bits
  std::uint16_t cls = 0;             // grammar classes of the word (WordClass bits)
  bool is(std::uint16_t f) const { return (flags & f) != 0; }
};

// Lower-case word forms -> dense ids (1..size-1; 0 is kNoToken). Open
// addressing over an arena; find() does not allocate. Not thread-safe for
// intern(); find() is safe once building is over.
class Vocab {
 public:
  Vocab();
  TokenId intern(std::string_view word);
  TokenId find(std::string_view word) const;
  // find() with the word's hash_word() already computed.
  TokenId find_hashed(std::string_view word, std::uint64_t hash) const;
  // find() of a word whose bytes are zero-padded up to the next multiple of
  // 8 past n, with its hash_word() (lex() looks words up this way).
  TokenId find_padded(const unsigned char* word, std::size_t n, std::uint64_t hash) const;
  // The hash find() uses: the bytes 8 at a time (the last chunk
  // zero-padded), multiplied and mixed.
  static std::uint64_t hash_word(std::string_view word);
  // The id of "not" (what "n't" reads as), kNoToken until interned.
  TokenId not_id() const { return not_id_; }
  std::string_view word(TokenId id) const { return words_[id]; }
  std::size_t size() const { return words_.size(); }

 private:
  // A slot of the open-addressing table: the word's first 8 bytes (zero-
  // padded), its id (0: empty) and a check of hash bits and length, so that
  // a lookup of a short word reads one slot and nothing else.
  struct Slot {
    std::uint64_t head = 0;
    TokenId id = 0;
    std::uint32_t check = 0;
  };
  void rehash(std::size_t capacity);
  void place(TokenId id, std::uint64_t hash);
  void add_chunks(std::string_view word);
  std::vector<std::string> words_;
  std::vector<std::uint64_t> chunks_;        // each word's bytes, zero-padded to 8-byte chunks
  std::vector<std::uint32_t> chunk_begin_;   // per id: its first chunk
  TokenId not_id_ = kNoToken;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// One lexed word before id lookup: its bytes and flags.
struct RawTok {
  std::uint32_t start = 0, end = 0;  // bytes of the word proper (without 's)
  std::uint16_t flags = 0;
  bool is_not = false;               // "n't", read as "not"
};

// Cuts text[begin, end) into words and punctuation by the rules above.
// Offsets are absolute (in `text`). Never fails; empty input gives nothing.
void lex_raw(std::string_view text, std::uint32_t begin, std::uint32_t end,
             std::vector<RawTok>& out);

// Lexes text[begin, end) and appends Toks with ids from `vocab` (kNoToken for
// unknown words) and classes from `classes` (indexed by id) to `out`.
void lex(std::string_view text, std::uint32_t begin, std::uint32_t end, const Vocab& vocab,
         const std::vector<std::uint16_t>& classes, std::vector<Tok>& out);

// The lower-case word forms of a dictionary phrase, cut by the same rules
// ("the U.S.-based" -> "the", "u.s.", "based").
std::vector<std::string> lex_phrase(std::string_view phrase);

// ASCII lower case of `s` into `out` (non-ASCII bytes kept as they are).
void to_lower(std::string_view s, std::string& out);

}  // namespace dipgraph::ingest
