// A read-only hash table from words to small values, for the lookups that
// run once per token or more (token flags, the common-words dictionary).
// Built once at first use from a finished map; lookups hash with a few
// overlapping loads instead of a byte loop, and compare the stored 64-bit
// hash before the bytes, so a miss rarely touches a key. Slots are packed
// (16 bytes for a one-byte value) at a load of up to 2/3: the dictionary's
// table is then 2 MB instead of 6, and a lookup is about one cache miss. Pure.
#ifndef PARLEY_EXTRACT_WORD_TABLE_H_
#define PARLEY_EXTRACT_WORD_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::extract_internal {

// Hash of a word: the whole word for any size, with 8-byte loads (the last
// one overlapping) rather than a copy per chunk. For words of up to 8 bytes
// every step is invertible, so two such words of one size have the same
// hash only if they are the same word (WordTable::Find relies on it).
// Always inlined: it runs for every word token, and a call costs about as
// much as the hash itself.
[[gnu::always_inline]] inline uint64_t TableWordHash(std::string_view word) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  const char* p = word.data();
  size_t n = word.size();
  uint64_t h = (n + 1) * kMul;
  auto load64 = [](const char* q) {
    uint64_t v;
    std::memcpy(&v, q, 8);
    return v;
  };
  auto load32 = [](const char* q) {
    uint32_t v;
    std::memcpy(&v, q, 4);
    return static_cast<uint64_t>(v);
  };
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) h = (h ^ load64(p + i)) * kMul;
    h = (h ^ load64(p + n - 8)) * kMul;
  } else if (n >= 4) {
    h = (h ^ (load32(p) | (load32(p + n - 4) << 32))) * kMul;
  } else if (n > 0) {
    uint64_t v = static_cast<unsigned char>(p[0]) |
                 (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
                 (static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    h = (h ^ v) * kMul;
  }
  return h ^ (h >> 29);
}

template <typename V>
class WordTable {
 public:
  static constexpr size_t kMaxKeySize = 0xFFFE;

  WordTable() = default;

  // `entries`: distinct keys and their values.
  explicit WordTable(const std::vector<std::pair<std::string_view, V>>& entries)
      : WordTable(entries, [](V& into, const V& value) { into = value; }) {}

  // `entries` may repeat a key: combine(value_so_far, value) merges them.
  // Keys are at most kMaxKeySize bytes (longer ones are left out).
  template <typename Combine>
  WordTable(const std::vector<std::pair<std::string_view, V>>& entries, Combine combine) {
    size_t capacity = 16;
    while (capacity * 2 < entries.size() * 3) capacity *= 2;
    slots_.resize(capacity);
    mask_ = capacity - 1;
    size_t bytes = 0;
    for (const auto& [key, value] : entries) bytes += key.size();
    keys_.reserve(bytes);
    for (const auto& [key, value] : entries) {
      if (key.size() > kMaxKeySize) continue;
      uint64_t h = TableWordHash(key);
      size_t i = h & mask_;
      while (slots_[i].size != kEmpty && !Holds(slots_[i], h, key)) i = (i + 1) & mask_;
      Slot& s = slots_[i];
      if (s.size != kEmpty) {
        combine(s.value, value);
        continue;
      }
      s.hash = h;
      s.offset = static_cast<uint32_t>(keys_.size());
      s.size = static_cast<uint16_t>(key.size());
      s.value = value;
      keys_.append(key);
    }
  }

  // The value of `word`, or nullptr.
  const V* Find(std::string_view word) const { return Find(word, TableWordHash(word)); }
  // The same, given h = TableWordHash(word) (for a caller that filters first).
  const V* Find(std::string_view word, uint64_t h) const {
    if (slots_.empty() || word.size() > kMaxKeySize) return nullptr;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size == kEmpty) return nullptr;
      if (Holds(s, h, word)) return &s.value;
    }
  }

 private:
  static constexpr uint16_t kEmpty = 0xFFFF;
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;  // into keys_
    uint16_t size = kEmpty;
    V value{};
  };
  // Whether occupied slot s holds `word`, whose hash is h. Up to 8 bytes the
  // hash is a bijection of the bytes: equal hashes of equal sizes are equal
  // words.
  bool Holds(const Slot& s, uint64_t h, std::string_view word) const {
    return s.hash == h && s.size == word.size() &&
           (word.size() <= 8 || std::memcmp(keys_.data() + s.offset, word.data(), word.size()) == 0);
  }

  std::vector<Slot> slots_;
  std::string keys_;
  size_t mask_ = 0;
};

// A Bloom filter of words by TableWordHash: two bits per key in a bit set
// small enough to stay in the L1 cache, for a table that most lookups miss
// (the token flags: two tokens in three are no key). MayContain is false for
// most non-keys and never for a key, so a miss costs no probe of the table.
class WordFilter {
 public:
  WordFilter() = default;
  // Sized for `keys` keys at about 1% false positives.
  explicit WordFilter(size_t keys) {
    size_t bits = 64;
    while (bits < keys * 16) bits *= 2;
    words_.assign(bits / 64, 0);
    mask_ = bits - 1;
  }
  void Add(uint64_t h) {
    for (size_t bit : {Bit1(h), Bit2(h)}) words_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  bool MayContain(uint64_t h) const {
    if (words_.empty()) return true;
    size_t b1 = Bit1(h), b2 = Bit2(h);
    return ((words_[b1 / 64] >> (b1 % 64)) & (words_[b2 / 64] >> (b2 % 64)) & 1) != 0;
  }

 private:
  // Bits of h that WordTable's slot index (its low bits) does not use.
  size_t Bit1(uint64_t h) const { return (h >> 40) & mask_; }
  size_t Bit2(uint64_t h) const { return (h >> 20) & mask_; }

  std::vector<uint64_t> words_;
  size_t mask_ = 0;
};

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_WORD_TABLE_H_
