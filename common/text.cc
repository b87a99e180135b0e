#include "common/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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
  if (byte_offset > utf8.size()) byte_offset = utf8.size();
  int32_t count = 0;
  for (size_t i = 0; i < byte_offset; ++i) {
    // Count every byte that is not a UTF-8 continuation byte.
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool IsValidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace parley
