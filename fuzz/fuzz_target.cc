// One libFuzzer target per entry of fuzz_entries.h; fuzz/CMakeLists.txt
// builds this file once per target with PARLEY_FUZZ_ENTRY set to the entry.
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_entries.h"

#ifndef PARLEY_FUZZ_ENTRY
#error "define PARLEY_FUZZ_ENTRY to one of the functions in fuzz/fuzz_entries.h"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::Status status = parley::fuzz::PARLEY_FUZZ_ENTRY(data, size);
  if (!status.ok()) {
    // A broken property is a finding like a crash: libFuzzer saves the input.
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    std::abort();
  }
  return 0;
}
