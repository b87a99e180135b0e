# Initial cache for scripts/sanitize.sh's build (cmake -C): ASan+UBSan, no
# benchmarks, and -O1 -g1 instead of -O2 -g. Line tables are all a sanitizer
# report needs, and in CI this is a second full build, so it is kept cheap.
set(PARLEY_SANITIZE ON CACHE BOOL "" FORCE)
set(PARLEY_BENCHMARKS OFF CACHE BOOL "" FORCE)
set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -g1 -DNDEBUG" CACHE STRING "" FORCE)
