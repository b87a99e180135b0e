// The bodies of Parley's libFuzzer targets, shared with the regression test
// (regression_test.cc) so that a replayed input runs exactly what the fuzzer
// ran.
//
// Each entry takes arbitrary bytes, drives one pure parser with them and
// checks the parser's contract. It returns OK when every property held and
// INTERNAL naming the broken property otherwise. A memory error or undefined
// behaviour is caught by the sanitizers, not here.
#ifndef PARLEY_FUZZ_FUZZ_ENTRIES_H_
#define PARLEY_FUZZ_FUZZ_ENTRIES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "absl/status/status.h"

namespace parley::fuzz {

// DecodeArticle on a JSON envelope: the input is the message value (a '{' is
// put in front unless it already opens like JSON) and the key is empty.
// Properties: OK or INVALID_ARGUMENT; a decoded article is well formed.
absl::Status FuzzEnvelope(const uint8_t* data, size_t size);

// DecodeArticle on the plain-text page layout: the first byte picks the key
// (valid ids, an empty key, invalid ids), the rest is the value (a 'T' is put
// in front if it would open like JSON). Properties: OK or INVALID_ARGUMENT; a
// decoded article is well formed and keyed by the message key.
absl::Status FuzzPage(const uint8_t* data, size_t size);

// DecodeArticle as above (first byte picks the key, the rest is either
// format), then ExtractEvent on every decoded article. Properties: both give
// OK or INVALID_ARGUMENT; every span lies within the article text.
absl::Status FuzzExtractor(const uint8_t* data, size_t size);

// DecodePageToken on the input as a token for a few fingerprints (OK or
// INVALID_ARGUMENT), and the round trip: the first 8 bytes are a fingerprint,
// the rest a resume key; a token EncodePageToken issues decodes to that key
// under that fingerprint and to INVALID_ARGUMENT under any other.
absl::Status FuzzPageToken(const uint8_t* data, size_t size);

// The entry called `name` ("envelope", "page", "extractor", "page_token"),
// or nullptr.
using FuzzEntry = absl::Status (*)(const uint8_t* data, size_t size);
FuzzEntry FindFuzzEntry(std::string_view name);

}  // namespace parley::fuzz

#endif  // PARLEY_FUZZ_FUZZ_ENTRIES_H_
