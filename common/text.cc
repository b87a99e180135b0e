#include "common/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace parley {
namespace {

// Typographic punctuation that should compare equal to its ASCII form.
UChar32 PlainPunctuation(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      return '-';
    default:
      return c;
  }
}

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

uint64_t LoadWord(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return word;
}

// Code points in bytes[0, size): every byte that is not a UTF-8 continuation
// byte (10xxxxxx) starts one. Eight bytes at a time; articles are mostly ASCII.
int32_t CountCodePoints(const char* bytes, size_t size) {
  int32_t count = 0;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word = LoadWord(bytes + i);
    // One bit per continuation byte, moved to the byte's low bit; the
    // multiply sums the eight bytes into the top byte (no popcnt needed).
    uint64_t continuation = (word & ~(word << 1) & kHighBits) >> 7;
    count += 8 - static_cast<int32_t>((continuation * 0x0101010101010101ULL) >> 56);
  }
  for (; i < size; ++i) {
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// CountCodePoints of one 64-byte stride: the eight words' continuation
// bits are summed lane by lane (at most 8 per lane) and multiplied once, and
// an all-ASCII stride (most of an article) is settled by one test.
int32_t CountCodePointsInStride(const char* bytes) {
  uint64_t words[8];
  std::memcpy(words, bytes, sizeof(words));
  uint64_t any = 0;
  for (uint64_t word : words) any |= word;
  if ((any & kHighBits) == 0) return 64;
  uint64_t continuation = 0;
  for (uint64_t word : words) continuation += (word & ~(word << 1) & kHighBits) >> 7;
  return 64 - static_cast<int32_t>((continuation * 0x0101010101010101ULL) >> 56);
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(error);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = nfkd->normalize(source, error);
  if (U_FAILURE(error)) decomposed = source;

  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
      pending_space = !folded.isEmpty();
      continue;
    }
    if (pending_space) {
      folded.append(static_cast<UChar32>(' '));
      pending_space = false;
    }
    folded.append(u_foldCase(PlainPunctuation(c), U_FOLD_CASE_DEFAULT));
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string Slugify(std::string_view text) {
  std::string folded = FoldForMatch(text);
  std::string slug;
  slug.reserve(folded.size());
  bool pending_dash = false;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!keep) {
      pending_dash = !slug.empty();
      continue;
    }
    if (pending_dash) slug.push_back('-');
    pending_dash = false;
    slug.push_back(c);
  }
  return slug;
}

int32_t CodePointOffset(std::string_view utf8, size_t byte_offset) {
  return CountCodePoints(utf8.data(), std::min(byte_offset, utf8.size()));
}

bool IsValidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    // Skip ASCII 32 bytes at a time, then eight: articles are mostly ASCII.
    if (i + 32 <= length && ((LoadWord(text.data() + i) | LoadWord(text.data() + i + 8) |
                              LoadWord(text.data() + i + 16) | LoadWord(text.data() + i + 24)) &
                             kHighBits) == 0) {
      i += 32;
      continue;
    }
    if (i + 8 <= length && (LoadWord(text.data() + i) & kHighBits) == 0) {
      i += 8;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

CodePointIndex::CodePointIndex(std::string_view utf8) : text_(utf8) {
  checkpoints_.reserve(utf8.size() / kStride + 1);
  int32_t count = 0;
  static_assert(kStride == 64, "CountCodePointsInStride counts 64 bytes");
  for (size_t at = 0; at <= utf8.size(); at += kStride) {
    checkpoints_.push_back(count);
    count += utf8.size() - at >= kStride
                 ? CountCodePointsInStride(utf8.data() + at)
                 : CountCodePoints(utf8.data() + at, utf8.size() - at);
  }
}

int32_t CodePointIndex::operator()(size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  size_t checkpoint = byte_offset / kStride;
  size_t from = checkpoint * kStride;
  return checkpoints_[checkpoint] + CountCodePoints(text_.data() + from, byte_offset - from);
}

}  // namespace parley
